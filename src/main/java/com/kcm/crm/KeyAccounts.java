package com.kcm.crm;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.kcm.audit.Audit;



import com.kcm.customer.CustomerChanged;
import com.kcm.customer.CustomerClass;
import com.kcm.customer.CustomerView;
import com.kcm.customer.Customers;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Role;
import com.kcm.policy.Policies;
import com.kcm.policy.PolicyName;
import com.kcm.shared.Masking;
import com.kcm.shared.TimeConfig;
import com.kcm.shared.crypto.PersonalDataCipher;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.validation.FieldChecks;
import com.kcm.shared.validation.MaxLength;
import com.kcm.shared.validation.Required;

/**
 * Key accounts (SPEC §7.3): the mirror of the customer module's key-account flag and manager, organisation
 * data and contacts, the visit plan (next visit due = last visit + the interval of the effective class;
 * never visited = due at once), visit records with follow-ups, and "my accounts". An account manager sees
 * its own accounts; after-sales reads all; the after-sales manager and the administrator change all and
 * reassign. Another manager's account answers 404 and is audited.
 */
@Service
class KeyAccounts {

	static final String TYPE = "key_account";
	static final String VISIT = "account_visit";
	static final String CONTACT = "key_account_contact";
	private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{7,20}");

	/** One row of "my accounts". */
	record AccountRow(long customerId, String name, String customerClass, Long managerUserId, LocalDate lastVisit,
			LocalDate nextDue, boolean overdue, LocalDate followUpDue, boolean followUpDueNow) {
	}

	/** The visit plan of A.3. */
	record VisitPlan(CustomerClass customerClass, int intervalMonths, LocalDate lastVisit, LocalDate nextDue,
			boolean overdue) {
	}

	/** A contact as shown: the phone masked unless revealed. */
	record ContactView(long id, String name, String position, String phone) {
	}

	/**
	 * What a user says about a visit; the texts' checks are {@link FieldChecks}, the date's and the kind's (they
	 * need today and the code list) and the follow-up's (it needs the date) are in {@link KeyAccounts#recordVisit}.
	 */
	record VisitCommand(LocalDate date, String kind,
			@Required @MaxLength(value = 500, message = "crm.tooLong") String participants,
			@Required @MaxLength(value = 4000, message = "crm.tooLong") String content,
			@MaxLength(value = 2000, message = "crm.tooLong") String feedback,
			@MaxLength(value = 2000, message = "crm.tooLong") String nextSteps, LocalDate followUpDue) {
	}

	private final KeyAccountRepository accounts;
	private final VisitRepository visits;
	private final ContactRepository contacts;
	private final Customers customers;
	private final CurrentUsers users;
	private final Policies policies;
	private final PersonalDataCipher cipher;
	private final Audit audit;
	private final Clock clock;

