package com.kcm.crm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;
import com.kcm.complaint.ComplaintHistory;
import com.kcm.complaint.ComplaintHistoryImport;
import com.kcm.complaint.ComplaintQueries;
import com.kcm.complaint.IntakeCommand;
import com.kcm.customer.CustomerChanged;
import com.kcm.customer.Customers;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.DemoSignIn;
import com.kcm.shared.TimeConfig;

/**
 * Demo data of the customer-relationship features (README), so a new user sees a lived-in system: the demo key
 * accounts assigned to {@code accountmgr} with visit history (some overdue, some never visited), follow-ups,
 * contracts (one ending within 60 days), communication-log entries and goodwill on a few of D0001's
 * complaints; and open work for {@code dealer.d0001} and {@code dealer.d0002} in every inbox tab (to confirm,
 * one of them overdue; to reply; in progress), imported as complaint histories. Runs last (order 60), once: only
 * while no key account has a visit.
 */
@Component
@Order(60)
class CrmDemoData implements DemoData {

	private static final Logger log = LoggerFactory.getLogger(CrmDemoData.class);

	private final Customers customers;
	private final KeyAccounts keyAccounts;
	private final KeyAccountRepository accounts;
	private final VisitRepository visits;
	private final Contracts contracts;
	private final Communications communications;
	private final Goodwills goodwills;
	private final CustomerClasses classes;
	private final ComplaintHistoryImport histories;
	private final ComplaintQueries complaintQueries;
	private final DemoSignIn signIn;
	private final CurrentUsers users;
	private final Clock clock;

	CrmDemoData(Customers customers, KeyAccounts keyAccounts, KeyAccountRepository accounts, VisitRepository visits,
			Contracts contracts, Communications communications, Goodwills goodwills, CustomerClasses classes,
			ComplaintHistoryImport histories, ComplaintQueries complaintQueries, DemoSignIn signIn, CurrentUsers users,
			Clock clock) {
		this.customers = customers;
		this.keyAccounts = keyAccounts;
		this.accounts = accounts;
		this.visits = visits;
		this.contracts = contracts;
		this.communications = communications;
		this.goodwills = goodwills;
		this.classes = classes;
		this.histories = histories;
		this.complaintQueries = complaintQueries;
		this.signIn = signIn;
		this.users = users;
		this.clock = clock;
	}

	@Override
	public void loadDemo() {
		if (visits.count() > 0) {
			return;
		}
		try {
			inboxes();
			keyAccounts();
		} catch (RuntimeException e) {
			log.warn("Demo customer-relationship data incomplete: {}", e.toString());
		}
	}

