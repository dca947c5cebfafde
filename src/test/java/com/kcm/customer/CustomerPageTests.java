package com.kcm.customer;

import static com.kcm.customer.CustomerFixtures.customer;
import static com.kcm.customer.CustomerFixtures.idNumber;
import static com.kcm.customer.CustomerFixtures.name;
import static com.kcm.customer.CustomerFixtures.phone;
import static com.kcm.customer.CustomerFixtures.plate;
import static com.kcm.customer.CustomerFixtures.vehicle;
import static com.kcm.customer.CustomerFixtures.vin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.dealer.DealerNetwork;
import com.kcm.shared.Masking;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;

@KcmTest
class CustomerPageTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	Audit audit;


	@Autowired
	DealerNetwork dealerNetwork;

	Api admin;
	UserDetails adminUser;
	CustomerFixtures.Network network;

	@BeforeEach
	void setUp() {
		admin = new Api(port).as("admin", "admin-test-pass");
		adminUser = userDetails.loadUserByUsername("admin");
		network = CustomerFixtures.dealer(dealerNetwork);
	}

	private long customerWithVehicle(String name, String phone, String id, String vin, String plate, String dealerCode) {
		Map<String, Object> body = customer(name, phone);
		body.put("idNumber", id);
		Api.Answer c = admin.post("/customers", body);
		assertThat(c.status()).as(c.body()).isEqualTo(201);
		long customerId = c.json().get("id").asLong();
		Api.Answer v = admin.post("/vehicles", vehicle(customerId, vin, plate, dealerCode));
		assertThat(v.status()).as(v.body()).isEqualTo(201);
		return customerId;
	}

	@Test
	void theLookupBoxFindsByPhoneLastSixAndPlateAndShowsThePhoneMasked() throws Exception {
		String phone = phone();
		String vin = vin();
		String plate = plate();
		String name = name();
		customerWithVehicle(name, phone, idNumber(), vin, plate, network.dealer().code());

		for (String q : List.of(phone, vin.substring(11), plate)) {
			String html = mvc.perform(get("/customers").param("q", q).with(user(adminUser))).andExpect(status().isOk())
					.andReturn().getResponse().getContentAsString();
			assertThat(html).contains("id=\"lookup-q\"").contains("id=\"lookup-submit\"");
			String results = html.substring(html.indexOf("id=\"customer-results\""));
			assertThat(results).contains(name).contains(Masking.phone(phone)).doesNotContain(phone);
		}
	}

	@Test
	void theDetailPageMasksAndTheRevealButtonShowsInFullOnceAudited() throws Exception {
		String phone = phone();
		String id = idNumber();
		long customerId = customerWithVehicle(name(), phone, id, vin(), plate(), network.dealer().code());

		String page = mvc.perform(get("/customers/" + customerId).with(user(adminUser))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).contains(Masking.phone(phone)).contains(Masking.idNumber(id)).doesNotContain(phone)
				.doesNotContain(id).contains("id=\"reveal\"");

		String revealed = mvc.perform(post("/customers/" + customerId + "/reveal").header("HX-Request", "true")
				.with(user(adminUser)).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(revealed).contains(phone).contains(id).contains("id=\"personal-data\"").doesNotContain("<html");
		assertThat(audit.search(new AuditQuery(null, Audit.PERSONAL_DATA_VIEWED, "customer", String.valueOf(customerId),
				null, null), PageRequest.of(0, 5)).getTotalElements()).isEqualTo(1);
	}

	@Test
	void aUserWithoutThePermissionSeesNoRevealButtonAndCannotReveal() throws Exception {
		long customerId = customerWithVehicle(name(), phone(), null, vin(), plate(), network.dealer().code());
		UserDetails agent = userDetails.loadUserByUsername(
				CustomerFixtures.newUser(port, List.of("CS_AGENT"), null, null, false));
		String page = mvc.perform(get("/customers/" + customerId).with(user(agent))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("id=\"reveal\"");
		mvc.perform(post("/customers/" + customerId + "/reveal").with(user(agent)).with(csrf()))
				.andExpect(status().isForbidden());
	}

	@Test
	void aDealerUserGets404ForAnotherDealersCustomerPage() throws Exception {
		var other = CustomerFixtures.dealer(dealerNetwork);
		long theirs = customerWithVehicle(name(), phone(), null, vin(), plate(), other.dealer().code());
		UserDetails dealer = userDetails.loadUserByUsername(
				CustomerFixtures.newUser(port, List.of("DEALER"), network.dealer().code(), null, false));
		mvc.perform(get("/customers/" + theirs).with(user(dealer))).andExpect(status().isNotFound());
		assertThat(audit.search(new AuditQuery(null, Audit.NOT_VISIBLE, "customer", String.valueOf(theirs), null, null),
				PageRequest.of(0, 5)).getTotalElements()).isEqualTo(1);
	}

	@Test
	void theExportIsAnXlsxWithMaskedPhonesAndIdNumbers() throws Exception {
		String phone = phone();
		String id = idNumber();
		String name = name();
		// class A with a reason: a small filtered export, below the second-approver threshold however many
		// customers the shared test database holds
		Map<String, Object> body = customer(name, phone);
		body.put("idNumber", id);
		body.put("customerClass", "A");
		body.put("classReason", "导出测试");
		Api.Answer created = admin.post("/customers", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		byte[] xlsx = mvc.perform(get("/customers/export").param("customerClass", "A").param("sort", "-created")
				.with(user(adminUser)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		List<String> mine = new ArrayList<>();
		List<String> all = new ArrayList<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			DataFormatter fmt = new DataFormatter();
			for (Row r : wb.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				r.forEach(c -> cells.add(fmt.formatCellValue(c)));
				all.addAll(cells);
				if (cells.contains(name)) {
					mine.addAll(cells);
				}
			}
		}
		assertThat(mine).contains(Masking.phone(phone), Masking.idNumber(id));
		assertThat(all).noneMatch(s -> s.contains(phone) || s.contains(id));
	}

	@Test
	void theFormShowsTheFieldsErrorInlineAndCreatesNothing() throws Exception {
		String name = name();
		String html = mvc.perform(post("/customers/new").param("name", name).param("phone", "12345")
				.param("kind", "INDIVIDUAL").param("birthday", "1990-13-45").with(user(adminUser)).with(csrf()))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(html).contains("id=\"phone-error\"").contains("id=\"birthday-error\"").contains("is-invalid");
		assertThat(admin.get("/customers/lookup?q=" + name).json().get("items")).isEmpty();

		String phone = phone();
		mvc.perform(post("/customers/new").param("name", name).param("phone", phone).param("kind", "INDIVIDUAL")
				.with(user(adminUser)).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(admin.get("/customers/lookup?q=" + phone).json().get("items").get(0).get("name").asString())
				.isEqualTo(name);
	}

	@Test
	void theHomePageShowsTheCustomerAndDuplicateTilesToCentralRolesAndTheMenuEntry() throws Exception {
		String html = mvc.perform(get("/").with(user(adminUser))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(html).contains("href=\"/customers?duplicates=true\"").contains("href=\"/customers\"");
		UserDetails dealer = userDetails.loadUserByUsername(
				CustomerFixtures.newUser(port, List.of("DEALER"), network.dealer().code(), null, false));
		String dealerHome = mvc.perform(get("/").with(user(dealer))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString();
		assertThat(dealerHome).contains("href=\"/customers\"").doesNotContain("duplicates=true");
	}
}
