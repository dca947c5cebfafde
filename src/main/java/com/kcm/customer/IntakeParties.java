package com.kcm.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.audit.Audit;
import com.kcm.shared.Masking;
import com.kcm.shared.domain.ValidationException;
import com.kcm.shared.domain.Violation;
import com.kcm.shared.domain.Violations;
import com.kcm.shared.sql.PooledIds;
import com.kcm.shared.sql.PooledSequence;
import com.kcm.shared.sql.Row;

/**
 * The customer and vehicle of a complaint being registered (SPEC §4.2 step 1), found or made ready to be created
 * with it in one round trip (issue 17, ADR 0002): one statement looks up the caller by phone and the car by VIN;
 * what is new comes back as rows (customer, vehicle and their audit entries, ids from pooled sequences) for the
 * caller to write in the same batch as the complaint, and as the events to publish once they are written. The
 * phone is hashed once (the lookup hash is the stored one) and encrypted once; a new customer's class is computed
 * in-process by the rule in force today ({@link NewCustomerClasses}) and stored with it. A VIN registered by a
 * concurrent request meanwhile makes the insert fail on the unique index; intake retries in a new transaction,
 * which then finds it.
 */
@Service
public class IntakeParties {

	/** Where intake registers a new caller from (the customer's source). */
	static final String SOURCE = "400热线";

	/** The caller as the complaint names it (phone may be absent: online posts); the car, when a VIN was given. */
	public record Request(String name, String phone, String idNumber, String vin, String plate) {
	}

	/**
	 * The parties found or new: the ids to put on the complaint, whether the customer is a key account, the rows
	 * to insert before the complaint's (empty when both were known) and the events to publish after them.
	 */
	public record Parties(Long customerId, boolean keyAccount, Long vehicleId, List<Row> rows, List<Object> events) {
	}

	private final JdbcClient jdbc;
	private final Customers customers;
	private final Vehicles vehicles;
	private final PersonalData personal;
	private final Audit audit;
	private final Clock clock;
	private final ObjectProvider<NewCustomerClasses> classes;
	private final PooledSequence customerIds;
	private final PooledSequence vehicleIds;
	private final TransactionTemplate supports;
	private volatile NewCustomerClasses classRule;

	IntakeParties(JdbcClient jdbc, Customers customers, Vehicles vehicles, PersonalData personal, Audit audit,
			Clock clock, ObjectProvider<NewCustomerClasses> classes, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.supports = new TransactionTemplate(transactions);
		this.supports.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
		this.customers = customers;
		this.vehicles = vehicles;
		this.personal = personal;
		this.audit = audit;
		this.clock = clock;
		this.classes = classes;
		this.customerIds = new PooledSequence(jdbc, "customer_seq", PooledIds.BLOCK);
		this.vehicleIds = new PooledSequence(jdbc, "vehicle_seq", PooledIds.BLOCK);
	}

	/**
	 * Finds the caller (the oldest active customer with the phone, ignoring scope) and the car (by VIN), and
	 * prepares what is new. A customer is needed only when a phone is given; a new car needs an owner. Violations
	 * name the request's fields ({@code customer.phone}, {@code vehicle.vin}); nothing is written here. Runs in the
	 * caller's transaction, or without one (intake's group commit writes the rows in another thread's transaction).
	 * <p>
	 * A known caller without a new car (most of a hotline's day) is answered from the lookup alone, outside any
	 * transaction machinery (its cost was 4 % of such an intake, issue 17); preparing a new customer or car runs in
	 * the caller's transaction when there is one, otherwise in a non-transactional scope that shares one
	 * persistence context between the checks ({@code SUPPORTS}).
	 */
	public Parties resolve(Request request) {
		boolean phoneGiven = notBlank(request.phone());
		boolean vinGiven = notBlank(request.vin());
		Optional<MobilePhone> phone = phoneGiven ? MobilePhone.parse(request.phone()) : Optional.empty();
		Optional<Vin> vin = vinGiven ? Vin.parse(request.vin()) : Optional.empty();
		String phoneHash = phone.map(personal::hash).orElse(null);
		Known known = lookup(phoneHash, vin.map(Vin::value).orElse(null));
		boolean newCustomer = phoneGiven && known.customerId == null;
		boolean newVehicle = vinGiven && known.vehicleId == null;
		if (!newCustomer && !newVehicle) {
			return new Parties(known.customerId, known.keyAccount, known.vehicleId, List.of(), List.of());
		}
		return supports.execute(status -> prepareNew(request, phoneHash, known, newCustomer, newVehicle));
	}

