package com.kcm.customer;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.kcm.audit.Audit;
import com.kcm.identity.CurrentUser;
import com.kcm.identity.CurrentUsers;
import com.kcm.identity.Scope;
import com.kcm.identity.UserDirectory;
import com.kcm.shared.domain.DomainException;
import com.kcm.shared.domain.NotFoundException;
import com.kcm.shared.domain.Violations;

/**
 * The customer module's front door: finds customers within the caller's scope (a foreign id is a 404 and
 * an audit entry), looks them up by what an agent hears on the phone, shows them masked or — permitted
 * and audited — in full, registers and changes them, and merges duplicates.
 */
@Service
public class Customers {

	static final String TYPE = "customer";
	public static final String MERGE = "MERGE";
	/** Audit action: a class set or cleared by hand. */
	public static final String CLASSIFY = "CLASSIFY";
	/** Audit action: the computed class changed (policy rule). */
	public static final String RECLASSIFY = "RECLASSIFY";
	static final int LOOKUP_LIMIT = 50;

	private final CustomerRepository customers;
	private final VehicleRepository vehicles;
	private final CustomerVisibility visibility;
	private final CustomerViews views;
	private final PersonalData personal;
	private final CurrentUsers users;
	private final UserDirectory userDirectory;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final JdbcClient jdbc;

