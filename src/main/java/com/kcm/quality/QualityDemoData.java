package com.kcm.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.kcm.shared.demo.DemoData;
import com.kcm.customer.VehicleCommand;
import com.kcm.customer.Vehicles;
import com.kcm.identity.DemoSignIn;
import com.kcm.shared.TimeConfig;

/**
 * Demo repair orders (README): one vehicle past or near each 三包 flag (the VINs start with {@code LKCMSB}),
 * all relative to today so the flags hold whenever the demo starts, and four repairs of one fault on the demo
 * customer's vehicle (陈志明, VIN ending 123456: SAME_PROBLEM_REPAIRS approaching). Runs after the other demo
 * data, signed in as {@code aftersales}, only while there are no repair orders and dealer D0001 exists.
 */
@Component
@Order(60)
class QualityDemoData implements DemoData {

	static final String DEMO_VIN = "LSVAM4187P2123456";
	private static final Logger log = LoggerFactory.getLogger(QualityDemoData.class);

	private final RepairOrderImport imports;
	private final Capas capas;
	private final Vehicles vehicles;
	private final DemoSignIn signIn;
	private final JdbcClient jdbc;
	private final Clock clock;

	QualityDemoData(RepairOrderImport imports, Capas capas, Vehicles vehicles, DemoSignIn signIn,
			JdbcClient jdbc, Clock clock) {
		this.imports = imports;
		this.capas = capas;
		this.vehicles = vehicles;
		this.signIn = signIn;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void loadDemo() {
		if (jdbc.sql("select count(*) from repair_order").query(Long.class).single() > 0
				|| jdbc.sql("select count(*) from dealer where code = 'D0001'").query(Long.class).single() == 0) {
			return;
		}
		signIn.runAs("aftersales", () -> {
			try {
				int n = load();
				log.info("Demo repair orders: {} imported", n);
				capas();
			} catch (RuntimeException e) {
				log.warn("Demo repair orders not created: {}", e.getMessage());
			}
		});
	}

	/** Two corrective actions on demo complaints: one in progress, one done and awaiting verification. */
	void capas() {
		List<Long> complaints = jdbc.sql("select id from complaint order by id fetch first 3 rows only").query(Long.class).list();
		if (complaints.size() < 3 || jdbc.sql("select count(*) from capa").query(Long.class).single() > 0) {
			return;
		}
		CapaView first = capas.create(new Capas.NewCapa("发动机怠速抖动重复投诉", "近三个月同一批次发动机怠速抖动投诉增多，多家服务商反复维修未解决。",
				complaints.subList(0, 2), "aftersales", today().plusDays(20)));
		capas.start(first.id());
		capas.analyse(first.id(), new Capas.Analysis("喷油器批次质量问题（初步）", null, null));
		CapaView second = capas.create(new Capas.NewCapa("服务顾问回访话术不规范", "客户反映回访时服务顾问推诿责任。",
				complaints.subList(2, 3), "aftersales", today().minusDays(3)));
		capas.start(second.id());
		capas.analyse(second.id(), new Capas.Analysis("回访话术未培训", "统一回访话术并培训全部服务顾问",
				"新入职顾问上岗前考核回访话术"));
		capas.done(second.id());
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE);
	}

	private OffsetDateTime at(LocalDate d, int hour) {
		return d.atTime(hour, 0).atZone(TimeConfig.BUSINESS_ZONE).toOffsetDateTime();
	}

	private String vehicle(int n, int daysAgo, String model, String dealer) {
		String vin = String.format("LKCMSB%s%010d", "A", n).substring(0, 17);
		vehicles.register(new VehicleCommand(vin, null, model, today().minusDays(daysAgo), dealer, null, null, null, null));
		return vin;
	}

	private static RepairOrderCommand order(String vin, String dealer, String no, OffsetDateTime opened, Duration length,
			long km, String system, String fault, boolean serious, List<RepairOrderCommand.Replaced> replaced,
			String early) {
		return new RepairOrderCommand(vin, dealer, no, opened, length == null ? null : opened.plus(length), km, system,
				fault, "演示维修工单", true, serious, replaced, null, early);
	}

	private static RepairOrderCommand.Replaced part(String system, String partNo, boolean whole) {
		return new RepairOrderCommand.Replaced(system, partNo, whole);
	}

