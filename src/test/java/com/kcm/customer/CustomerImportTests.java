package com.kcm.customer;

import static com.kcm.customer.CustomerFixtures.idNumber;
import static com.kcm.customer.CustomerFixtures.name;
import static com.kcm.customer.CustomerFixtures.phone;
import static com.kcm.customer.CustomerFixtures.plate;
import static com.kcm.customer.CustomerFixtures.vin;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

import tools.jackson.databind.JsonNode;

@KcmTest
class CustomerImportTests {

	@LocalServerPort
	int port;


	@Autowired
	DealerNetwork dealerNetwork;

	Api admin;
	CustomerFixtures.Network network;

	@BeforeEach
	void setUp() {
		admin = new Api(port).as("admin", "admin-test-pass");
		network = CustomerFixtures.dealer(dealerNetwork);
	}

	private JsonNode lookup(String q) {
		return admin.get("/customers/lookup?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).json().get("items");
	}

	@Test
	void oneBadRowImportsNothingAndTheErrorNamesTheRowAndField() {
		String good = phone();
		String goodName = name();
		String csv = "姓名,手机,身份证号,类型,生日,营销同意\n"
				+ goodName + "," + good + "," + idNumber() + ",个人,1980-01-02,是\n"
				+ name() + ",12345,,个人,,否\n"
				+ name() + "," + phone() + ",110105194912310021,INDIVIDUAL,1981-13-01,maybe\n";
		Api.Answer a = admin.upload("/imports/customers", "customers.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(a.status()).as(a.body()).isEqualTo(422);
		JsonNode errors = a.json().get("errors");
		assertThat(errors.valueStream().map(e -> e.get("index").asInt() + ":" + e.get("field").asString()).toList())
				.containsExactlyInAnyOrder("3:phone", "4:idNumber", "4:birthday", "4:marketingConsent");
		assertThat(lookup(good)).isEmpty();
		assertThat(lookup(goodName)).isEmpty();
	}

	@Test
	void aGoodFileImportsCustomersThenVehiclesFoundByOwnerPhone() throws Exception {
		String phone1 = phone();
		String phone2 = phone();
		String name1 = name();
		String csv = "name,phone,phone2,kind,occupation,source\n" + name1 + "," + phone1 + ",,INDIVIDUAL,教师,导入\n"
				+ name() + ",+86 " + phone2 + "," + phone() + ",单位,,导入\n";
		Api.Answer a = admin.upload("/imports/customers", "customers.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		assertThat(a.json().get("imported").asInt()).isEqualTo(2);
		assertThat(lookup(phone1).get(0).get("name").asString()).isEqualTo(name1);
		assertThat(lookup(phone2).get(0).get("kind").asString()).isEqualTo("ORGANIZATION");

		Api.Answer again = admin.upload("/imports/customers", "customers.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(again.status()).isEqualTo(422);

		String vin1 = vin();
		String plate1 = plate();
		byte[] xlsx = xlsx(List.of("VIN", "车牌", "车型", "购车日期", "销售服务商", "车主手机", "保险类型"),
				List.of(vin1, plate1, "KCM S7", "2024-03-01", network.dealer().code(), phone1, "商业险"));
		Api.Answer v = admin.upload("/imports/vehicles", "vehicles.xlsx", xlsx);
		assertThat(v.status()).as(v.body()).isEqualTo(200);
		JsonNode owner = lookup(vin1.substring(11)).valueStream().filter(c -> c.get("name").asString().equals(name1))
				.findFirst().orElseThrow();
		assertThat(owner.get("vehicles").get(0).get("plate").asString()).isEqualTo(plate1);
		assertThat(owner.get("vehicles").get(0).get("sellingDealerCode").asString()).isEqualTo(network.dealer().code());
	}

	@Test
	void aVehicleFileWithAnUnknownOwnerOrARepeatedVinImportsNothing() throws Exception {
		String ownerPhone = phone();
		admin.post("/customers", CustomerFixtures.customer(name(), ownerPhone));
		String vin = vin();
		byte[] xlsx = xlsx(List.of("vin", "plate", "ownerPhone", "sellingDealerCode"),
				List.of(vin, plate(), ownerPhone, network.dealer().code()),
				List.of(vin.toLowerCase(), plate(), ownerPhone, network.dealer().code()),
				List.of(vin(), "京O12345", phone(), "NOPE"));
		Api.Answer v = admin.upload("/imports/vehicles", "vehicles.xlsx", xlsx);
		assertThat(v.status()).isEqualTo(422);
		assertThat(v.json().get("errors").valueStream().map(e -> e.get("index").asInt() + ":" + e.get("field").asString())
				.toList()).containsExactlyInAnyOrder("3:vin", "4:plate", "4:ownerPhone", "4:sellingDealerCode");
		assertThat(lookup(vin)).isEmpty();
	}

	@Test
	void anAgentMayNotImport() {
		Api agent = CustomerFixtures.user(port, List.of("CS_AGENT"), null, null, false);
		assertThat(agent.upload("/imports/customers", "c.csv", "name,phone\nx,13800000000\n".getBytes(StandardCharsets.UTF_8))
				.status()).isEqualTo(403);
	}

	@SafeVarargs
	static byte[] xlsx(List<String> headers, List<String>... rows) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = wb.createSheet();
			var h = sheet.createRow(0);
			for (int i = 0; i < headers.size(); i++) {
				h.createCell(i).setCellValue(headers.get(i));
			}
			for (int r = 0; r < rows.length; r++) {
				var row = sheet.createRow(r + 1);
				for (int i = 0; i < rows[r].size(); i++) {
					row.createCell(i).setCellValue(rows[r].get(i));
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}
}