	Customers(CustomerRepository customers, VehicleRepository vehicles, CustomerVisibility visibility,
			CustomerViews views, PersonalData personal, CurrentUsers users, UserDirectory userDirectory,
			Audit audit, ApplicationEventPublisher events, Clock clock, JdbcClient jdbc) {
		this.customers = customers;
		this.vehicles = vehicles;
		this.visibility = visibility;
		this.views = views;
		this.personal = personal;
		this.users = users;
		this.userDirectory = userDirectory;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	// ---- reading -------------------------------------------------------------------------------------

	/** One customer, masked; 404 (and an audit entry) when it does not exist or the caller may not see it. */
	@Transactional(readOnly = true)
	public CustomerView get(long id) {
		return views.of(visible(id), false);
	}

	/** One customer in full: needs the reveal permission; every reveal is audited. */
	@Transactional(readOnly = true)
	public CustomerView reveal(long id) {
		CurrentUser user = users.current();
		if (!user.mayRevealPersonalData()) {
			audit.accessDenied("reveal customer " + id);
			throw new AccessDeniedException("reveal not permitted");
		}
		Customer c = visible(id);
		audit.personalDataViewed(TYPE, id, "phone,idNumber");
		return views.of(c, true);
	}

	/**
	 * A customer referenced by another module's record that the caller may see (e.g. the customer of a
	 * visible complaint): masked, or in full when {@code reveal} — a full view is audited. The caller's
	 * customer scope is not applied: the referencing module has checked its own.
	 */
	@Transactional(readOnly = true)
	public CustomerView forReference(long id, boolean reveal) {
		Customer c = customers.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
		if (reveal) {
			audit.personalDataViewed(TYPE, id, "phone,idNumber");
		}
		return views.of(c, reveal);
	}

	/**
	 * Customers referenced by another module's list (e.g. the churned customers of a dealer the caller may see),
	 * masked, by id, in three queries whatever the number; the referencing module has checked its own scope.
	 */
	@Transactional(readOnly = true)
	public Map<Long, CustomerView> forReferences(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, CustomerView> out = new java.util.LinkedHashMap<>();
		views.of(customers.findAllById(ids), false).forEach(v -> out.put(v.id(), v));
		return out;
	}

	/**
	 * The mainland mobile of a customer for a message the system sends (a survey or care SMS), in full and only to
	 * hand to the gateway — never shown, so not a reveal; empty when the customer has no mobile (or is gone).
	 */
	@Transactional(readOnly = true)
	public Optional<String> mobileForMessage(long id) {
		return customers.findById(id).filter(c -> !c.isMerged() && c.getPhoneCipher() != null)
				.flatMap(c -> MobilePhone.parse(personal.open(c.getPhoneCipher()))).map(MobilePhone::value);
	}

	/** {@link #forReference} masked. */
	@Transactional(readOnly = true)
	public CustomerView unscoped(long id) {
		return forReference(id, false);
	}

	/** Whether the caller may reveal personal data (shows the "显示完整" button). */
	public boolean mayReveal() {
		return users.find().map(CurrentUser::mayRevealPersonalData).orElse(false);
	}

	/** Active customers within the caller's scope, filtered, one page, masked. */
	@Transactional(readOnly = true)
	public Page<CustomerView> list(CustomerFilter filter, Pageable pageable) {
		Page<Customer> page = customers.findAll(listed(filter), pageable);
		return new PageImpl<>(views.of(page.getContent(), false), pageable, page.getTotalElements());
	}

	/** Counts what {@link #list} would list. */
	@Transactional(readOnly = true)
	public long count(CustomerFilter filter) {
		return customers.count(listed(filter));
	}

	/**
	 * The agent's search box: recognises a phone, ID number, VIN, last six of a VIN, plate or name and
	 * answers through the matching index, within the caller's scope, at most 50 customers, masked.
	 */
	@Transactional(readOnly = true)
	public List<CustomerView> lookup(String q) {
		Optional<LookupQuery> query = LookupQuery.of(q);
		if (query.isEmpty()) {
			return List.of();
		}
		LookupQuery lq = query.get();
		Pageable limit = PageRequest.of(0, LOOKUP_LIMIT);
		Specification<Customer> match = switch (lq.kind()) {
			case PHONE -> byPhoneHash(personal.hash(new MobilePhone(lq.value())));
			case ID_NUMBER -> (r, cq, cb) -> cb.equal(r.get("idNumberHash"), personal.hash(new IdCardNumber(lq.value())));
			case VIN -> idIn(vehicles.ownersByVin(lq.value()));
			case PLATE -> idIn(vehicles.ownersByPlate(lq.value(), limit));
			case VIN_LAST6 -> idIn(vehicles.ownersByVinLast6(lq.value(), limit));
			case NAME -> null;
		};
		List<Customer> found = match == null ? List.of() : find(match, limit);
		if (found.isEmpty() && lq.mayBeName()) {
			String key = Customer.nameKey(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			found = find(nameLike(key + "%"), limit);
			if (found.isEmpty()) {
				found = find(nameLike("%" + key + "%"), limit);
			}
		}
		return views.of(found, false);
	}

	/** Other active customers with the same phone as this one (visible to the caller). */
	@Transactional(readOnly = true)
	public List<CustomerView> duplicatesOf(long id) {
		Customer c = visible(id);
		if (c.getPhoneHash() == null || c.isMerged()) {
			return List.of();
		}
		return views.of(customers.othersWithPhoneHash(c.getPhoneHash(), id).stream()
				.filter(o -> customers.exists(visibility.visibleTo(scope()).and(idIs(o.getId())))).toList(), false);
	}

	/**
	 * The oldest active customer with this mobile number, ignoring scope, as a bare reference: what intake
	 * needs, read with one plain SQL statement (in the caller's transaction), without loading or decrypting the
	 * customer — it runs for every complaint registered.
	 */
	@Transactional(readOnly = true)
	public Optional<CustomerReference> referenceByPhone(String phone) {
		return MobilePhone.parse(phone).flatMap(p -> jdbc.sql("select id, key_account from customer "
				+ "where phone_hash = ? and merged_into_id is null order by id limit 1")
				.param(personal.hash(p))
				.query((rs, row) -> new CustomerReference(rs.getLong(1), rs.getBoolean(2)))
				.optional());
	}

	/** Active customers with this mobile number, oldest first, ignoring scope: for other modules' intake. */
	@Transactional(readOnly = true)
	public List<Long> idsByPhone(String phone) {
		return MobilePhone.parse(phone).map(p -> customers.findByPhoneHashAndMergedIntoIdIsNullOrderById(personal.hash(p))
				.stream().map(Customer::getId).toList()).orElse(List.of());
	}

	/** The survivor a merged customer ended in (itself when not merged). */
	@Transactional(readOnly = true)
	public Optional<Long> currentId(long id) {
		Optional<Customer> c = customers.findById(id);
		for (int hops = 0; c.isPresent() && c.get().isMerged() && hops < 20; hops++) {
			c = customers.findById(c.get().getMergedIntoId());
		}
		return c.map(Customer::getId);
	}

	// ---- changing ------------------------------------------------------------------------------------

	@Transactional
	public CustomerView create(CustomerCommand cmd) {
		return create(cmd, new Violations());
	}

	/** {@code earlier}: what the form already found wrong (a date that is not one), reported together. */
	@Transactional
	CustomerView create(CustomerCommand cmd, Violations earlier) {
		Prepared p = prepare(cmd, null, earlier);
		Customer c = customers.save(p.apply(new Customer(p.name, p.kind, clock.instant())));
		audit.changed(Audit.CREATE, TYPE, c.getId(), null, snapshot(c));
		events.publishEvent(new CustomerChanged(c.getId(), c.getName(), c.isKeyAccount(), c.getAccountManagerUserId(), true));
		return views.of(c, false);
	}

	@Transactional
	public CustomerView update(long id, CustomerCommand cmd) {
		return update(id, cmd, new Violations());
	}

	@Transactional
	CustomerView update(long id, CustomerCommand cmd, Violations earlier) {
		Customer c = visible(id);
		if (c.isMerged()) {
			throw new DomainException("customer.merged", c.getMergedIntoId());
		}
		Snapshot before = snapshot(c);
		Prepared p = prepare(cmd, c, earlier);
		p.apply(c);
		c.touched(clock.instant());
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(c));
		events.publishEvent(changed(c));
		return views.of(c, false);
	}

	/**
	 * Merges {@code mergedId} into {@code survivorId}: the vehicles move to the survivor, which also takes
	 * over data it lacked; the merged customer is kept, hidden, pointing at the survivor. Publishes
	 * {@link CustomersMerged} so other modules re-point their references in the same transaction.
	 */
	@Transactional
	public void merge(long survivorId, long mergedId) {
		if (survivorId == mergedId) {
			throw new DomainException("customer.merge.self");
		}
		Customer survivor = visible(survivorId);
		Customer merged = visible(mergedId);
		if (survivor.isMerged()) {
			throw new DomainException("customer.merged", survivor.getMergedIntoId());
		}
		Snapshot survivorBefore = snapshot(survivor);
		Snapshot mergedBefore = snapshot(merged);
		merged.mergeInto(survivorId);
		survivor.absorb(merged);
		survivor.touched(clock.instant());
		merged.touched(clock.instant());
		customers.flush();
		int moved = vehicles.transferAll(mergedId, survivorId, clock.instant());
		audit.changed(MERGE, TYPE, mergedId, mergedBefore,
				new MergedSnapshot(mergedBefore.mergedInto(survivorId), moved));
		audit.changed(Audit.UPDATE, TYPE, survivorId, survivorBefore,
				snapshot(customers.findById(survivorId).orElseThrow()));
		events.publishEvent(new CustomersMerged(survivorId, mergedId));
	}

	/**
	 * Sets the class by hand with its reason (required), or clears it ({@code customerClass} null) so the
	 * computed class applies again. Audited; publishes {@link CustomerChanged}.
	 */
	@Transactional
	public CustomerView classifyByHand(long id, CustomerClass customerClass, String reason) {
		Customer c = visible(id);
		if (c.isMerged()) {
			throw new DomainException("customer.merged", c.getMergedIntoId());
		}
		if (customerClass != null && !notBlank(reason)) {
			throw com.kcm.shared.domain.ValidationException.of("reason", "customer.classReason.required");
		}
		if (reason != null && reason.strip().length() > 500) {
			throw com.kcm.shared.domain.ValidationException.of("reason", "customer.tooLong", 500);
		}
		Snapshot before = snapshot(c);
		c.classify(customerClass, customerClass == null ? null : reason.strip());
		c.touched(clock.instant());
		audit.changed(CLASSIFY, TYPE, id, before, snapshot(c));
		events.publishEvent(changed(c));
		return views.of(c, false);
	}

	/**
	 * Stores the class the policy rule gives (the crm module computes it); audited when it changes. Answers
	 * whether it changed. No scope: the rule runs for every customer (nightly job, events).
	 */
	@Transactional
	public boolean recordComputedClass(long id, CustomerClass computed) {
		Customer c = customers.findById(id).orElseThrow(() -> new NotFoundException(TYPE, id));
		if (c.getComputedClass() == computed) {
			return false;
		}
		Map<String, String> before = Map.of("computedClass", String.valueOf(c.getComputedClass()));
		c.computed(computed);
		audit.changed(RECLASSIFY, TYPE, id, before, Map.of("computedClass", String.valueOf(computed)));
		return true;
	}

	/** Assigns (or, with null, unassigns) the account manager of a key account. Audited. */
	@Transactional
	public CustomerView assignAccountManager(long id, Long managerUserId) {
		Customer c = visible(id);
		if (!c.isKeyAccount()) {
			throw com.kcm.shared.domain.ValidationException.of("keyAccount", "customer.keyAccount.required");
		}
		Violations v = new Violations();
		if (managerUserId != null) {
			checkAccountManager(managerUserId, "accountManagerUserId", v);
		}
		v.throwIfAny();
		Snapshot before = snapshot(c);
		c.keyAccount(true, managerUserId, managerUserId == null ? null
				: userDirectory.byId(managerUserId).map(UserDirectory.UserSummary::displayName).orElse(null));
		c.touched(clock.instant());
		audit.changed(Audit.UPDATE, TYPE, id, before, snapshot(c));
		events.publishEvent(changed(c));
		return views.of(c, false);
	}

	/** What the class rule needs of one active customer (no scope: for the rule itself). */
	@Transactional(readOnly = true)
	public Optional<ClassFacts> classFacts(long id) {
		// a vehicle or customer saved through JPA in this transaction (ids from pooled sequences: its insert waits
		// for the flush) must be counted by this plain query
		customers.flush();
		return jdbc.sql(CLASS_FACTS + " and c.id = :id").param("id", id).query(ClassFacts.class).optional();
	}

	/** {@link #classFacts(long)} of the active customers after {@code afterId}, in id order, at most {@code limit}. */
	@Transactional(readOnly = true)
	public List<ClassFacts> classFacts(long afterId, int limit) {
		return jdbc.sql(CLASS_FACTS + " and c.id > :after order by c.id limit :limit").param("after", afterId)
				.param("limit", limit).query(ClassFacts.class).list();
	}

	private static final String CLASS_FACTS = "select c.id as customer_id, c.key_account, "
			+ "(select count(*) from vehicle v where v.owner_id = c.id) as vehicles, c.computed_class, "
			+ "c.customer_class as manual_class from customer c where c.merged_into_id is null";

	/** The active key accounts after {@code afterId}, in id order, at most {@code limit} (no scope). */
	@Transactional(readOnly = true)
	public List<CustomerChanged> keyAccounts(long afterId, int limit) {
		return jdbc.sql("select id as customer_id, name, key_account, account_manager_user_id, false as created from customer "
				+ "where key_account = true and merged_into_id is null and id > :after order by id limit :limit")
				.param("after", afterId).param("limit", limit).query(CustomerChanged.class).list();
	}

	private static CustomerChanged changed(Customer c) {
		return new CustomerChanged(c.getId(), c.getName(), c.isKeyAccount() && !c.isMerged(), c.getAccountManagerUserId(),
				false);
	}

	// ---- rules ---------------------------------------------------------------------------------------

	/** A command checked and parsed; {@code apply} writes it onto a customer. */
	final class Prepared {
		String name;
		CustomerKind kind;
		MobilePhone phone;
		MobilePhone phone2;
		IdCardNumber idNumber;
		boolean keepPhone;
		boolean keepPhone2;
		boolean keepIdNumber;
		CustomerClass customerClass;
		String classReason;
		boolean keyAccount;
		Long managerId;
		String managerName;
		CustomerCommand cmd;
		/** The lookup hash of {@code phone} when the caller computed it already (intake), else null. */
		String knownPhoneHash;

		Customer apply(Customer c) {
			c.rename(name);
			c.describe(kind, blank(cmd.occupation()), cmd.birthday(), blank(cmd.address()),
					Boolean.TRUE.equals(cmd.marketingConsent()), blank(cmd.source()));
			c.phones(keepPhone ? new PersonalData.Sealed(c.getPhoneCipher(), c.getPhoneHash()) : personal.seal(phone, knownPhoneHash),
					keepPhone2 ? new PersonalData.Sealed(c.getPhone2Cipher(), c.getPhone2Hash()) : personal.seal(phone2));
			if (!keepIdNumber) {
				c.idNumber(personal.seal(idNumber));
			}
			if (customerClass != c.getCustomerClass() || (classReason != null && !classReason.equals(c.getClassReason()))) {
				c.classify(customerClass, classReason);
			}
			c.keyAccount(keyAccount, managerId, managerName);
			return c;
		}

		String phoneHash() {
			return phone == null ? null : personal.hash(phone);
		}
	}

	/** Checks a command for {@code current} (null: a new customer); throws with every violation found. */
	Prepared prepare(CustomerCommand cmd, Customer current, Violations v) {
		check(cmd, current, v, "");
		v.throwIfAny();
		return parse(cmd, current);
	}

	/** Adds the command's violations, fields prefixed (for rows of an import nothing is prefixed). */
	void check(CustomerCommand cmd, Customer current, Violations v, String prefix) {
		if (cmd.name() == null || cmd.name().isBlank()) {
			v.field(prefix + "name", "error.required");
		} else if (cmd.name().strip().length() > 100) {
			v.field(prefix + "name", "customer.tooLong", 100);
		}
		checkPhone(cmd.phone(), current, prefix + "phone", v);
		checkPhone(cmd.phone2(), current, prefix + "phone2", v);
		if (!blankOrMasked(cmd.idNumber(), current) && IdCardNumber.parse(cmd.idNumber()).isEmpty()) {
			v.field(prefix + "idNumber", "customer.idNumber.invalid");
		}
		if (notBlank(cmd.kind()) && kind(cmd.kind()) == null) {
			v.field(prefix + "kind", "customer.kind.invalid", cmd.kind());
		}
		CustomerClass cls = null;
		if (notBlank(cmd.customerClass())) {
			cls = customerClass(cmd.customerClass());
			if (cls == null) {
				v.field(prefix + "customerClass", "customer.class.invalid", cmd.customerClass());
			}
		}
		CustomerClass was = current == null ? null : current.getCustomerClass();
		if (cls != null && cls != was && !notBlank(cmd.classReason())) {
			v.field(prefix + "classReason", "customer.classReason.required");
		}
		if (Boolean.TRUE.equals(cmd.keyAccount()) && cmd.accountManagerUserId() != null) {
			checkAccountManager(cmd.accountManagerUserId(), prefix + "accountManagerUserId", v);
		}
		length(cmd.occupation(), 100, prefix + "occupation", v);
		length(cmd.address(), 300, prefix + "address", v);
		length(cmd.source(), 50, prefix + "source", v);
		length(cmd.classReason(), 500, prefix + "classReason", v);
		length(cmd.accountManagerName(), 100, prefix + "accountManagerName", v);
	}

	/** A new, unsaved customer from a command already {@link #check checked} (imports save in bulk). */
	Customer build(CustomerCommand cmd) {
		Prepared p = parse(cmd, null);
		return p.apply(new Customer(p.name, p.kind, clock.instant()));
	}

	private Prepared parse(CustomerCommand cmd, Customer current) {
		Prepared p = new Prepared();
		p.cmd = cmd;
		p.name = cmd.name().strip();
		p.kind = notBlank(cmd.kind()) ? kind(cmd.kind()) : CustomerKind.INDIVIDUAL;
		p.keepPhone = masked(cmd.phone()) && current != null;
		p.keepPhone2 = masked(cmd.phone2()) && current != null;
		p.keepIdNumber = masked(cmd.idNumber()) && current != null;
		p.phone = p.keepPhone ? null : MobilePhone.parse(cmd.phone()).orElse(null);
		p.phone2 = p.keepPhone2 ? null : MobilePhone.parse(cmd.phone2()).orElse(null);
		p.idNumber = p.keepIdNumber ? null : IdCardNumber.parse(cmd.idNumber()).orElse(null);
		p.customerClass = notBlank(cmd.customerClass()) ? customerClass(cmd.customerClass()) : null;
		p.classReason = blank(cmd.classReason());
		if (p.classReason == null && current != null && p.customerClass == current.getCustomerClass()) {
			p.classReason = current.getClassReason();
		}
		p.keyAccount = Boolean.TRUE.equals(cmd.keyAccount());
		p.managerId = cmd.accountManagerUserId();
		p.managerName = blank(cmd.accountManagerName());
		if (p.keyAccount && p.managerId != null && p.managerName == null) {
			p.managerName = userDirectory.byId(p.managerId).map(UserDirectory.UserSummary::displayName).orElse(null);
		}
		return p;
	}

	private void checkAccountManager(long userId, String field, Violations v) {
		Optional<UserDirectory.UserSummary> user = userDirectory.byId(userId);
		if (user.isEmpty()) {
			v.field(field, "customer.accountManager.unknown", userId);
		} else if (!user.get().has(com.kcm.identity.Role.ACCOUNT_MANAGER)) {
			v.field(field, "customer.accountManager.notManager", user.get().username());
		}
	}

	private void checkPhone(String raw, Customer current, String field, Violations v) {
		if (!blankOrMasked(raw, current) && MobilePhone.parse(raw).isEmpty()) {
			v.field(field, "customer.phone.invalid");
		}
	}

	private static boolean blankOrMasked(String raw, Customer current) {
		return raw == null || raw.isBlank() || (current != null && masked(raw));
	}

	private static boolean masked(String raw) {
		return raw != null && raw.contains("*");
	}

	private static void length(String s, int max, String field, Violations v) {
		if (s != null && s.strip().length() > max) {
			v.field(field, "customer.tooLong", max);
		}
	}

	static CustomerKind kind(String s) {
		try {
			return CustomerKind.valueOf(s.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			return switch (s.strip()) {
				case "个人" -> CustomerKind.INDIVIDUAL;
				case "单位", "机构", "企业", "组织" -> CustomerKind.ORGANIZATION;
				default -> null;
			};
		}
	}

	static CustomerClass customerClass(String s) {
		try {
			return CustomerClass.valueOf(s.strip().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	// ---- queries -------------------------------------------------------------------------------------

	/** The customer if it exists and the caller may see it; otherwise 404 and an audit entry. */
	Customer visible(long id) {
		Optional<Customer> c = customers.findOne(visibility.visibleTo(scope()).and(idIs(id)));
		if (c.isEmpty()) {
			audit.notVisible(TYPE, id);
			throw new NotFoundException(TYPE, id);
		}
		return c.get();
	}

	/** True when the caller's scope is the whole network (central roles). */
	boolean callerSeesEverything() {
		return scope().unrestricted();
	}

	private Scope scope() {
		return users.current().scope();
	}

	private List<Customer> find(Specification<Customer> match, Pageable limit) {
		return customers.findAll(active().and(visibility.visibleTo(scope())).and(match),
				PageRequest.of(0, limit.getPageSize(), Sort.by("name", "id"))).getContent();
	}

	private Specification<Customer> listed(CustomerFilter f) {
		Specification<Customer> s = active().and(visibility.visibleTo(scope()));
		if (f.customerClass() != null) {
			s = s.and((r, q, cb) -> {
				var manual = cb.equal(r.get("customerClass"), f.customerClass());
				var computed = cb.and(cb.isNull(r.get("customerClass")), cb.equal(r.get("computedClass"), f.customerClass()));
				return f.customerClass() == CustomerClass.C
						? cb.or(manual, computed, cb.and(cb.isNull(r.get("customerClass")), cb.isNull(r.get("computedClass"))))
						: cb.or(manual, computed);
			});
		}
		if (f.kind() != null) {
			s = s.and((r, q, cb) -> cb.equal(r.get("kind"), f.kind()));
		}
		if (f.keyAccount() != null) {
			s = s.and((r, q, cb) -> cb.equal(r.get("keyAccount"), f.keyAccount()));
		}
		if (f.duplicates()) {
			s = s.and(duplicate());
		}
		return s;
	}

	static Specification<Customer> active() {
		return (r, q, cb) -> cb.isNull(r.get("mergedIntoId"));
	}

	private static Specification<Customer> idIs(long id) {
		return (r, q, cb) -> cb.equal(r.get("id"), id);
	}

	private static Specification<Customer> idIn(List<Long> ids) {
		return (r, q, cb) -> ids.isEmpty() ? cb.disjunction() : r.get("id").in(ids);
	}

	private static Specification<Customer> byPhoneHash(String hash) {
		return (r, q, cb) -> cb.or(cb.equal(r.get("phoneHash"), hash), cb.equal(r.get("phone2Hash"), hash));
	}

	private static Specification<Customer> nameLike(String pattern) {
		return (r, q, cb) -> cb.like(r.get("nameKey"), pattern, '\\');
	}

	/** Another active customer has the same (primary) phone. */
	static Specification<Customer> duplicate() {
		return (r, q, cb) -> {
			Subquery<Long> sq = q.subquery(Long.class);
			Root<Customer> other = sq.from(Customer.class);
			sq.select(other.get("id")).where(cb.equal(other.get("phoneHash"), r.get("phoneHash")),
					cb.notEqual(other.get("id"), r.get("id")), cb.isNull(other.get("mergedIntoId")));
			return cb.and(cb.isNotNull(r.get("phoneHash")), cb.exists(sq));
		};
	}

	/** Audit snapshot: personal data only masked. */
	Snapshot snapshot(Customer c) {
		return snapshot(c, c.getPhoneCipher() == null ? null : personal.phone(c.getPhoneCipher(), false),
				c.getPhone2Cipher() == null ? null : personal.phone(c.getPhone2Cipher(), false),
				c.getIdNumberCipher() == null ? null : personal.idNumber(c.getIdNumberCipher(), false));
	}

	/** Audit snapshot of a customer whose numbers are given, already masked (a new one: nothing to decrypt). */
	Snapshot snapshot(Customer c, String maskedPhone, String maskedPhone2, String maskedIdNumber) {
		return new Snapshot(c.getName(), maskedPhone, maskedPhone2, maskedIdNumber, c.getKind(), c.getCustomerClass(),
				c.getClassReason(), c.getComputedClass(), c.isKeyAccount(), c.getAccountManagerUserId(),
				c.getAccountManagerName(), c.getOccupation(), c.getBirthday() == null ? null : c.getBirthday().toString(),
				c.getAddress(), c.isMarketingConsent(), c.getSource(), c.getMergedIntoId());
	}

	/** What the audit trail keeps of a customer: personal data masked, the birthday as ISO text. */
	record Snapshot(String name, String phone, String phone2, String idNumber, CustomerKind kind,
			CustomerClass customerClass, String classReason, CustomerClass computedClass, boolean keyAccount,
			Long accountManagerUserId, String accountManagerName, String occupation, String birthday, String address,
			boolean marketingConsent, String source, Long mergedIntoId) {

		Snapshot mergedInto(long survivorId) {
			return new Snapshot(name, phone, phone2, idNumber, kind, customerClass, classReason, computedClass,
					keyAccount, accountManagerUserId, accountManagerName, occupation, birthday, address,
					marketingConsent, source, survivorId);
		}
	}

	/** The merged customer after a merge: where it went and how many vehicles moved with it. */
	record MergedSnapshot(@JsonUnwrapped Snapshot customer, int vehiclesMoved) {
	}

	static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}
}