	private Parties prepareNew(Request request, String phoneHash, Known known, boolean newCustomer,
			boolean newVehicle) {
		List<Row> rows = new ArrayList<>();
		List<Object> events = new ArrayList<>();
		Long customerId = known.customerId;
		boolean keyAccount = known.keyAccount;
		Customer created = null;
		Customers.Prepared customer = null;
		if (newCustomer) {
			customer = prefixed("customer.", () -> customers.prepare(new CustomerCommand(request.name(), request.phone(),
					null, request.idNumber(), "INDIVIDUAL", null, null, null, null, null, null, null, null, null, SOURCE),
					null, new Violations()));
			customer.knownPhoneHash = phoneHash;
			created = customer.apply(new Customer(customer.name, customer.kind, clock.instant()));
		}
		Vehicles.Prepared car = null;
		if (newVehicle) {
			Violations v = new Violations();
			car = vehicles.check(new VehicleCommand(request.vin(), request.plate(), null, null, null,
					newCustomer ? Long.valueOf(-1) : customerId, null, null), null, v, true, true);
			prefixed("vehicle.", () -> {
				v.throwIfAny();
				return null;
			});
		}

		if (created != null) {
			NewCustomerClasses rule = classRule();
			if (rule != null) {
				created.computed(rule.classOf(created.isKeyAccount(), newVehicle ? 1 : 0));
			}
			rows.add(created.insertRow(customerIds.next()));
			customerId = created.getId();
			keyAccount = created.isKeyAccount();
			rows.add(audit.entry(Audit.CREATE, Customers.TYPE, customerId, null, customers.snapshot(created,
					customer.phone == null ? null : Masking.phone(customer.phone.value()), null,
					customer.idNumber == null ? null : Masking.idNumber(customer.idNumber.value()))));
			events.add(new CustomerChanged(customerId, created.getName(), created.isKeyAccount(),
					created.getAccountManagerUserId(), true));
		}
		Long vehicleId = known.vehicleId;
		if (car != null) {
			if (!newCustomer && !customers.callerSeesEverything()) {
				customers.visible(customerId); // a vehicle is registered only for an owner the caller may see
			}
			Vehicle v = vehicles.build(car, customerId);
			rows.add(v.insertRow(vehicleIds.next()));
			vehicleId = v.getId();
			rows.add(audit.entry(Audit.CREATE, Vehicles.TYPE, vehicleId, null, Vehicles.snapshot(v)));
			if (!newCustomer) {
				// a known customer owns one more vehicle: the crm module recomputes its class; a new customer's
				// class was computed above with its vehicle
				events.add(VehicleOwnersChanged.of(customerId));
			}
		}
		return new Parties(customerId, keyAccount, vehicleId, List.copyOf(rows), List.copyOf(events));
	}

	/**
	 * The class rule's bean, looked up once (through the provider: the crm module, which implements it, depends on
	 * this one); a lookup per registration was a sixth of a first-time caller's lookup and build (issue 17).
	 */
	private NewCustomerClasses classRule() {
		NewCustomerClasses rule = classRule;
		if (rule == null) {
			rule = classes.getIfAvailable();
			classRule = rule;
		}
		return rule;
	}

	private record Known(Long customerId, boolean keyAccount, Long vehicleId) {
	}

	/** The caller by phone hash and the car by VIN, in one statement (either may be null: not looked up). */
	private Known lookup(String phoneHash, String vin) {
		List<String> parts = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (phoneHash != null) {
			parts.add("select 'c' as what, id, key_account from (select id, key_account from customer "
					+ "where phone_hash = ? and merged_into_id is null order by id fetch first 1 rows only) c");
			params.add(phoneHash);
		}
		if (vin != null) {
			parts.add("select 'v' as what, id, false as key_account from vehicle where vin = ?");
			params.add(vin);
		}
		if (parts.isEmpty()) {
			return new Known(null, false, null);
		}
		Known found = new Known(null, false, null);
		for (Object[] row : jdbc.sql(String.join(" union all ", parts)).params(params).query(IntakeParties::row).list()) {
			found = "c".equals(row[0]) ? new Known((Long) row[1], (Boolean) row[2], found.vehicleId)
					: new Known(found.customerId, found.keyAccount, (Long) row[1]);
		}
		return found;
	}

	private static Object[] row(ResultSet rs, int n) throws SQLException {
		return new Object[] { rs.getString(1), rs.getLong(2), rs.getBoolean(3) };
	}

	/** Runs a check and prefixes the fields of its violations ("phone" → "customer.phone"). */
	private static <T> T prefixed(String prefix, java.util.function.Supplier<T> call) {
		try {
			return call.get();
		} catch (ValidationException e) {
			throw new ValidationException(e.violations().stream()
					.map(x -> new Violation(x.field() == null ? null : prefix + x.field(), x.index(), x.code(), x.args()))
					.toList());
		}
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}
}
