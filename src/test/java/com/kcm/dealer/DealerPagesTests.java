package com.kcm.dealer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.kcm.support.KcmTest;

/** The dealer and region pages as an administrator uses them. */
@KcmTest
class DealerPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	DealerCatalog catalog;

	DealerFixtures fx;
	MockHttpSession admin;

	@BeforeEach
	void signIn() throws Exception {
		fx = new DealerFixtures(port);
		admin = (MockHttpSession) mvc.perform(formLogin("/login").user(DealerFixtures.ADMIN).password(DealerFixtures.ADMIN_PASSWORD))
				.andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
	}

	@Test
	void theListFiltersByRegionAndTheDetailsShowTheHistory() throws Exception {
		String region = fx.region();
		String code = fx.dealer(region, "ACTIVE", "2023-01-01");
		String other = fx.dealer(fx.region(), "ACTIVE", "2023-01-01");
		assertThat(page(get("/dealers").param("region", region).param("sort", "-starLevel"))).contains(code)
				.doesNotContain(other);
		assertThat(page(get("/dealers/" + code))).contains("正式运作").contains("2023-01-01").contains("status-form");
		assertThat(page(get("/"))).contains("销售服务商");
	}

	@Test
	void theCreateFormShowsInlineMessagesNamingTheFields() throws Exception {
		String html = mvc.perform(post("/dealers/new").session(admin).with(csrf()).param("code", "坏代码")
				.param("name", "").param("type", "4S").param("regionCode", "").param("status", "ACTIVE")
				.param("acceptedOn", "2023-02-30").param("starLevel", "0")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("is-invalid").contains("代码须为 1–20 位字母或数字").contains("日期格式须为 YYYY-MM-DD");
	}

	@Test
	void anAdministratorCreatesADealerAndChangesItsStatusFromTheDetailsPage() throws Exception {
		String region = fx.region();
		String code = DealerFixtures.unique("D");
		mvc.perform(post("/dealers/new").session(admin).with(csrf()).param("code", code).param("name", "成都某汽车销售服务有限公司")
				.param("type", "3S").param("regionCode", region).param("status", "ACTIVE").param("acceptedOn", "2023-02-01")
				.param("starLevel", "2")).andExpect(redirectedUrl("/dealers/" + code));
		mvc.perform(post("/dealers/" + code + "/status").session(admin).with(csrf()).param("status", "SUSPENDED")
				.param("effectiveFrom", "2024-01-01").param("reason", "整改")).andExpect(redirectedUrl("/dealers/" + code));
		assertThat(catalog.statusHistory(catalog.byCode(code).orElseThrow().id())).hasSize(2);

		String refused = mvc.perform(post("/dealers/" + code + "/status").session(admin).with(csrf())
				.param("status", "ACTIVE").param("effectiveFrom", "2020-01-01")).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("生效日期不能早于验收通过日期");

		mvc.perform(post("/dealers/" + code + "/edit").session(admin).with(csrf()).param("name", "成都新名称汽车服务有限公司")
				.param("type", "4S").param("regionCode", region).param("acceptedOn", "2023-02-01"))
				.andExpect(redirectedUrl("/dealers/" + code));
		assertThat(catalog.byCode(code).orElseThrow().name()).isEqualTo("成都新名称汽车服务有限公司");
	}

	@Test
	void anAdministratorKeepsTheRegions() throws Exception {
		String code = DealerFixtures.unique("R");
		mvc.perform(post("/regions/new").session(admin).with(csrf()).param("code", code).param("name", "东北大区"))
				.andExpect(redirectedUrl("/regions"));
		assertThat(page(get("/regions"))).contains(code).contains("东北大区");
		mvc.perform(post("/regions/" + code).session(admin).with(csrf()).param("name", "东北区"))
				.andExpect(redirectedUrl("/regions"));
		assertThat(catalog.regionByCode(code).orElseThrow().name()).isEqualTo("东北区");
		assertThat(page(get("/regions/import"))).contains("大区代码");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.session(admin)).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}
}
