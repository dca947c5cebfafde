package com.kcm.customer;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import com.kcm.audit.Audit;
import com.kcm.shared.io.XlsxExport;

/** The customer list as xlsx: the caller's scope and filter, masked, written page by page. */
@Component
class CustomerExport {

	static final int PAGE = 500;

	private final Customers customers;
	private final MessageSource messages;
	private final Audit audit;

	CustomerExport(Customers customers, MessageSource messages, Audit audit) {
		this.customers = customers;
		this.messages = messages;
		this.audit = audit;
	}

	void write(CustomerFilter filter, Sort sort, Locale locale, OutputStream out) {
		List<String> headers = List.of("ID", text("field.name", locale), text("field.phone", locale),
				text("field.phone2", locale), text("field.idNumber", locale), text("field.kind", locale),
				text("field.customerClass", locale), text("field.keyAccount", locale),
				text("field.accountManagerName", locale), text("field.occupation", locale), text("field.birthday", locale),
				text("field.address", locale), text("field.marketingConsent", locale), text("field.source", locale),
				text("field.vin", locale), text("field.plate", locale), text("field.sellingDealerCode", locale));
		long[] rows = { 0 };
		XlsxExport.write(out, text("customers.export.title", locale), null, headers, sink -> {
			for (int page = 0;; page++) {
				Page<CustomerView> p = customers.list(filter, PageRequest.of(page, PAGE, sort));
				for (CustomerView c : p.getContent()) {
					sink.row(java.util.Arrays.asList(c.id(), c.name(), c.phone(), c.phone2(), c.idNumber(),
							text("kind." + c.kind(), locale), c.customerClass() == null ? null : c.customerClass().name(),
							c.keyAccount(), c.accountManagerName(), c.occupation(), c.birthday(), c.address(),
							c.marketingConsent(), c.source(), join(c, VehicleView::vin), join(c, VehicleView::plate),
							join(c, VehicleView::sellingDealerCode)));
					rows[0]++;
				}
				if (!p.hasNext()) {
					break;
				}
			}
		});
		audit.event(Audit.EXPORT, Customers.TYPE, null, rows[0] + " rows; filter " + filter);
	}

	private static String join(CustomerView c, java.util.function.Function<VehicleView, String> f) {
		return c.vehicles().stream().map(f).filter(java.util.Objects::nonNull).collect(Collectors.joining(", "));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