	/** Every inbox tab of D0001 and D0002 holds open work (imported with its past instants). */
	private void inboxes() {
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.ofHours(8));
		signIn.runAs("aftersales", () -> {
			List<ComplaintHistory> list = new ArrayList<>();
			for (String dealer : List.of("D0001", "D0002")) {
				if (!complaintQueries.byExternalId("DEMO-INBOX-" + dealer + "-1").isEmpty()) {
					continue;
				}
				list.add(history(dealer, 1, "仪表盘偶发报警，客户要求到店检查", List.of(
						event("REGISTERED", now.minusHours(2)), dispatched(dealer, now.minusHours(1)))));
				list.add(history(dealer, 2, "新车交付一周车窗异响，客户多次来电催促", List.of(
						event("REGISTERED", now.minusDays(6)), dispatched(dealer, now.minusDays(6)))));
				list.add(history(dealer, 3, "保养后发动机故障灯亮起", List.of(
						event("REGISTERED", now.minusHours(5)), dispatched(dealer, now.minusHours(4)),
						event("CONFIRMED", now.minusHours(3)))));
				list.add(history(dealer, 4, "空调制冷效果差，已预约检测", List.of(
						event("REGISTERED", now.minusDays(1)), dispatched(dealer, now.minusDays(1)),
						event("CONFIRMED", now.minusHours(20)), replied(now.minusHours(18)))));
			}
			if (!list.isEmpty()) {
				histories.importAll(list);
				log.info("Demo inbox work: {} open work orders for D0001 and D0002", list.size());
			}
		});
	}

	private static ComplaintHistory history(String dealer, int n, String description, List<ComplaintHistory.Event> events) {
		String phone = "1370000" + (dealer.equals("D0001") ? "1" : "2") + String.format("%03d", n);
		return new ComplaintHistory("DEMO-INBOX-" + dealer + "-" + n, description, "COMPLAINT", "HOTLINE_400",
				"SERVICE_PROCESS", false, null, null, null, new IntakeCommand.CustomerPart("演示客户" + dealer + "-" + n, phone, null),
				null, events);
	}

	private static ComplaintHistory.Event event(String type, OffsetDateTime at) {
		return new ComplaintHistory.Event(type, at, null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	private static ComplaintHistory.Event dispatched(String dealer, OffsetDateTime at) {
		return new ComplaintHistory.Event("DISPATCHED", at, dealer, null, null, null, null, null, null, null, null, null,
				null, null, null, null);
	}

	private static ComplaintHistory.Event replied(OffsetDateTime at) {
		return new ComplaintHistory.Event("REPLIED", at, null, at.minusHours(1), false, "已联系客户，预约明日到店检测", null, null,
				null, null, null, null, null, null, null, null);
	}

	/** The demo key accounts go to accountmgr, with visits, follow-ups, contracts, log entries and goodwill. */
	private void keyAccounts() {
		long[] manager = { -1 };
		signIn.runAs("accountmgr", () -> manager[0] = users.current().id());
		if (manager[0] < 0) {
			return;
		}
		List<CustomerChanged> list = customers.keyAccounts(0, 60);
		LocalDate today = LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
		signIn.runAs("manager", () -> list.forEach(k -> keyAccounts.reassign(k.customerId(), manager[0])));
		classes.recomputeAll();
		signIn.runAs("accountmgr", () -> {
			for (int i = 0; i < list.size(); i++) {
				long id = list.get(i).customerId();
				if (i % 4 == 3) {
					continue; // never visited: due at once
				}
				LocalDate visited = i % 4 == 0 ? today.minusDays(10) : i % 4 == 1 ? today.minusMonths(2) : today.minusMonths(14);
				keyAccounts.recordVisit(id, new KeyAccounts.VisitCommand(visited, i % 2 == 0 ? "ON_SITE" : "PHONE",
						"车队负责人、孙磊", "了解车队用车情况与维修满意度", "对保养预约效率满意", "安排下季度集中保养",
						i % 5 == 0 ? today.plusDays(3) : i % 7 == 0 ? today.minusDays(2) : null));
				if (i < 6) {
					communications.add(id, new Communications.EntryCommand("PHONE", "OUT", null,
							"电话确认车队保养计划，客户希望周末安排", null, null));
				}
			}
			if (list.size() >= 2) {
				contract(list.get(0).customerId(), "HT-DEMO-001", today.minusMonths(11), today.plusDays(30), "360000.00", true);
				contract(list.get(1).customerId(), "HT-DEMO-002", today.minusMonths(3), today.plusMonths(21), "520000.00", true);
				contract(list.get(1).customerId(), "HT-DEMO-003", today, today.plusYears(1), "88000.00", false);
			}
		});
		List<Long> toApprove = new ArrayList<>();
		signIn.runAs("dealer.d0001", () -> {
			var open = complaintQueries.workOrders("D0001", true, PageRequest.of(0, 3)).getContent();
			for (int i = 0; i < open.size(); i++) {
				long complaintId = open.get(i).complaintId();
				Goodwill g = goodwills.propose(complaintId, i == 0 ? "免费更换空调滤芯并赠送一次清洗" : "赠送一次常规保养",
						new BigDecimal(i == 0 ? "380.00" : "450.00"));
				if (i == 0) {
					toApprove.add(g.getId());
				}
			}
		});
		signIn.runAs("aftersales", () -> toApprove.forEach(id -> goodwills.decide(id, true)));
		log.info("Demo key accounts: {} assigned to accountmgr, with visits, contracts and log entries", list.size());
	}

	private void contract(long customerId, String number, LocalDate start, LocalDate end, String value, boolean activate) {
		var c = contracts.create(customerId, new Contracts.ContractCommand(number, start, start, end, new BigDecimal(value)));
		if (activate) {
			contracts.activate(c.id());
		}
	}
}
