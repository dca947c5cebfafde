package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.identity.DemoSignIn;
import com.kcm.shared.sql.Insert;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MappedColumns;
import com.kcm.support.MutableClock;

/**
 * A registered complaint is written with plain JDBC ({@link RegistrationWrite}); these tests hold that writing
 * to the JPA mapping: every mapped column is written, and what JPA reads back is what was registered.
 */
@KcmTest
class RegistrationWriteTests {

	@LocalServerPort
	int port;

	@Autowired
	ComplaintIntake intake;

	@Autowired
	DemoSignIn signIn;

	@Autowired
	MutableClock clock;

	@Autowired
	EntityManagerFactory emf;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void everyMappedColumnIsWritten() {
		Complaint c = Complaint.register(new NewComplaint("EXT", ComplaintKind.COMPLAINT, Channel.HOTLINE_400, null,
				"列检查", 1L, "客户", null, ComplainantType.CUSTOMER, null, null, null, false, false),
				Instant.parse("2026-11-02T02:00:00Z"), new Actor("agent"));
		List<Insert> rows = RegistrationRows.of(c, new IntakeKey("k-1", "hash"), 7L, () -> 8L);
		assertThat(rows).extracting(Insert::table).containsExactly("complaint", "complaint_event",
				"complaint_handling_summary");
		// every column JPA maps, and the intake key that only intake reads (IntakeKey)
		Set<String> complaintColumns = new TreeSet<>(mappedColumns(Complaint.class));
		complaintColumns.addAll(List.of("intake_key", "intake_body_hash"));
		assertThat(new TreeSet<>(rows.get(0).columns())).isEqualTo(complaintColumns);
		assertThat(tableColumns("complaint")).containsAll(complaintColumns);
		assertThat(new TreeSet<>(rows.get(1).columns())).isEqualTo(mappedColumns(ComplaintEvent.class));
		assertThat(new TreeSet<>(rows.get(2).columns())).isEqualTo(tableColumns("complaint_handling_summary"));
		assertThat(rows.get(0).columns()).doesNotHaveDuplicates();
		// the audit entry's row is held to its mapping by AuditRowsTests
	}

	@Test
	void whatJpaReadsBackIsWhatWasRegistered() {
		clock.set(Instant.parse("2026-11-03T01:02:03.456789Z"));
		String user = Api.createUser(port, "rw", "AFTER_SALES", null);
		String key = "rw-" + UUID.randomUUID();
		IntakeCommand online = online("SERVICE_PROCESS", "论坛发帖：服务差");
		IntakeCommand repair = new IntakeCommand("REPAIR_REQUEST", "HOTLINE_400", null, "发动机故障灯亮",
				new IntakeCommand.CustomerPart("赵先生", ComplaintApiStoryTests.phone(), null),
				new IntakeCommand.VehiclePart(vin(), null), null, "DEALER_LACKS_ABILITY", null, null);
		for (IntakeCommand cmd : List.of(online, repair)) {
			AtomicReference<Complaint> registered = new AtomicReference<>();
			assertThat(signIn.runAs(user, () -> registered.set(intake.registerOnce(cmd, key + cmd.kind(), cmd.toString())
					.complaint()))).isTrue();
			Complaint written = registered.get();
			Complaint read;
			try (var em = emf.createEntityManager()) {
				read = em.find(Complaint.class, written.getId());
				read.getEvents().size();
			}
			assertThat(read).usingRecursiveComparison().ignoringFields("workOrders", "events", "callbacks", "pending")
					.isEqualTo(written);
			assertThat(read.getEvents()).singleElement().usingRecursiveComparison().ignoringFields("complaint", "workOrder")
					.isEqualTo(written.getEvents().get(0));
			assertThat(jdbc.sql("select actor || ' ' || action from audit_entry where entity_type = 'complaint' and entity_id = ?")
					.param(String.valueOf(written.getId())).query(String.class).single()).isEqualTo(user + " CREATE");
		}
	}

	static String vin() {
		String chars = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
		StringBuilder b = new StringBuilder();
		java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
		for (int i = 0; i < 17; i++) {
			b.append(chars.charAt(r.nextInt(chars.length())));
		}
		return b.toString();
	}

	/** The columns of a table as the database has them (lower case). */
	Set<String> tableColumns(String table) {
		return jdbc.sql("select * from " + table + " where 1 = 0").query(rs -> {
			Set<String> columns = new TreeSet<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				columns.add(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT));
			}
			return columns;
		});
	}

	@Test
	void theSummaryOfARegisteredComplaintIsTheOneItsTimelineGives() {
		clock.set(Instant.parse("2026-11-04T01:02:03.456789Z"));
		String user = Api.createUser(port, "rs", "AFTER_SALES", null);
		IntakeCommand hotline = new IntakeCommand("COMPLAINT", "HOTLINE_400", "PRODUCT_QUALITY", "刹车异响",
				new IntakeCommand.CustomerPart("钱先生", ComplaintApiStoryTests.phone(), null), null, null, null, null,
				null);
		IntakeCommand online = online("PRODUCT_QUALITY", "论坛发帖：刹车异响");
		for (IntakeCommand cmd : List.of(hotline, online)) {
			AtomicReference<Complaint> registered = new AtomicReference<>();
			assertThat(signIn.runAs(user, () -> registered.set(intake.registerOnce(cmd, "rs-" + UUID.randomUUID(),
					cmd.toString()).complaint()))).isTrue();
			long id = registered.get().getId();
			String row = "select * from complaint_handling_summary where complaint_id = ?";
			var written = jdbc.sql(row).param(id).query().singleRow();
			assertThat(written).as(cmd.channel()).containsEntry("status", "REGISTERED")
					.containsEntry("category", "PRODUCT_QUALITY").containsEntry("reached_callbacks", 0)
					// the complaint's own values the assessment reads from here (ADR 0003, second amendment)
					.containsEntry("kind", "COMPLAINT").containsEntry("channel", cmd.channel())
					.containsEntry("online_negative", cmd.online() == null ? null : true);
			jdbc.sql(com.kcm.complaint.HandlingSummaryRows.deleteComplaints("{id} = ?")).param(id).update();
			jdbc.sql(com.kcm.complaint.HandlingSummaryRows.insertComplaints("{id} = ?")).param(id).update();
			assertThat(jdbc.sql(row).param(id).query().singleRow()).as(cmd.channel()).isEqualTo(written);
		}
	}

	/** A negative online post of 2026-11-02, with its own external id. */
	private static IntakeCommand online(String category, String description) {
		return new IntakeCommand("COMPLAINT", "ONLINE", category, description,
				new IntakeCommand.CustomerPart("网友", null, null), null,
				new IntakeCommand.ComplainantPart("MEDIA", "某汽车频道"), null,
				new IntakeCommand.OnlinePart("汽车之家论坛", "https://club.example.com/p/" + UUID.randomUUID(), true, "车友老李",
						OffsetDateTime.parse("2026-11-02T20:15:00+08:00"), "新车异响，服务站态度差"),
				"EXT-" + UUID.randomUUID());
	}

	Set<String> mappedColumns(Class<?> entity) {
		return MappedColumns.of(emf, entity);
	}
}