	KeyAccounts(KeyAccountRepository accounts, VisitRepository visits, ContactRepository contacts, Customers customers,
			CurrentUsers users, Policies policies, PersonalDataCipher cipher, Audit audit, Clock clock) {
		this.accounts = accounts;
		this.visits = visits;
		this.contacts = contacts;
		this.customers = customers;
		this.users = users;
		this.policies = policies;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- mirror of the customer module ---------------------------------------------------------------

	/** Keeps the account in step with the customer (in the customer's transaction). */
	@Transactional
	void mirror(CustomerChanged c) {
		KeyAccount k = accounts.findById(c.customerId()).orElse(null);
		if (k == null && !c.keyAccount()) {
			return;
		}
		if (k == null) {
			k = accounts.save(new KeyAccount(c.customerId(), c.name(), clock.instant()));
		}
		k.mirror(c.name(), c.keyAccount(), c.accountManagerUserId(), clock.instant());
	}

	@Transactional
	void mergedAway(long customerId) {
		accounts.findById(customerId).ifPresent(k -> k.mirror(k.getCustomerName(), false, k.getManagerUserId(), clock.instant()));
	}

	/** Recomputes the plan of a key account (no-op for other customers). */
	@Transactional
	void replan(long customerId, CustomerClass effective) {
		KeyAccount k = accounts.findById(customerId).orElse(null);
		if (k == null) {
			return;
		}
		LocalDate today = today();
		LocalDate last = visits.findFirstByCustomerIdOrderByDateDescIdDesc(customerId).map(Visit::getDate).orElse(null);
		LocalDate next = last == null ? null : last.plusMonths(interval(effective, today));
		k.plan(effective.name(), last, next, visits.earliestOpenFollowUp(customerId), clock.instant());
	}

	// ---- reading -------------------------------------------------------------------------------------

	/** A.3 visit plan of a customer the caller may see, as of {@code on}. */
	@Transactional(readOnly = true)
	VisitPlan plan(long customerId, LocalDate on, CustomerClass effective) {
		readable(customerId);
		int months = interval(effective, on);
		LocalDate last = visits.findFirstByCustomerIdAndDateLessThanEqualOrderByDateDescIdDesc(customerId, on)
				.map(Visit::getDate).orElse(null);
		LocalDate next = last == null ? null : last.plusMonths(months);
		return new VisitPlan(effective, months, last, next, next == null || on.isAfter(next));
	}

	/** "My accounts": the caller's accounts (all for the manager and admin), never visited and overdue first. */
	@Transactional(readOnly = true)
	Page<AccountRow> mine(boolean all, Pageable pageable) {
		CurrentUser me = users.current();
		Page<KeyAccount> page = all && mayReadAll(me) ? accounts.allActive(pageable) : accounts.ofManager(me.id(), pageable);
		LocalDate today = today();
		return page.map(k -> row(k, today));
	}

	long countOverdue(long managerUserId) {
		return accounts.countOverdue(managerUserId, today());
	}

	long countFollowUpsDue(long managerUserId) {
		return accounts.countFollowUpsDue(managerUserId, today());
	}

	static AccountRow row(KeyAccount k, LocalDate today) {
		return new AccountRow(k.getCustomerId(), k.getCustomerName(), k.getEffectiveClass(), k.getManagerUserId(),
				k.getLastVisitOn(), k.getNextVisitDue(), k.getNextVisitDue() == null || today.isAfter(k.getNextVisitDue()),
				k.getFollowUpDue(), k.getFollowUpDue() != null && !k.getFollowUpDue().isAfter(today));
	}

	/** The account (its customer visible, and for a mere account manager its own); 404 and audited otherwise. */
	@Transactional(readOnly = true)
	KeyAccount readable(long customerId) {
		customers.get(customerId);
		CurrentUser me = users.current();
		KeyAccount k = accounts.findById(customerId).orElse(null);
		if (mayReadAll(me)) {
			return k;
		}
		if (k == null || !k.isActive() || k.getManagerUserId() == null || k.getManagerUserId() != me.id()) {
			audit.notVisible(TYPE, customerId);
			throw new NotFoundException(TYPE, customerId);
		}
		return k;
	}

	/** As {@link #readable}, for a change: 403 for after-sales staff who only read; 422 for a customer that is no key account. */
	KeyAccount writable(long customerId) {
		CurrentUser me = users.current();
		if (!me.holds(Role.ACCOUNT_MANAGER) && !me.holds(Role.AFTER_SALES_MANAGER)) {
			audit.accessDenied("change key account " + customerId);
			throw new AccessDeniedException("key accounts are changed by account managers");
		}
		KeyAccount k = readable(customerId);
		if (k == null || !k.isActive()) {
			throw ValidationException.of("customerId", "crm.notKeyAccount", customerId);
		}
		return k;
	}

	static boolean mayReadAll(CurrentUser me) {
		return me.holds(Role.AFTER_SALES) || me.holds(Role.AFTER_SALES_MANAGER);
	}

	Page<Visit> visitsOf(long customerId, Pageable pageable) {
		return visits.findByCustomerIdOrderByDateDescIdDesc(customerId, pageable);
	}

	@Transactional(readOnly = true)
	List<ContactView> contacts(long customerId, boolean reveal) {
		readable(customerId);
		if (reveal) {
			requireReveal(customerId);
		}
		return contacts.findByCustomerIdOrderById(customerId).stream().map(c -> view(c, reveal)).toList();
	}

	private void requireReveal(long customerId) {
		if (!users.current().mayRevealPersonalData()) {
			audit.accessDenied("reveal key-account contacts " + customerId);
			throw new AccessDeniedException("reveal not permitted");
		}
		audit.personalDataViewed(CONTACT, customerId, "phone");
	}

	private ContactView view(Contact c, boolean reveal) {
		String phone = c.getPhoneCipher() == null ? null : cipher.decrypt(c.getPhoneCipher());
		return new ContactView(c.getId(), c.getName(), c.getPosition(), reveal ? phone : Masking.phone(phone));
	}

	// ---- changing ------------------------------------------------------------------------------------

	/** Records a visit (A.3): only for key accounts; the plan moves with it. */
	@Transactional
	Visit recordVisit(long customerId, VisitCommand cmd) {
		if (!customers.get(customerId).keyAccount()) {
			throw ValidationException.of("customerId", "crm.notKeyAccount", customerId);
		}
		writable(customerId);
		Violations v = new Violations();
		LocalDate today = today();
		if (cmd.date() == null) {
			v.field("date", "error.required");
		} else if (cmd.date().isAfter(today)) {
			v.field("date", "crm.visit.future");
		}
		Visit.Kind kind = null;
		if (cmd.kind() == null || cmd.kind().isBlank()) {
			v.field("kind", "error.required");
		} else {
			try {
				kind = Visit.Kind.valueOf(cmd.kind().strip().toUpperCase(Locale.ROOT));
			} catch (IllegalArgumentException e) {
				v.field("kind", "crm.visit.kind", cmd.kind());
			}
		}
		v.addAll(FieldChecks.of(cmd));
		if (cmd.followUpDue() != null && cmd.date() != null && cmd.followUpDue().isBefore(cmd.date())) {
			v.field("followUpDue", "crm.visit.followUpBeforeVisit");
		}
		v.throwIfAny();
		CurrentUser me = users.current();
		Visit visit = visits.save(new Visit(customerId, cmd.date(), kind, cmd.participants().strip(),
				cmd.content().strip(), Texts.blank(cmd.feedback()), Texts.blank(cmd.nextSteps()), cmd.followUpDue(),
				me.id(), me.displayName(), clock.instant()));
		audit.changed(Audit.CREATE, VISIT, visit.getId(), null, snapshot(visit));
		visits.flush();
		replan(customerId, customers.get(customerId).effectiveClass());
		return visit;
	}

	/** Marks a visit's follow-up done (it leaves "my accounts"). */
	@Transactional
	void followUpDone(long visitId) {
		Visit visit = visits.findById(visitId).orElseThrow(() -> new NotFoundException(VISIT, visitId));
		writable(visit.getCustomerId());
		VisitSnapshot before = snapshot(visit);
		visit.followUpDone(today());
		audit.changed(Audit.UPDATE, VISIT, visitId, before, snapshot(visit));
		visits.flush();
		replan(visit.getCustomerId(), customers.get(visit.getCustomerId()).effectiveClass());
	}

	/** Organisation data of the account. */
	@Transactional
	void describe(long customerId, String organisationName, String industry, Integer fleetSize, String address) {
		KeyAccount k = writable(customerId);
		Violations v = new Violations();
		Texts.optional(organisationName, 200, "organisationName", v);
		Texts.optional(industry, 100, "industry", v);
		Texts.optional(address, 300, "address", v);
		if (fleetSize != null && (fleetSize < 0 || fleetSize > 1_000_000)) {
			v.field("fleetSize", "crm.fleetSize");
		}
		v.throwIfAny();
		AccountSnapshot before = snapshot(k);
		k.describe(Texts.blank(organisationName), Texts.blank(industry), fleetSize, Texts.blank(address), clock.instant());
		audit.changed(Audit.UPDATE, TYPE, customerId, before, snapshot(k));
	}

	/** A contact of a key account; the name's and position's checks are {@link FieldChecks}, the phone's in code. */
	record ContactCommand(@Required @MaxLength(value = 100, message = "crm.tooLong") String name,
			@MaxLength(value = 100, message = "crm.tooLong") String position, String phone) {
	}

	@Transactional
	ContactView addContact(long customerId, ContactCommand cmd) {
		writable(customerId);
		Violations v = new Violations();
		v.addAll(FieldChecks.of(cmd));
		String phone = cmd.phone();
		if (phone != null && !phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
			v.field("phone", "crm.contact.phone");
		}
		v.throwIfAny();
		Contact c = contacts.save(new Contact(customerId, cmd.name().strip(), Texts.blank(cmd.position()),
				phone == null || phone.isBlank() ? null : cipher.encrypt(phone.strip().replace(" ", "")), clock.instant()));
		ContactView view = view(c, false);
		audit.changed(Audit.CREATE, CONTACT, c.getId(), null,
				Map.of("customerId", customerId, "name", view.name(), "phone", String.valueOf(view.phone())));
		return view;
	}

	/** Reassigns the account to another account manager: the after-sales manager and the administrator only. */
	@Transactional
	CustomerView reassign(long customerId, Long managerUserId) {
		CurrentUser me = users.current();
		if (!me.holds(Role.AFTER_SALES_MANAGER)) {
			audit.accessDenied("reassign key account " + customerId);
			throw new AccessDeniedException("only the after-sales manager reassigns");
		}
		return customers.assignAccountManager(customerId, managerUserId);
	}

	int interval(CustomerClass c, LocalDate on) {
		return policies.intOn(PolicyName.valueOf("VISIT_INTERVAL_MONTHS_" + c.name()), on);
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
	}


	/** What the audit trail keeps of a visit (dates as text, {@code null} when not set). */
	record VisitSnapshot(Long customerId, String date, Visit.Kind kind, String participants, String content,
			String feedback, String nextSteps, String followUpDue, String followUpDoneOn) {
	}

	static VisitSnapshot snapshot(Visit v) {
		return new VisitSnapshot(v.getCustomerId(), String.valueOf(v.getDate()), v.getKind(), v.getParticipants(),
				v.getContent(), v.getFeedback(), v.getNextSteps(), String.valueOf(v.getFollowUpDue()),
				String.valueOf(v.getFollowUpDoneOn()));
	}

	/** What the audit trail keeps of a key account's organisation data. */
	record AccountSnapshot(String organisationName, String industry, Integer fleetSize, String address,
			Long managerUserId) {
	}

	static AccountSnapshot snapshot(KeyAccount k) {
		return new AccountSnapshot(k.getOrganisationName(), k.getIndustry(), k.getFleetSize(), k.getAddress(),
				k.getManagerUserId());
	}

	static PageRequest page(int page, int size) {
		return PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), 100));
	}
}
