package com.kcm.assessment;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;
import com.kcm.complaint.ComplaintHistory;
import com.kcm.complaint.ComplaintHistoryImport;
import com.kcm.complaint.IntakeCommand;
import com.kcm.dealer.DealerCatalog;
import com.kcm.identity.DemoSignIn;
import com.kcm.shared.TimeConfig;

/**
 * Demo assessment data (README): the six months before the current one for the demo dealers D0001–D0020 —
 * service visits of the quarters involved (so the limits differ), about 180 hotline complaints imported
 * through the history import (most closed on the first pass, some returned, unreachable, forced or still
 * open; always the same, seeded) — and each of the six months computed, so the bulletin and the dashboard
 * have something to show. Runs after the demo users (order 30), signed in as the demo specialist
 * {@code aftersales}, only when no month has been computed yet and the demo dealers exist.
 */
@Component
@Order(40)
class AssessmentDemoData implements DemoData {

	static final int MONTHS = 6;

	private static final Logger log = LoggerFactory.getLogger(AssessmentDemoData.class);
	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹";
	private static final String[] CATEGORIES = { "SERVICE_PROCESS", "SERVICE_PROCESS", "SERVICE_PROCESS",
			"SERVICE_PROCESS", "PRODUCT_QUALITY", "PRODUCT_QUALITY", "PRODUCT_QUALITY", "TECHNICAL_CAPABILITY",
			"TECHNICAL_CAPABILITY", "PARTS_SUPPLY", "OTHER" };
	private static final String[] COMPLAINTS = { "维修后故障复现，客户要求彻底解决", "服务顾问态度冷淡，等待时间过长",
			"配件等待超过两周仍未到货", "保养项目未经同意增加费用", "车辆异响多次检查未找到原因", "交车时车辆内饰有污损",
			"预约后到店无人接待", "空调制冷效果差，维修两次未改善" };

	private final ComplaintHistoryImport histories;
	private final ServiceVisits visits;
	private final ComplaintLimits limits;
	private final AssessmentComputation computation;
	private final StoredResults stored;
	private final DealerCatalog dealers;
	private final DemoSignIn signIn;
	private final Clock clock;

	AssessmentDemoData(ComplaintHistoryImport histories, ServiceVisits visits, ComplaintLimits limits,
			AssessmentComputation computation, StoredResults stored, DealerCatalog dealers,
			DemoSignIn signIn, Clock clock) {
		this.histories = histories;
		this.visits = visits;
		this.limits = limits;
		this.computation = computation;
		this.stored = stored;
		this.dealers = dealers;
		this.signIn = signIn;
		this.clock = clock;
	}

	@Override
	public void loadDemo() {
		if (stored.lastComputedMonth().isPresent() || dealers.byCode("D0001").isEmpty()) {
			return;
		}
		try {
			signIn.runAs("aftersales", this::load);
		} catch (RuntimeException e) {
			log.warn("Demo assessment data not loaded: {}", e.getMessage());
		}
	}

