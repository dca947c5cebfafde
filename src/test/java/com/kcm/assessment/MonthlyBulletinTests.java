package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.PdfText;

import tools.jackson.databind.JsonNode;

/**
 * The monthly bulletin (SPEC §5.4) of June 2026 as {@link BulletinFixtures} builds it: the ranking with ties
 * and missing rates, the region filter, a regional user's scope, the xlsx and PDF read back, the page.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyBulletinTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	final BulletinFixtures june = new BulletinFixtures();
	String specialistName;
	Api specialist;

	@BeforeAll
	void buildJune() {
		june.build(port, network);
		specialistName = Api.createUser(port, "bt", "AFTER_SALES", null);
		specialist = new Api(port).as(specialistName, "secret-123");
	}

	@Test
	void dealersAreRankedWithinTheRegionByClosureThenFirstTimeThenSatisfactionThenFewerComplaints() {
		Api.Answer a = specialist.get("/bulletins/2026-06?regionCode=" + june.region1);
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		JsonNode b = a.json();
		assertThat(b.get("cutoff").asString()).isEqualTo("2026-07-15T16:30:00+08:00");
		assertThat(b.get("total").asInt()).isEqualTo(8);
		List<String> order = new ArrayList<>();
		List<Integer> ranks = new ArrayList<>();
		for (JsonNode r : b.get("items")) {
			order.add(r.get("dealerCode").asString());
			ranks.add(r.get("rank").asInt());
		}
		assertThat(order).as("B and C tie (code order), E has no satisfaction, A a lower first-time rate, "
				+ "H no first-time rate, D half closed, F and G no rates at all (F fewer complaints)")
				.containsExactly(june.code('B'), june.code('C'), june.code('E'), june.code('A'), june.code('H'),
						june.code('D'), june.code('F'), june.code('G'));
		assertThat(ranks).containsExactly(1, 1, 3, 4, 5, 6, 7, 8);

		JsonNode rowA = b.get("items").get(3);
		assertThat(rowA.get("dealerName").asString()).isEqualTo(BulletinFixtures.name('A'));
		assertThat(rowA.get("regionName").asString()).isEqualTo(june.regionName1);
		assertThat(rowA.get("complaints").asInt()).isEqualTo(2);
		assertThat(rowA.get("firstTimeClosureRate").decimalValue()).isEqualByComparingTo("0.5");
		assertThat(rowA.get("countedTowardLimit").asInt()).isEqualTo(2);
		assertThat(rowA.get("limit").asInt()).isEqualTo(1);
		assertThat(rowA.get("conditionsMet").asInt()).as("limit and first-time closure missed").isEqualTo(4);
		assertThat(rowA.get("supportAmount").decimalValue()).isEqualByComparingTo("0");
		assertThat(rowA.get("netAmount").decimalValue()).isEqualByComparingTo("-1500.00");
		JsonNode rowB = b.get("items").get(0);
		assertThat(rowB.get("conditionsMet").asInt()).isEqualTo(6);
		assertThat(rowB.get("netAmount").decimalValue()).as("3S support").isEqualByComparingTo("1500.00");
		JsonNode rowG = b.get("items").get(7);
		assertThat(rowG.get("unreachable").asInt()).isEqualTo(1);
		assertThat(rowG.get("monthlyClosureRate").isNull()).isTrue();
	}

	@Test
	void theRegionFilterKeepsOneRegionAndTheWholeBulletinHoldsBoth() {
		JsonNode two = specialist.get("/bulletins/2026-06?regionCode=" + june.region2).json();
		assertThat(two.get("total").asInt()).isEqualTo(1);
		assertThat(two.get("items").get(0).get("dealerCode").asString()).isEqualTo(june.code('X'));
		assertThat(two.get("items").get(0).get("rank").asInt()).as("ranked within its own region").isEqualTo(1);

		JsonNode all = specialist.get("/bulletins/2026-06?size=1000").json();
		List<String> mine = new ArrayList<>();
		for (JsonNode r : all.get("items")) {
			if (r.get("dealerCode").asString().startsWith(june.prefix)) {
				mine.add(r.get("dealerCode").asString());
			}
		}
		assertThat(mine).as("grouped by region: region one's eight, then region two's X").hasSize(9)
				.endsWith(june.code('X'));
		assertThat(specialist.get("/bulletins/2026-06?regionCode=NOPE" + june.prefix).status()).isEqualTo(404);
		assertThat(specialist.get("/bulletins/2026-13").status()).isEqualTo(422);
	}

	@Test
	void aRegionalUserSeesOnlyItsRegionAndADealerUserNoBulletin() {
		String regionalName = BulletinFixtures.regionalUser(port, june.region2);
		Api regional = new Api(port).as(regionalName, "secret-123");
		JsonNode own = regional.get("/bulletins/2026-06?size=1000").json();
		assertThat(own.get("total").asInt()).isEqualTo(1);
		assertThat(own.get("items").get(0).get("dealerCode").asString()).isEqualTo(june.code('X'));
		assertThat(regional.get("/bulletins/2026-06?regionCode=" + june.region1).status()).as("not its region")
				.isEqualTo(404);
		assertThat(BulletinFixtures.download(port, regionalName, "/bulletins/2026-06/xlsx?regionCode="
				+ june.region1).status()).isEqualTo(404);

		Api dealer = new Api(port).as(Api.createUser(port, "bd", "DEALER", june.code('A')), "secret-123");
		assertThat(dealer.get("/bulletins/2026-06").status()).isEqualTo(403);
	}

	@Test
	void aMonthNeverComputedHasNoBulletin() {
		assertThat(specialist.get("/bulletins/2019-02").status()).isEqualTo(404);
		assertThat(BulletinFixtures.download(port, specialistName, "/bulletins/2019-02/pdf").status()).isEqualTo(404);
	}

	@Test
	void theXlsxHasTheTitleTheHeadersAndTheRowsInBulletinOrder() throws Exception {
		BulletinFixtures.Download x = BulletinFixtures.download(port, specialistName,
				"/bulletins/2026-06/xlsx?regionCode=" + june.region1);
		assertThat(x.status()).isEqualTo(200);
		assertThat(x.contentType()).startsWith(BulletinApi.XLSX);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(x.body()))) {
			Sheet s = wb.getSheetAt(0);
			DataFormatter f = new DataFormatter();
			assertThat(f.formatCellValue(s.getRow(0).getCell(0))).startsWith("2026年6月服务商抱怨处理月度通报（" + june.regionName1 + "）")
					.contains("2026-07-15 16:30");
			Row headers = s.getRow(1);
			assertThat(f.formatCellValue(headers.getCell(0))).isEqualTo("排名");
			assertThat(f.formatCellValue(headers.getCell(10))).isEqualTo("月度闭环率");
			assertThat(f.formatCellValue(headers.getCell(16))).isEqualTo("净额");
			assertThat(s.getLastRowNum()).as("title, headers, eight dealers").isEqualTo(9);
			Row b = s.getRow(2);
			assertThat(f.formatCellValue(b.getCell(2))).isEqualTo(june.code('B') + " " + BulletinFixtures.name('B'));
			assertThat(f.formatCellValue(b.getCell(3))).isEqualTo("3S");
			Row a = s.getRow(5);
			assertThat(f.formatCellValue(a.getCell(0))).isEqualTo("4");
			assertThat(f.formatCellValue(a.getCell(2))).startsWith(june.code('A'));
			assertThat(f.formatCellValue(a.getCell(9))).as("first-time closure").isEqualTo("50%");
			assertThat(f.formatCellValue(a.getCell(10))).as("monthly closure").isEqualTo("100%");
			assertThat(f.formatCellValue(a.getCell(12))).isEqualTo("2 / 1");
			assertThat(f.formatCellValue(a.getCell(13))).isEqualTo("4 / 6");
			assertThat(a.getCell(15).getNumericCellValue()).isEqualTo(1500.0);
			assertThat(a.getCell(16).getNumericCellValue()).isEqualTo(-1500.0);
			Row g = s.getRow(9);
			assertThat(f.formatCellValue(g.getCell(2))).startsWith(june.code('G'));
			assertThat(f.formatCellValue(g.getCell(10))).as("no rate").isEqualTo("—");
		}
	}

	@Test
	void thePdfIsTitledInChineseAndNamesTheDealers() {
		BulletinFixtures.Download p = BulletinFixtures.download(port, specialistName,
				"/bulletins/2026-06/pdf?regionCode=" + june.region1);
		assertThat(p.status()).isEqualTo(200);
		assertThat(p.contentType()).startsWith("application/pdf");
		// The text extractor puts a space where the font changes between Chinese and Latin letters or digits.
		String text = PdfText.of(p.body()).replaceAll("\\s+", "");
		assertThat(text).contains("2026年6月服务商抱怨处理月度通报（" + june.regionName1 + "）")
				.contains("考核截止时间2026-07-1516:30").contains(june.code('A') + BulletinFixtures.name('A'))
				.contains(june.code('G') + BulletinFixtures.name('G')).contains("月度闭环率").contains("50%");
		assertThat(text.indexOf(june.code('B'))).as("bulletin order").isLessThan(text.indexOf(june.code('E')));
	}

	@Test
	void thePageShowsTheRankedRegionAndOffersTheComputeActionOnlyToAfterSales() throws Exception {
		String page = mvc.perform(get("/assessment/bulletin").param("month", "2026-06").param("region", june.region1)
				.with(user(users.loadUserByUsername(specialistName)))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("2026年6月服务商抱怨处理月度通报").contains(BulletinFixtures.name('E'))
				.contains("/assessment/bulletin/2026-06/xlsx?region=" + june.region1);
		assertThat(page.indexOf(june.code('C'))).as("C before E before A")
				.isLessThan(page.indexOf(june.code('E')));
		assertThat(page.indexOf(june.code('E'))).isLessThan(page.indexOf(june.code('A')));

		String notComputed = mvc.perform(get("/assessment/bulletin").param("month", "2019-03")
				.with(user(users.loadUserByUsername(specialistName)))).andReturn().getResponse().getContentAsString();
		assertThat(notComputed).contains("2019-03 尚未计算考核").contains("id=\"compute\"");
		String finance = Api.createUser(port, "bf", "FINANCE", null);
		String forFinance = mvc.perform(get("/assessment/bulletin").param("month", "2019-03")
				.with(user(users.loadUserByUsername(finance)))).andReturn().getResponse().getContentAsString();
		assertThat(forFinance).contains("2019-03 尚未计算考核").doesNotContain("id=\"compute\"");
	}
}
