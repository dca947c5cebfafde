package com.kcm.voice.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.kcm.support.Api;
import com.kcm.support.KcmTest;

/**
 * Survey templates on a page: the after-sales manager creates one with a choice question, edits it in place while
 * never sent and as the next version once sent; an error names the row as the form shows it and saves nothing; a
 * customer service agent may not open the page.
 */
@KcmTest
class SurveyTemplatePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	SurveyTemplates templates;

	UserDetails manager;

	@BeforeEach
	void manager() {
		manager = userDetails.loadUserByUsername(Api.createUser(port, "stpl", "AFTER_SALES", null));
	}

	private MockHttpServletResponse save(MockHttpServletRequestBuilder form) throws Exception {
		return mvc.perform(form.with(user(manager)).with(csrf())).andReturn().getResponse();
	}

	private long idOf(String name) {
		return jdbc.sql("select id from survey_template where name = :n and current_version").param("n", name)
				.query(Long.class).single();
	}

	@Test
	void theManagerCreatesATemplateEditsItInPlaceThenAsTheNextVersionOnceSent() throws Exception {
		String name = "进站体验 " + UUID.randomUUID().toString().substring(0, 6);
		String page = mvc.perform(get("/voice/surveys/templates/new").with(user(manager))).andReturn().getResponse()
				.getContentAsString();
		assertThat(page).contains("新建调查模板").contains("id=\"template-questions\"").contains("推荐度（0–10 分）");

		MockHttpServletResponse created = save(post("/voice/surveys/templates").param("name", name)
				.param("kind", "SCORE_1_5", "", "CHOICE", "").param("text", "您对接待的满意程度", "", "您是如何预约的", "")
				.param("options", "", "", "电话\n微信小程序\n直接到店", ""));
		assertThat(created.getStatus()).isEqualTo(302);
		assertThat(created.getRedirectedUrl()).isEqualTo("/voice/surveys/campaigns#templates");
		long id = idOf(name);
		SurveyTemplates.Template t = templates.get(id);
		assertThat(t.version()).isEqualTo(1);
		assertThat(t.autoSend()).isFalse();
		assertThat(t.questions()).extracting(SurveyTemplates.Question::kind).containsExactly(QuestionKind.SCORE_1_5,
				QuestionKind.CHOICE);
		assertThat(t.questions().get(1).options()).containsExactly("电话", "微信小程序", "直接到店");

		String edit = mvc.perform(get("/voice/surveys/templates/" + id + "/edit").with(user(manager))).andReturn()
				.getResponse().getContentAsString();
		assertThat(edit).contains("value=\"" + name + "\"").contains("您是如何预约的").contains("v1 尚未发送");

		// never sent: edited in place
		assertThat(save(post("/voice/surveys/templates").param("id", String.valueOf(id)).param("name", name)
				.param("kind", "SCORE_1_5", "TEXT").param("text", "您对接待的满意程度", "还有什么建议").param("options", "", ""))
				.getStatus()).isEqualTo(302);
		assertThat(idOf(name)).isEqualTo(id);
		assertThat(templates.get(id).questions()).extracting(SurveyTemplates.Question::text)
				.containsExactly("您对接待的满意程度", "还有什么建议");

		// once sent: the next version, the sent one unchanged
		long customer = jdbc.sql("select coalesce(min(id), 0) from customer").query(Long.class).single();
		jdbc.sql("insert into survey (template_id, customer_id, source, status, created_at) values (?, ?, 'CAMPAIGN', 'SKIPPED', current_timestamp)")
				.params(id, customer).update();
		String again = mvc.perform(get("/voice/surveys/templates/" + id + "/edit").with(user(manager))).andReturn()
				.getResponse().getContentAsString();
		assertThat(again).contains("保存后成为 v2");
		assertThat(save(post("/voice/surveys/templates").param("id", String.valueOf(id)).param("name", name)
				.param("kind", "NPS_0_10").param("text", "您愿意向亲友推荐我们吗").param("options", "")).getStatus())
				.isEqualTo(302);
		long next = idOf(name);
		assertThat(next).isNotEqualTo(id);
		assertThat(templates.get(next).version()).isEqualTo(2);
		assertThat(templates.get(id).questions()).extracting(SurveyTemplates.Question::text)
				.containsExactly("您对接待的满意程度", "还有什么建议");
		assertThat(mvc.perform(get("/voice/surveys/campaigns").with(user(manager))).andReturn().getResponse()
				.getContentAsString()).contains("/voice/surveys/templates/" + next + "/edit")
				.doesNotContain("/voice/surveys/templates/" + id + "/edit");
	}

	@Test
	void anErrorNamesTheRowAsTheFormShowsItAndSavesNothing() throws Exception {
		String name = "错误模板 " + UUID.randomUUID().toString().substring(0, 6);
		MockHttpServletResponse r = save(post("/voice/surveys/templates").param("name", name)
				.param("kind", "SCORE_1_5", "", "CHOICE").param("text", "服务满意度", "", "").param("options", "", "", "只有一个"));
		assertThat(r.getStatus()).isEqualTo(200);
		String html = r.getContentAsString();
		assertThat(html).contains("第 3 行 · 问题：请填写问题").contains("第 3 行 · 选项：选择题至少要有两个选项")
				.contains("value=\"服务满意度\"").contains("只有一个");
		assertThat(jdbc.sql("select count(*) from survey_template where name = :n").param("n", name).query(Long.class)
				.single()).isZero();
	}

	@Test
	void anAgentMayNotEditTemplates() throws Exception {
		UserDetails agent = userDetails.loadUserByUsername(Api.createUser(port, "stpld", "CS_AGENT", null));
		assertThat(mvc.perform(get("/voice/surveys/templates/new").with(user(agent))).andReturn().getResponse().getStatus())
				.isEqualTo(403);
		assertThat(mvc.perform(post("/voice/surveys/templates").param("name", "x").param("kind", "TEXT").param("text", "x")
				.with(user(agent)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
	}
}
