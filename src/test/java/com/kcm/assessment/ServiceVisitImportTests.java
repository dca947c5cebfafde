package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/**
 * SPEC §10 and §5.2: service visits imported from xlsx or CSV all-or-nothing with row-numbered errors, a
 * dealer's visit history and a month's overview, scoped to what the caller may see.
 */
@KcmTest
class ServiceVisitImportTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	Api specialist;
	String specialistName;
	String region;
	String otherRegion;

	static String code(String p) {
		return p + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	String dealer(String regionCode) {
		String code = code("V");
		network.createDealer(new DealerCommand(code, "进站服务商", "4S", regionCode, "ACTIVE", "2020-01-01", 3, null, null));
		return code;
	}

	@BeforeEach
	void setUp() {
		region = code("R");
		otherRegion = code("R");
		network.createRegion(new RegionCommand(region, "进站大区"));
		network.createRegion(new RegionCommand(otherRegion, "另一大区"));
		specialistName = Api.createUser(port, "vs", "AFTER_SALES", null);
		specialist = new Api(port).as(specialistName, "secret-123");
	}

	@Test
	void aCsvFileIsImportedAndShowsInTheDealersHistoryWithWhoRecordedIt() {
		String a = dealer(region);
		String b = dealer(region);
		String csv = "\uFEFF服务商代码,月份,进站台次\r\n" + a + ",2026-01,250\r\n" + a + ",2026-02,300\r\n"
				+ b.toLowerCase() + ",2026-01,0\r\n";
		Api.Answer r = specialist.upload("/imports/service-visits", "visits.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("imported").asInt()).isEqualTo(3);

		JsonNode h = specialist.get("/service-visits/dealers/" + a).json();
		assertThat(h.get("total").asInt()).isEqualTo(2);
		assertThat(h.get("items").get(0).get("month").asString()).as("newest first").isEqualTo("2026-02");
		assertThat(h.get("items").get(0).get("visits").asInt()).isEqualTo(300);
		assertThat(h.get("items").get(0).get("recordedBy").asString()).isEqualTo(specialistName);
		assertThat(specialist.get("/service-visits/dealers/" + b).json().get("items").get(0).get("visits").asInt())
				.isZero();
	}

	@Test
	void anXlsxWithBadRowsNamesEachRowAndImportsNothing() throws IOException {
		String a = dealer(region);
		byte[] xlsx = xlsx(new Object[][] { { "dealerCode", "month", "visits" }, { a, "2026-01", 120 },
				{ a, "2026-13", 10 }, { "NOPE" + a, "2026-02", 5 }, { a, "2026-03", -1 }, { a, "2026-01", 7 } });
		Api.Answer r = specialist.upload("/imports/service-visits", "visits.xlsx", xlsx);
		assertThat(r.status()).as(r.body()).isEqualTo(422);
		JsonNode errors = r.json().get("errors");
		assertThat(errors.findValues("index")).extracting(JsonNode::asInt).as("spreadsheet row numbers, header = 1")
				.containsExactly(3, 4, 5, 6);
		assertThat(errors.findValuesAsString("field")).containsExactly("month", "dealerCode", "visits", "month");
		assertThat(specialist.get("/service-visits/dealers/" + a).json().get("total").asInt()).as("nothing written")
				.isZero();
	}

	@Test
	void aGoodXlsxIsImportedWithNumericCellsAndAMonthExcelTurnedIntoADate() throws IOException {
		String a = dealer(region);
		byte[] xlsx = xlsx(new Object[][] { { "服务商代码", "月份", "进站台次" }, { a, "2026-04", 610 },
				{ a, java.time.LocalDate.of(2026, 5, 1), 590.0 } });
		Api.Answer r = specialist.upload("/imports/service-visits", "visits.xlsx", xlsx);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode items = specialist.get("/service-visits/dealers/" + a).json().get("items");
		assertThat(items.findValuesAsString("month")).containsExactly("2026-05", "2026-04");
		assertThat(items.findValues("visits")).extracting(JsonNode::asInt).containsExactly(590, 610);
	}

	@Test
	void theImportPageShowsRowNumberedErrorsOrTheNumberImported() throws Exception {
		String a = dealer(region);
		var bad = new MockMultipartFile("file", "visits.csv", "text/csv",
				("服务商代码,月份,进站台次\n" + a + ",2026-01,12\n" + a + ",2026-02,abc\n").getBytes(StandardCharsets.UTF_8));
		String html = mvc.perform(multipart("/service-visits/import").file(bad).with(csrf())
				.with(user(userDetails.loadUserByUsername(specialistName)))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("第 3 行").contains("进站台次须为不小于 0 的整数");
		assertThat(specialist.get("/service-visits/dealers/" + a).json().get("total").asInt()).isZero();

		var good = new MockMultipartFile("file", "visits.csv", "text/csv",
				("服务商代码,月份,进站台次\n" + a + ",2026-01,12\n").getBytes(StandardCharsets.UTF_8));
		mvc.perform(multipart("/service-visits/import").file(good).with(csrf())
				.with(user(userDetails.loadUserByUsername(specialistName)))).andExpect(redirectedUrl("/service-visits"));
		String page = mvc.perform(get("/service-visits/dealers/" + a).with(user(userDetails.loadUserByUsername(specialistName))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("2026-01").contains(specialistName);
	}

	@Test
	void dealerAndRegionalUsersSeeOnlyTheirOwnHistoryAndMonth() throws Exception {
		String mine = dealer(region);
		String neighbour = dealer(region);
		String far = dealer(otherRegion);
		assertThat(specialist.post("/service-visits", List.of(Map.of("dealerCode", mine, "month", "2026-06", "visits", 11),
				Map.of("dealerCode", neighbour, "month", "2026-06", "visits", 22),
				Map.of("dealerCode", far, "month", "2026-06", "visits", 33))).status()).isEqualTo(200);

		String dealerUser = Api.createUser(port, "vd", "DEALER", mine);
		Api asDealer = new Api(port).as(dealerUser, "secret-123");
		assertThat(asDealer.get("/service-visits/dealers/" + mine).status()).isEqualTo(200);
		assertThat(asDealer.get("/service-visits/dealers/" + neighbour).status()).isEqualTo(404);
		JsonNode month = asDealer.get("/service-visits?month=2026-06").json();
		assertThat(month.get("items").findValuesAsString("dealerCode")).containsExactly(mine);
		mvc.perform(get("/service-visits/dealers/" + neighbour).with(user(userDetails.loadUserByUsername(dealerUser))))
				.andExpect(status().isNotFound());
		String own = mvc.perform(get("/service-visits/dealers/" + mine).with(user(userDetails.loadUserByUsername(dealerUser))))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(own).contains("2026-06").contains(">11<");

		String regionalUser = "vr" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(new Api(port).as("admin", "admin-test-pass").post("/users", Map.of("username", regionalUser,
				"password", "secret-123", "displayName", "大区经理", "roles", List.of("REGIONAL"), "regionCode", region))
				.status()).isEqualTo(201);
		Api asRegional = new Api(port).as(regionalUser, "secret-123");
		assertThat(asRegional.get("/service-visits/dealers/" + neighbour).status()).isEqualTo(200);
		assertThat(asRegional.get("/service-visits/dealers/" + far).status()).isEqualTo(404);
		assertThat(asRegional.get("/service-visits?month=2026-06").json().get("items").findValuesAsString("dealerCode"))
				.containsExactlyInAnyOrder(mine, neighbour);
		assertThat(asRegional.get("/service-visits?month=2026-06&regionCode=" + otherRegion).json().get("total").asInt())
				.isZero();

		String monthPage = mvc.perform(get("/service-visits").param("month", "2026-06")
				.with(user(userDetails.loadUserByUsername(regionalUser)))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(monthPage).contains(mine).contains(neighbour).doesNotContain(far).doesNotContain("visits-import");

		JsonNode filtered = specialist.get("/service-visits?month=2026-06&regionCode=" + otherRegion).json();
		assertThat(filtered.get("items").findValuesAsString("dealerCode")).containsExactly(far);
		assertThat(filtered.get("items").get(0).get("visits").asInt()).isEqualTo(33);
	}

	@Test
	void onlyAfterSalesMayImportAndOtherRolesAreRefused() throws Exception {
		String a = dealer(region);
		byte[] csv = ("服务商代码,月份,进站台次\n" + a + ",2026-01,12\n").getBytes(StandardCharsets.UTF_8);
		Api agent = new Api(port).as(Api.createUser(port, "va", "CS_AGENT", null), "secret-123");
		String dealerUser = Api.createUser(port, "vd", "DEALER", a);
		Api asDealer = new Api(port).as(dealerUser, "secret-123");
		assertThat(agent.upload("/imports/service-visits", "v.csv", csv).status()).isEqualTo(403);
		assertThat(asDealer.upload("/imports/service-visits", "v.csv", csv).status()).isEqualTo(403);
		assertThat(agent.get("/service-visits/dealers/" + a).status()).isEqualTo(403);
		assertThat(asDealer.post("/service-visits", List.of(Map.of("dealerCode", a, "month", "2026-01", "visits", 1)))
				.status()).isEqualTo(403);
		mvc.perform(get("/service-visits/import").with(user(userDetails.loadUserByUsername(dealerUser))))
				.andExpect(status().isForbidden());
		String manager = Api.createUser(port, "vm", "AFTER_SALES_MANAGER", null);
		assertThat(new Api(port).as(manager, "secret-123").upload("/imports/service-visits", "v.csv", csv).status())
				.isEqualTo(200);
		assertThat(specialist.get("/service-visits/dealers/" + a).json().get("total").asInt()).isEqualTo(1);
	}

	static byte[] xlsx(Object[][] rows) throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = wb.createSheet("visits");
			var dateStyle = wb.createCellStyle();
			dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm"));
			for (int i = 0; i < rows.length; i++) {
				Row r = sheet.createRow(i);
				for (int c = 0; c < rows[i].length; c++) {
					Object v = rows[i][c];
					var cell = r.createCell(c);
					if (v instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					} else if (v instanceof java.time.LocalDate d) {
						cell.setCellValue(d);
						cell.setCellStyle(dateStyle);
					} else {
						cell.setCellValue(String.valueOf(v));
					}
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
