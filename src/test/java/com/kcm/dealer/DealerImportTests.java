package com.kcm.dealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

/** SPEC §10: imports report bad rows with row number and reason and import nothing; exports are xlsx. */
@KcmTest
class DealerImportTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	DealerFixtures fx;

	@BeforeEach
	void setUp() {
		fx = new DealerFixtures(port);
	}

	@Test
	void aFileWithOneBadRowImportsNothingAndNamesTheRow() {
		String region = fx.region();
		String good = DealerFixtures.unique("D");
		String bad = DealerFixtures.unique("D");
		String csv = "代码,名称,类型,大区,状态,验收通过日期,星级\n"
				+ good + ",北京中联汽车销售服务有限公司,4S," + region + ",ACTIVE,2023-02-01,3\n"
				+ bad + ",天津某汽车服务有限公司,5S," + region + ",ACTIVE,2023-02-01,2\n"
				+ good + ",重复代码,3S," + region + ",正式运作,2023-02-01,1\n";
		Api.Answer a = fx.upload("/imports/dealers", "dealers.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(a.status()).as(a.body()).isEqualTo(422);
		JsonNode errors = a.json().get("errors");
		assertThat(errors.findValues("index")).extracting(JsonNode::asInt).containsExactly(3, 4);
		assertThat(errors.findValuesAsString("field")).containsExactly("type", "code");
		assertThat(fx.admin.get("/dealers/" + good).status()).isEqualTo(404);
	}

	@Test
	void aGoodCsvWithEnglishHeadersImportsEveryRowWithItsHistory() {
		String region = fx.region();
		String first = DealerFixtures.unique("D");
		String second = DealerFixtures.unique("D");
		String csv = "\uFEFFcode,name,type,regionCode,status,acceptedOn,starLevel,contactPhone,contactEmail\r\n"
				+ first + ",上海浦东汽车销售服务有限公司,4S," + region + ",ACTIVE,2022-06-01,4,021-58880000,a@example.cn\r\n"
				+ second + ",\"广州白云汽车销售服务有限公司\",3S," + region.toLowerCase() + ",暂停服务,2021-01-15,,,\r\n";
		Api.Answer a = fx.upload("/imports/dealers", "dealers.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("imported").asInt()).isEqualTo(2);
		JsonNode d = fx.admin.get("/dealers/" + second).json();
		assertThat(d.get("status").asString()).isEqualTo("SUSPENDED");
		assertThat(d.get("type").asString()).isEqualTo("3S");
		assertThat(d.get("statusHistory").get(0).get("effectiveFrom").asString()).isEqualTo("2021-01-15");
	}

	@Test
	void regionsAndDealersImportFromXlsx() throws Exception {
		String region = DealerFixtures.unique("R");
		Api.Answer r = fx.upload("/imports/regions", "regions.xlsx",
				xlsx(List.of("代码", "名称"), List.of(List.of(region, "东北大区"))));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		String dealer = DealerFixtures.unique("D");
		Api.Answer d = fx.upload("/imports/dealers", "dealers.xlsx", xlsx(List.of("代码", "名称", "类型", "大区", "状态",
				"验收通过日期"), List.of(List.of(dealer, "沈阳某汽车销售服务有限公司", "4S", region, "ACTIVE", "2020-09-09"))));
		assertThat(d.status()).as(d.body()).isEqualTo(200);
		assertThat(fx.admin.get("/dealers/" + dealer).json().get("regionCode").asString()).isEqualTo(region);
	}

	@Test
	void aMissingColumnIsReportedForTheFile() {
		Api.Answer a = fx.upload("/imports/regions", "regions.csv", "代码\nX1\n".getBytes(StandardCharsets.UTF_8));
		assertThat(a.status()).isEqualTo(422);
		assertThat(DealerApiTests.fields(a)).containsExactly("file");
	}

	@Test
	void onlyAnAdministratorImports() {
		String user = fx.user("AFTER_SALES", null, null);
		Api.Answer a = fx.upload("/imports/regions", "r.csv", "code,name\nZZ,x\n".getBytes(StandardCharsets.UTF_8), user,
				"secret-123");
		assertThat(a.status()).isEqualTo(403);
	}

	@Test
	void theImportPageListsTheBadRowsAndTheTemplateIsAReadableWorkbook() throws Exception {
		MockHttpSession admin = signIn();
		String region = fx.region();
		String csv = "代码,名称,类型,大区,状态,验收通过日期\n" + DealerFixtures.unique("D") + ",某公司,4S," + region
				+ ",ACTIVE,2023-13-01\n";
		String page = mvc.perform(multipart("/dealers/import")
				.file(new MockMultipartFile("file", "d.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.session(admin).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("第 2 行").contains("验收通过日期");

		byte[] template = mvc.perform(get("/dealers/import/template").session(admin)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("代码");
		}
	}

	@Test
	void theExportIsAnXlsxOfTheCurrentFilter() throws Exception {
		String region = fx.region();
		String a = fx.dealer(region, "ACTIVE", "2023-01-01");
		String b = fx.dealer(region, "SUSPENDED", "2023-01-01");
		String other = fx.dealer(fx.region(), "ACTIVE", "2023-01-01");
		var response = mvc.perform(get("/dealers/export").param("region", region).session(signIn()))
				.andExpect(status().isOk()).andReturn().getResponse();
		assertThat(response.getContentType()).startsWith(DealerPages.XLSX);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			XSSFSheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("代码");
			List<String> codes = new java.util.ArrayList<>();
			for (Row row : sheet) {
				if (row.getRowNum() > 0) {
					codes.add(row.getCell(0).getStringCellValue());
				}
			}
			assertThat(codes).containsExactlyElementsOf(java.util.stream.Stream.of(a, b).sorted().toList())
					.doesNotContain(other);
		}
	}

	private MockHttpSession signIn() throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(DealerFixtures.ADMIN).password(DealerFixtures.ADMIN_PASSWORD))
				.andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
	}

	static byte[] xlsx(List<String> headers, List<List<String>> rows) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = wb.createSheet();
			Row h = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				h.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r + 1);
				for (int i = 0; i < rows.get(r).size(); i++) {
					row.createCell(i).setCellValue(rows.get(r).get(i));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