	void load() {
		YearMonth current = YearMonth.from(clock.instant().atZone(TimeConfig.BUSINESS_ZONE));
		YearMonth first = current.minusMonths(MONTHS);
		Random random = new Random(20260415L);
		List<String> codes = new ArrayList<>();
		for (int i = 1; i <= 20; i++) {
			codes.add(String.format("D%04d", i));
		}

		visitsAndLimits(codes, first, current, random);

		List<ComplaintHistory> list = new ArrayList<>();
		int n = 0;
		for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
			for (String code : codes) {
				if (code.equals("D0011")) {
					continue; // transitional: no work orders
				}
				int count = random.nextInt(100) < 15 ? 3 + random.nextInt(2) : random.nextInt(3);
				for (int k = 0; k < count; k++) {
					list.add(history(++n, m, code, random));
				}
			}
		}
		histories.importAll(list);
		for (YearMonth m = first; m.isBefore(current); m = m.plusMonths(1)) {
			computation.compute(m, null);
		}
		log.info("Demo assessment: {} complaint histories, months {} to {} computed", list.size(), first,
				current.minusMonths(1));
	}

	/**
	 * Visits from the quarter before the first month on (averages of 80–900 a month give limits 1–4), and the
	 * stored quarterly limits of every quarter shown, as the quarterly job would have computed them.
	 */
	void visitsAndLimits(List<String> codes, YearMonth first, YearMonth current, Random random) {
		List<ServiceVisits.Entry> entries = new ArrayList<>();
		YearMonth visitsFrom = Months.previousQuarter(first)[0];
		for (String code : codes) {
			int base = 80 + random.nextInt(820);
			for (YearMonth m = visitsFrom; m.isBefore(current); m = m.plusMonths(1)) {
				entries.add(new ServiceVisits.Entry(code, m.toString(), Math.max(0, base + random.nextInt(81) - 40)));
			}
		}
		visits.record(entries);
		for (YearMonth q = Months.quarterStart(first); !q.isAfter(current); q = q.plusMonths(3)) {
			limits.computeMissing(q);
		}
	}

	private static ComplaintHistory history(int n, YearMonth month, String dealer, Random random) {
		String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
		LocalDateTime t = month.atDay(1 + random.nextInt(20))
				.atTime(8 + random.nextInt(8), random.nextInt(4) * 15);
		List<ComplaintHistory.Event> events = new ArrayList<>();
		events.add(event("REGISTERED", t));
		events.add(dispatched(t.plusMinutes(40), dealer));
		int outcome = random.nextInt(100);
		boolean lateReply = random.nextInt(100) < 12;
		LocalDateTime replied = lateReply ? t.plusHours(30) : t.plusHours(3);
		boolean open = outcome >= 95;
		events.add(reply(replied, lateReply ? null : t.plusHours(2), !open, category));
		if (open) {
			// still being handled
		} else if (outcome >= 90) {
			events.add(new ComplaintHistory.Event("FORCE_CLOSED", at(replied.plusDays(6)), null, null, null, null, null,
					null, null, null, null, null, null, null, null, "客户诉求明显超出合理范围"));
		} else {
			LocalDateTime requested = replied.plusDays(1).withHour(9);
			events.add(event("CLOSURE_REQUESTED", requested));
			if (outcome >= 83) {
				events.add(callback(requested.plusHours(2), false, null, null));
				events.add(callback(requested.plusHours(6), false, null, null));
				events.add(callback(requested.plusDays(1), false, null, null));
				events.add(event("CLOSED_UNREACHABLE", requested.plusDays(1).plusHours(1)));
			} else if (outcome >= 72) {
				events.add(callback(requested.plusHours(3), true, false, false));
				LocalDateTime again = requested.plusDays(2);
				events.add(reply(again, null, true, category));
				events.add(event("CLOSURE_REQUESTED", again.plusHours(1)));
				events.add(callback(again.plusHours(4), true, true, true));
			} else {
				events.add(callback(requested.plusHours(3), true, true, outcome < 62));
			}
		}
		IntakeCommand.CustomerPart customer = new IntakeCommand.CustomerPart(
				SURNAMES.charAt(random.nextInt(SURNAMES.length())) + (random.nextBoolean() ? "先生" : "女士"),
				"139" + String.format("%08d", random.nextInt(100_000_000)), null);
		return new ComplaintHistory(String.format("DEMO-%s-%04d", month, n), COMPLAINTS[random.nextInt(COMPLAINTS.length)],
				"COMPLAINT", "HOTLINE_400", category, false, null, null, null, customer, null, events);
	}

	private static OffsetDateTime at(LocalDateTime t) {
		return t.atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
	}

	private static ComplaintHistory.Event event(String type, LocalDateTime t) {
		return new ComplaintHistory.Event(type, at(t), null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	private static ComplaintHistory.Event dispatched(LocalDateTime t, String dealer) {
		return new ComplaintHistory.Event("DISPATCHED", at(t), dealer, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

	private static ComplaintHistory.Event reply(LocalDateTime t, LocalDateTime contacted, boolean finalResult,
			String category) {
		boolean quality = finalResult && category.equals("PRODUCT_QUALITY");
		return new ComplaintHistory.Event("REPLIED", at(t), null, contacted == null ? null : at(contacted), finalResult,
				finalResult ? "已联系客户并处理完毕" : "已联系客户，正在处理", null, null, quality ? "电子控制单元软件缺陷" : null,
				quality ? Boolean.TRUE : null, quality ? List.of("控制单元") : null, null, null, null, null, null);
	}

	private static ComplaintHistory.Event callback(LocalDateTime t, boolean reached, Boolean resolved,
			Boolean satisfied) {
		return new ComplaintHistory.Event("CALLBACK", at(t), null, null, null, null, null, null, null, null, null,
				reached, resolved, satisfied, reached ? Boolean.FALSE : null, null);
	}
}
