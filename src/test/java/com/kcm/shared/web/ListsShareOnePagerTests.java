package com.kcm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/** Every paged list shows the same pager (layout/parts.html): the summary, and previous/next keeping the list's filters. */
@KcmTest
class ListsShareOnePagerTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	String page(MockHttpSession session, String url) throws Exception {
		var response = mvc.perform(get(url).session(session)).andReturn().getResponse();
		assertThat(response.getStatus()).as(url).isEqualTo(200);
		return response.getContentAsString();
	}

	@Test
	void theComplaintAndUserListsPageWithTheSharedPager() throws Exception {
		String token = "pager" + UUID.randomUUID().toString().substring(0, 8);
		String agent = Api.createUser(port, "pg", "CS_AGENT", null);
		Api api = new Api(port).as(agent, "secret-123");
		for (int i = 0; i < 21; i++) { // repair requests: no section of the board, which other tests count
			Api.Answer a = api.post("/complaints", Map.of("kind", "REPAIR_REQUEST", "channel", "HOTLINE_400", "description",
					token + " " + i, "customer", Map.of("name", "翻页客户", "phone",
							"139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)))));
			assertThat(a.status()).as(a.body()).isEqualTo(201);
		}
		MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("admin-test-pass"))
				.andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);

		String list = page(admin, "/complaints?q=" + token);
		assertThat(list).contains("class=\"d-flex align-items-center gap-2 my-2 pager\"").contains("共 21 条")
				.contains("href=\"/complaints?q=" + token + "&amp;page=1\"");
		assertThat(page(admin, "/complaints?q=" + token + "&page=1")).contains("href=\"/complaints?q=" + token + "&amp;page=0\"");
		assertThat(page(admin, "/complaints?q=" + token + "-none")).doesNotContain("my-2 pager");

		String prefix = "u" + UUID.randomUUID().toString().substring(0, 5);
		for (int i = 0; i < 21; i++) {
			Api.createUser(port, prefix, "CS_AGENT", null);
		}
		assertThat(page(admin, "/admin/users?q=" + prefix)).contains("my-2 pager").contains("共 21 条")
				.contains("href=\"?page=1&amp;q=" + prefix + "&amp;");
	}

	@Test
	void everyPageWithTheSharedPagerOrEmptyRowRenders() throws Exception {
		MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("admin-test-pass"))
				.andExpect(status().is3xxRedirection()).andReturn().getRequest().getSession(false);
		for (String url : new String[] { "/voice/churn", "/voice/churn/customers", "/voice/surveys/results", "/limits",
				"/service-visits", "/assessment/bulletin", "/complaints/unclosed", "/quality/sanbao", "/customers",
				"/dealers", "/callbacks", "/complaints/board/TO_DISPATCH", "/audit", "/admin/users" }) {
			assertThat(page(admin, url)).as(url).contains("</main>");
		}
	}
}
