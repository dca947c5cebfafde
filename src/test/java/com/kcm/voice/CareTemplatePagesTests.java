package com.kcm.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.support.KcmTest;

/** The care page (SPEC §7.5): templates with a preview, an unknown placeholder refused, changes saved; consent changes. */
@KcmTest
class CareTemplatePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	CareTemplates templates;

	private String follow(UserDetails who, MvcResult redirected) throws Exception {
		MockHttpSession session = (MockHttpSession) redirected.getRequest().getSession();
		var flash = redirected.getFlashMap();
		return mvc.perform(get("/care").with(user(who)).session(session).flashAttrs(flash)).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString();
	}

	@Test
	void aftersalesPreviewsAndSavesATemplateAndAnUnknownPlaceholderIsRefused() throws Exception {
		ConsentFixtures f = new ConsentFixtures(port);
		UserDetails staff = userDetails.loadUserByUsername(f.user(List.of("AFTER_SALES"), null));
		assertThat(mvc.perform(get("/care").with(user(staff))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString()).contains("template-BIRTHDAY", "template-MAINTENANCE", "保养提醒");

		MvcResult preview = mvc.perform(post("/care/templates/BIRTHDAY").with(user(staff)).with(csrf())
				.param("body", "{name}，{dealer}祝您生日快乐！").param("active", "true").param("action", "preview"))
				.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(follow(staff, preview)).contains("张先生，北京凯驰4S店祝您生日快乐！");

		MvcResult refused = mvc.perform(post("/care/templates/BIRTHDAY").with(user(staff)).with(csrf())
				.param("body", "{name}您好，{phone}").param("active", "true").param("action", "save"))
				.andExpect(status().is3xxRedirection()).andReturn();
		assertThat(follow(staff, refused)).contains("{phone}");
		assertThat(templates.get(CareOccasion.BIRTHDAY).body()).doesNotContain("{phone}");

		String before = templates.get(CareOccasion.HOLIDAY).body();
		try {
			mvc.perform(post("/care/templates/HOLIDAY").with(user(staff)).with(csrf())
					.param("body", "{name}您好，节日快乐！").param("action", "save"))
					.andExpect(status().is3xxRedirection());
			assertThat(templates.get(CareOccasion.HOLIDAY).body()).isEqualTo("{name}您好，节日快乐！");
			assertThat(templates.get(CareOccasion.HOLIDAY).active()).isFalse();
		} finally {
			mvc.perform(post("/care/templates/HOLIDAY").with(user(staff)).with(csrf()).param("body", before)
					.param("active", "true").param("action", "save"));
		}
		assertThat(templates.get(CareOccasion.HOLIDAY).active()).isTrue();
		assertThat(mvc.perform(get("/consents").with(user(staff))).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString()).contains("同意变更");
	}

	@Test
	void aServiceAgentHasNoCarePage() throws Exception {
		UserDetails agent = userDetails.loadUserByUsername(new ConsentFixtures(port).user(List.of("CS_AGENT"), null));
		mvc.perform(get("/care").with(user(agent))).andExpect(status().isForbidden());
	}
}
