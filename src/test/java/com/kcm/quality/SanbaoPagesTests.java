package com.kcm.quality;

import static com.kcm.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.Mailbox;

/** The 三包 pages and the one-time notice of a reached flag, as a user of the web pages and a mailbox see them. */
@KcmTest
class SanbaoPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	GreenMail greenMail;

	Api admin;
	UserDetails adminUser;
	String region;
	String dealer;

	@BeforeEach
	void setUp() {
		admin = new Api(port).as("admin", "admin-test-pass");
		adminUser = userDetails.loadUserByUsername("admin");
		region = RepairOrderApiTests.code("R");
		assertThat(admin.post("/regions", Map.of("code", region, "name", "三包大区")).status()).isEqualTo(201);
		dealer = RepairOrderApiTests.code("S");
		assertThat(admin.post("/dealers", Map.of("code", dealer, "name", "三包服务商", "type", "4S", "regionCode", region,
				"status", "ACTIVE", "acceptedOn", "2020-01-01")).status()).isEqualTo(201);
	}

	String vehicle(String model) {
		String vin = RepairOrderApiTests.vin();
		Api.Answer a = admin.post("/vehicles", Map.of("vin", vin, "purchaseDate", "2026-01-10", "model", model,
				"sellingDealerCode", dealer));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return vin;
	}

	Map<String, Object> engineFault(String vin, String no) {
		return RepairOrderApiTests.order(vin, dealer, no, "2026-02-01T09:00:00+08:00", "2026-02-01T15:00:00+08:00", 800,
				"ENGINE", "P0301", true, List.of(RepairOrderApiTests.item("ENGINE", "E-INJ-9", false)));
	}

	String html(String path) throws Exception {
		return mvc.perform(get(path).with(user(adminUser))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aReachedFlagIsListedFilteredExportedAndMailedToAfterSalesOnce() throws Exception {
		String mail = "as-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", "q" + UUID.randomUUID().toString().substring(0, 8));
		body.put("password", "secret-123");
		body.put("displayName", "售后质量");
		body.put("roles", List.of("AFTER_SALES"));
		body.put("email", mail);
		assertThat(admin.post("/users", body).status()).isEqualTo(201);

		String model = "M" + UUID.randomUUID().toString().substring(0, 6);
		String vin = vehicle(model);
		String no = RepairOrderApiTests.code("RO");
		assertThat(admin.post("/repair-orders", List.of(engineFault(vin, no))).status()).isEqualTo(200);

		String list = html("/quality/sanbao?model=" + model);
		assertThat(list).contains("data-vin=\"" + vin + "\"").contains("data-flag=\"EARLY_UNIT_FAULT\"");
		assertThat(html("/quality/sanbao?model=" + model + "&code=REPAIR_DAYS")).doesNotContain(vin);
		assertThat(html("/quality/sanbao?model=" + model + "&state=APPROACHING")).doesNotContain(vin);
		assertThat(html("/quality/sanbao?model=" + model + "&dealerCode=" + dealer)).contains(vin);
		byte[] xlsx = mvc.perform(get("/quality/sanbao/export").param("model", model).with(user(adminUser)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

		List<Mailbox.Mail> mails = await(() -> Mailbox.of(greenMail, mail).stream()
				.filter(m -> m.subject().contains(vin)).toList(), m -> !m.isEmpty());
		assertThat(mails.get(0).body()).contains(vin, "22");
		assertThat(admin.post("/repair-orders", List.of(RepairOrderApiTests.order(vin, dealer, no + "-2",
				"2026-02-03T09:00:00+08:00", "2026-02-03T10:00:00+08:00", 900, "BRAKES", "B1", true, List.of())))
				.status()).isEqualTo(200);
		Thread.sleep(1_500);
		assertThat(Mailbox.of(greenMail, mail).stream().filter(m -> m.subject().contains(vin))).hasSize(1);
	}

	@Test
	void theBlockMarksAProductQualityComplaintOfAReachedVehicleForAfterSales() throws Exception {
		String vin = vehicle("KCM S7");
		assertThat(admin.post("/repair-orders", List.of(engineFault(vin, RepairOrderApiTests.code("RO")))).status())
				.isEqualTo(200);
		String block = html("/quality/vehicles/" + vin + "/block?productQuality=true");
		assertThat(block).contains("sanbao-after-sales").contains("data-flag=\"EARLY_UNIT_FAULT\"").doesNotContain("<html");
		assertThat(html("/quality/vehicles/" + vin + "/block")).doesNotContain("sanbao-after-sales");
		assertThat(html("/quality/vehicles/" + vin)).contains(vin).contains("P0301");
	}

	@Test
	void theComplaintListMarksAProductQualityComplaintOfAReachedVehicleOnly() throws Exception {
		String reached = vehicle("KCM S7");
		assertThat(admin.post("/repair-orders", List.of(engineFault(reached, RepairOrderApiTests.code("RO")))).status())
				.isEqualTo(200);
		String quiet = vehicle("KCM S7");
		String tag = "标记" + UUID.randomUUID().toString().substring(0, 8);
		long quality = complaint(reached, "PRODUCT_QUALITY", tag);
		long service = complaint(reached, "SERVICE_PROCESS", tag);
		long other = complaint(quiet, "PRODUCT_QUALITY", tag);

		String list = html("/complaints/list?q=" + tag);
		assertThat(row(list, quality)).contains("sanbao-reached", "三包已达条件");
		assertThat(row(list, service)).as("not a product-quality complaint").doesNotContain("sanbao-reached");
		assertThat(row(list, other)).as("no reached flag").doesNotContain("sanbao-reached");
	}

	private long complaint(String vin, String category, String description) {
		Api.Answer a = admin.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400", "category", category,
				"description", description, "customer", Map.of("name", "三包客户", "phone", "139" + (10000000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(89999999))),
				"vehicle", Map.of("vin", vin)));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	private static String row(String html, long complaintId) {
		int at = html.indexOf("data-complaint-id=\"" + complaintId + "\"");
		assertThat(at).as("row of complaint " + complaintId).isPositive();
		return html.substring(at, html.indexOf("</tr>", at));
	}

	@Test
	void theCustomer360PageShowsEachVehiclesSanbaoStateAndItsRepairOrdersOnTheTimeline() throws Exception {
		Api.Answer customer = admin.post("/customers", Map.of("name", "三包客户", "kind", "INDIVIDUAL"));
		assertThat(customer.status()).as(customer.body()).isEqualTo(201);
		long owner = customer.json().get("id").asLong();
		String flagged = RepairOrderApiTests.vin();
		String quiet = RepairOrderApiTests.vin();
		for (String vin : List.of(flagged, quiet)) {
			assertThat(admin.post("/vehicles", Map.of("vin", vin, "purchaseDate", "2026-01-10", "model", "KCM S7",
					"sellingDealerCode", dealer, "ownerId", owner)).status()).isEqualTo(201);
		}
		String no = RepairOrderApiTests.code("RO");
		assertThat(admin.post("/repair-orders", List.of(engineFault(flagged, no))).status()).isEqualTo(200);

		String page = html("/customers/" + owner + "/360");
		assertThat(page).contains("三包 早期总成质量问题").contains("text-bg-danger").contains("三包至 2028-01-09");
		assertThat(page).contains(no).contains("/quality/vehicles/" + flagged);

		var timeline = admin.get("/customers/" + owner + "/360?type=REPAIR_ORDER").json().get("timeline");
		assertThat(timeline.toString()).contains(no).contains("REPAIR_ORDER").contains("CLOSED");
		assertThat(admin.get("/customers/" + owner + "/360?type=VISIT").json().get("timeline").toString())
				.doesNotContain(no);
	}

	@Test
	void theImportPageReportsBadRowsByRowNumberAndImportsNothing() throws Exception {
		String vin = vehicle("KCM S7");
		String no = RepairOrderApiTests.code("RO");
		String csv = "VIN,服务商代码,维修工单号,开单时间,完工时间,行驶里程,故障系统,故障代码,质量问题,严重安全性能故障,更换件\n"
				+ vin + "," + dealer + "," + no + "-1,2026-03-01 09:00,2026-03-02 10:00,1200,BRAKES,B7,是,否,BRAKES:BP-1\n"
				+ vin + "," + dealer + "," + no + "-2,2026-03-05 09:00,2026-03-04 10:00,1300,BRAKES,B7,是,否,\n"
				+ vin + "," + dealer + "," + no + "-3,yesterday,,1300,BRAKES,B7,是,否,\n";
		String page = mvc.perform(multipart("/quality/repair-orders/import")
				.file(new MockMultipartFile("file", "orders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(user(adminUser)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("id=\"import-errors\"").contains("3").contains("4");
		assertThat(admin.get("/vehicles/" + vin + "/sanbao").json().get("repairDays").asInt()).isZero();

		String good = "VIN,服务商代码,维修工单号,开单时间,完工时间,行驶里程,故障系统,故障代码,质量问题,严重安全性能故障,更换件\n"
				+ vin + "," + dealer + "," + no + "-1,2026-03-01 09:00,2026-03-02 10:00,1200,BRAKES,B7,是,否,BRAKES:BP-1\n";
		String done = mvc.perform(multipart("/quality/repair-orders/import")
				.file(new MockMultipartFile("file", "orders.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
				.with(user(adminUser)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(done).contains("id=\"import-result\"");
		assertThat(admin.get("/vehicles/" + vin + "/sanbao").json().get("repairDays").asInt()).isEqualTo(2);
		assertThat(html("/quality/repair-orders/import")).contains("维修工单号");
	}
}
