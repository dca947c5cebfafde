package com.kcm.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.kcm.shared.domain.Violations;
import com.kcm.shared.sql.Insert;
import com.kcm.shared.sql.Inserts;
import com.kcm.support.KcmTest;
import com.kcm.support.MappedColumns;
import com.kcm.support.MutableClock;

/**
 * Intake writes a first-time caller and the car with plain JDBC ({@link IntakeParties}, issue 17): these tests
 * hold that writing to the JPA mapping — every mapped column is written, and what JPA reads back is what was built.
 */
@KcmTest
class IntakeRowsTests {

	@Autowired
	EntityManagerFactory emf;

	@Autowired
	Customers customers;

	@Autowired
	Vehicles vehicles;

	@Autowired
	Inserts inserts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void everyMappedColumnOfTheCustomerAndTheVehicleIsWrittenAndReadBackAsBuilt() {
		clock.set(Instant.parse("2026-11-03T01:02:03.456789Z"));
		String phone = "137" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
		Customers.Prepared p = customers.prepare(new CustomerCommand("列检查客户", phone, null, "11010519491231002X",
				"INDIVIDUAL", null, null, null, null, null, "司机", LocalDate.of(1980, 5, 6), "北京市", true, "400热线"),
				null, new Violations());
		Customer customer = p.apply(new Customer(p.name, p.kind, clock.instant()));
		customer.computed(CustomerClass.C);
		long customerId = jdbc.sql("select nextval('customer_seq')").query(Long.class).single();
		Insert customerRow = customer.insertRow(customerId);
		assertThat(new TreeSet<>(customerRow.columns())).isEqualTo(mappedColumns(Customer.class));
		assertThat(customerRow.columns()).doesNotHaveDuplicates();

		Vehicles.Prepared car = vehicles.check(new VehicleCommand(vin(), "京A12345", "KCM S7", LocalDate.of(2026, 1, 2),
				null, customerId, "无", "交强险"), null, new Violations(), true);
		Vehicle vehicle = vehicles.build(car, customerId);
		long vehicleId = jdbc.sql("select nextval('vehicle_seq')").query(Long.class).single();
		Insert vehicleRow = vehicle.insertRow(vehicleId);
		assertThat(new TreeSet<>(vehicleRow.columns())).isEqualTo(mappedColumns(Vehicle.class));

		new TransactionTemplate(transactions).executeWithoutResult(s -> inserts.insert(List.of(customerRow, vehicleRow)));
		try (var em = emf.createEntityManager()) {
			assertThat(em.find(Customer.class, customerId)).usingRecursiveComparison().isEqualTo(customer);
			assertThat(em.find(Vehicle.class, vehicleId)).usingRecursiveComparison().isEqualTo(vehicle);
		}
		assertThat(customers.referenceByPhone(phone)).contains(new CustomerReference(customerId, false));
	}

	static String vin() {
		String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
		StringBuilder b = new StringBuilder();
		var r = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 17; i++) {
			b.append(chars.charAt(r.nextInt(chars.length())));
		}
		return b.toString();
	}

	Set<String> mappedColumns(Class<?> entity) {
		return MappedColumns.of(emf, entity);
	}
}