	int load() {
		List<RepairOrderCommand> all = new ArrayList<>();
		LocalDate t = today();
		// REPAIR_DAYS reached (two orders of 16 days: 32 > 30; the longer one also a LONG_SINGLE_REPAIR)
		String v1 = vehicle(1, 300, "KCM S7", "D0001");
		all.add(order(v1, "D0001", "DEMO-RD-1", at(t.minusDays(200), 9), Duration.ofDays(16), 12_000, "GEARBOX", "P0700", false, List.of(), null));
		all.add(order(v1, "D0001", "DEMO-RD-2", at(t.minusDays(120), 9), Duration.ofDays(16), 18_000, "BODY", "B1001", false, List.of(), null));
		// REPAIR_DAYS approaching (six orders of five days: 30)
		String v2 = vehicle(2, 400, "KCM X5", "D0002");
		for (int i = 0; i < 6; i++) {
			all.add(order(v2, "D0002", "DEMO-RA-" + i, at(t.minusDays(300 - i * 30), 9), Duration.ofDays(4).plusHours(12),
					20_000 + i * 1_000, "SUSPENSION", "C05" + i, false, List.of(), null));
		}
		// SAME_PROBLEM_REPAIRS reached (five repairs of P0300)
		String v3 = vehicle(3, 500, "KCM S5", "D0001");
		for (int i = 0; i < 5; i++) {
			all.add(order(v3, "D0001", "DEMO-SP-" + i, at(t.minusDays(400 - i * 40), 10), Duration.ofHours(5),
					8_000 + i * 2_000, "ENGINE", "P0300", false, List.of(), null));
		}
		// SERIOUS_SAFETY_REPAIRS reached (three serious safety repairs)
		String v4 = vehicle(4, 350, "KCM X3", "D0003");
		for (int i = 0; i < 3; i++) {
			all.add(order(v4, "D0003", "DEMO-SS-" + i, at(t.minusDays(250 - i * 50), 10), Duration.ofHours(8),
					9_000 + i * 3_000, "BRAKES", "C0040", true, List.of(part("BRAKES", "BRK-PUMP-" + i, false)), null));
		}
		// WHOLE_UNIT_REPLACEMENTS reached (two gearboxes, then the gearbox again)
		String v5 = vehicle(5, 600, "KCM X5 PHEV", "D0002");
		all.add(order(v5, "D0002", "DEMO-WU-1", at(t.minusDays(400), 9), Duration.ofDays(3), 15_000, "GEARBOX", "P0730", false, List.of(part("GEARBOX", "GB-6AT", true)), null));
		all.add(order(v5, "D0002", "DEMO-WU-2", at(t.minusDays(250), 9), Duration.ofDays(3), 22_000, "GEARBOX", "P0730", false, List.of(part("GEARBOX", "GB-6AT", true)), null));
		all.add(order(v5, "D0002", "DEMO-WU-3", at(t.minusDays(60), 9), Duration.ofHours(6), 30_000, "GEARBOX", "P0731", false, List.of(), null));
		// MAIN_PART_REPLACEMENTS approaching (the same steering rack twice)
		String v6 = vehicle(6, 450, "KCM E6 纯电", "D0004");
		all.add(order(v6, "D0004", "DEMO-MP-1", at(t.minusDays(300), 9), Duration.ofHours(20), 10_000, "STEERING", "C0460", false, List.of(part("STEERING", "STR-RACK-2", false)), null));
		all.add(order(v6, "D0004", "DEMO-MP-2", at(t.minusDays(100), 9), Duration.ofHours(20), 16_000, "STEERING", "C0460", false, List.of(part("STEERING", "STR-RACK-2", false)), null));
		// EARLY_UNIT_FAULT reached (an engine part on day 20 at 1,500 km: free unit replacement)
		String v7 = vehicle(7, 40, "KCM S7", "D0001");
		all.add(order(v7, "D0001", "DEMO-EU-1", at(t.minusDays(20), 9), Duration.ofDays(2), 1_500, "ENGINE", "P0011", false, List.of(part("ENGINE", "ENG-VVT-1", false)), null));
		// EARLY_SAFETY_FAILURE reached (a brake failure on day 10)
		String v8 = vehicle(8, 30, "KCM X3", "D0003");
		all.add(order(v8, "D0003", "DEMO-ES-1", at(t.minusDays(20), 14), Duration.ofDays(1), 800, "BRAKES", "C0110", true, List.of(), "BRAKE_FAILURE"));
		// LONG_SINGLE_REPAIR reached (an order open for seven days, waiting for parts)
		String v9 = vehicle(9, 700, "KCM S5", "D0005");
		all.add(order(v9, "D0005", "DEMO-LR-1", at(t.minusDays(7), 9), null, 35_000, "DRIVETRAIN", "P0500", false, List.of(), null));
		// the demo customer's car: four repairs of one fault (approaching), if its vehicle has a purchase date
		if (vehicles.findByVin(DEMO_VIN).map(v -> v.purchaseDate() != null).orElse(false)) {
			LocalDate start = vehicles.findByVin(DEMO_VIN).get().purchaseDate();
			for (int i = 0; i < 4; i++) {
				LocalDate d = start.plusDays(90 + i * 45L);
				if (d.isBefore(t)) {
					all.add(order(DEMO_VIN, "D0001", "DEMO-CZM-" + i, at(d, 10), Duration.ofHours(4), 3_000 + i * 2_500,
							"EMISSION_CONTROL", "P0420", false, List.of(), null));
				}
			}
		}
		return imports.importAll(all, "demo");
	}
}
