package com.kcm.assessment;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.kcm.shared.TimeConfig;
import com.kcm.shared.domain.NotFoundException;

/**
 * The monthly bulletin under {@code /api/v1/bulletins}: JSON (paged), xlsx and PDF. 404 when the month has
 * not been computed or the region is unknown or outside the caller's scope.
 */
@RestController
@RequestMapping("/api/v1/bulletins")
@PreAuthorize(BulletinApi.READERS)
class BulletinApi {

	/** Who reads the bulletin (managers and administrators through the role hierarchy); regional users scoped. */
	static final String READERS = "hasAnyRole('AFTER_SALES', 'CS_SUPERVISOR', 'FINANCE', 'REGIONAL')";

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** A page of the month's bulletin (the ranked rows of the region, or of all regions when none is given). */
	record BulletinPage(String month, String regionCode, String cutoff, String computedAt, List<Bulletins.Row> items,
			int page, int size, int total) {
	}

	private final Bulletins bulletins;

	BulletinApi(Bulletins bulletins) {
		this.bulletins = bulletins;
	}

	@GetMapping("/{month}")
	BulletinPage bulletin(@PathVariable String month, @RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "200") int size) {
		YearMonth m = Months.parse(month, "month");
		Bulletins.Bulletin b = bulletins.bulletin(m, regionCode);
		if (!b.computed()) {
			throw new NotFoundException("bulletin", m.toString());
		}
		int p = Math.max(page, 0);
		int s = Math.min(Math.max(size, 1), 1000);
		List<Bulletins.Row> rows = b.rows();
		int from = (int) Math.min((long) p * s, rows.size());
		return new BulletinPage(m.toString(), b.region() == null ? null : b.region().code(), local(b.cutoff()),
				local(b.computedAt()), rows.subList(from, Math.min(from + s, rows.size())), p, s, rows.size());
	}

	@GetMapping("/{month}/xlsx")
	void xlsx(@PathVariable String month, @RequestParam(required = false) String regionCode,
			HttpServletResponse response) throws IOException {
		YearMonth m = Months.parse(month, "month");
		byte[] bytes = BulletinPages.render(out -> bulletins.xlsx(m, regionCode, LocaleContextHolder.getLocale(), out));
		BulletinPages.send(response, XLSX, "bulletin-" + m + ".xlsx", bytes);
	}

	@GetMapping("/{month}/pdf")
	void pdf(@PathVariable String month, @RequestParam(required = false) String regionCode,
			HttpServletResponse response) throws IOException {
		YearMonth m = Months.parse(month, "month");
		byte[] bytes = BulletinPages.render(out -> bulletins.pdf(m, regionCode, LocaleContextHolder.getLocale(), out));
		BulletinPages.send(response, "application/pdf", "bulletin-" + m + ".pdf", bytes);
	}

	private static String local(java.time.Instant t) {
		return t == null ? null
				: java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), TimeConfig.BUSINESS_ZONE));
	}
}
