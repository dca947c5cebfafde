package com.kcm.voice.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.kcm.support.Api;
import com.kcm.support.Eventually;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;
import com.kcm.support.RecordingSmsGateway;

import tools.jackson.databind.JsonNode;

/**
 * Surveys (SPEC §7.4) as the customer and the staff meet them: the SMS after a closure (taken from the recording
 * gateway), the public page answered once, expiry, unknown links, consent at send time, the 30-day rule across
 * sources, and a low score in the callback queue.
 */
@KcmTest
class SurveyTests {

	static final Pattern LINK = Pattern.compile("/s/([A-Za-z0-9_-]{43})");

	@LocalServerPort
	int port;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	SurveySender sender;

	Api admin;
	String dealer;

	@BeforeEach
	void network() {
		admin = new Api(port).as("admin", "admin-test-pass");
		String region = "RS" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
		assertThat(admin.post("/regions", Map.of("code", region, "name", "调查大区")).status()).isEqualTo(201);
		dealer = "DS" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
		assertThat(admin.post("/dealers", Map.of("code", dealer, "name", "调查测试服务商", "type", "4S", "regionCode", region,
				"status", "ACTIVE", "acceptedOn", "2020-01-01")).status()).isEqualTo(201);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static String mobile() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	/** A complaint registered, dispatched, replied, callback satisfied: CLOSED. Returns its id. */
	long closedComplaint(String phone, boolean consent) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "COMPLAINT");
		body.put("channel", "HOTLINE_400");
		body.put("description", "保养后异响");
		body.put("customer", Map.of("name", "调查客户", "phone", phone));
		Api.Answer a = admin.post("/complaints", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		long id = a.json().get("id").asLong();
		if (consent) {
			consent(customerOf(id));
		}
		tick();
		Api.Answer d = admin.post("/complaints/" + id + "/dispatch",
				Map.of("dealerCode", dealer, "category", "SERVICE_PROCESS", "suggestion", "尽快联系客户"));
		assertThat(d.status()).as(d.body()).isEqualTo(200);
		long wo = admin.get("/complaints/" + id).json().get("workOrders").get(0).get("id").asLong();
		tick();
		assertThat(admin.post("/complaints/" + id + "/work-orders/" + wo + "/confirm", Map.of()).status()).isEqualTo(200);
		tick();
		Map<String, Object> reply = new LinkedHashMap<>();
		reply.put("final", true);
		reply.put("text", "已为客户重新紧固，问题解决");
		reply.put("contactedCustomerAt", java.time.OffsetDateTime.now(clock).toString());
		Api.Answer r = admin.post("/complaints/" + id + "/work-orders/" + wo + "/replies", reply);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		tick();
		assertThat(admin.post("/complaints/" + id + "/closure-request", Map.of()).status()).isEqualTo(200);
		tick();
		Api.Answer closed = admin.post("/complaints/" + id + "/callbacks",
				Map.of("reached", true, "resolved", true, "satisfied", true, "falseReply", false));
		assertThat(closed.status()).as(closed.body()).isEqualTo(201);
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		return id;
	}

	@Autowired
	Surveys surveys;

	@Autowired
	SurveyAnswers answers;

	@Autowired
	SurveyTemplates templates;

	@Autowired
	com.kcm.voice.Consents consents;

	@Autowired
	com.kcm.complaint.CustomerComplaints customerComplaints;

	@Autowired
	com.kcm.identity.DemoSignIn signIn;

	@Test
	void theDemoSurveysTheLatestClosuresByTheRealRulesAndAnswersMostOfThem() {
		clock.set(Instant.parse("2095-03-01T02:00:00Z"));
		admin = new Api(port).as("admin", "admin-test-pass");
		List<String> phones = new java.util.ArrayList<>();
		List<Long> closed = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			phones.add(mobile());
			closed.add(closedComplaint(phones.get(i), false)); // no consent: no survey at the closure
		}
		clock.advance(Duration.ofDays(3)); // a late closure event is history by now
		String user = Api.createUser(port, "sdemo", "AFTER_SALES", null);
		SurveyDemoData demo = new SurveyDemoData(surveys, sender, answers, templates, consents, customerComplaints, signIn,
				jdbc, clock);

		SurveyDemoData.Loaded loaded = demo.load(6, user);

		// newest closure first; the sixth customer did not agree, so gets no survey
		List<Long> expected = List.of(closed.get(5), closed.get(4), closed.get(3), closed.get(2), closed.get(1));
		assertThat(loaded.surveys()).extracting(id -> jdbc.sql("select complaint_id from survey where id = :id")
				.param("id", id).query(Long.class).single()).containsExactlyElementsOf(expected);
		assertThat(jdbc.sql("select count(*) from survey where customer_id = :c").param("c", customerOf(closed.get(0)))
				.query(Long.class).single()).isZero();
		assertThat(sms.to(phones.get(0))).isEmpty();
		for (int i = 1; i < 6; i++) {
			assertThat(sms.to(phones.get(i))).singleElement().satisfies(m -> assertThat(LINK.matcher(m.text()).find()).isTrue());
		}
		// four of the five answered, one of them with low scores: a follow-up in the callback queue
		assertThat(loaded.answered()).isEqualTo(4);
		assertThat(loaded.surveys()).extracting(id -> jdbc.sql("select status from survey where id = :id").param("id", id)
				.query(String.class).single()).containsExactly("ANSWERED", "ANSWERED", "ANSWERED", "ANSWERED", "SENT");
		assertThat(jdbc.sql("select complaint_id, lowest_score, nps from survey_follow_up where survey_id in (:ids)")
				.param("ids", loaded.surveys()).query().listOfRows()).singleElement().satisfies(r -> {
					assertThat(((Number) r.get("complaint_id")).longValue()).isEqualTo(closed.get(3));
					assertThat(((Number) r.get("lowest_score")).intValue()).isEqualTo(2);
					assertThat(((Number) r.get("nps")).intValue()).isEqualTo(3);
				});

		// loaded again: the 30-day rule refuses every customer
		assertThat(demo.load(6, user).surveys()).isEmpty();
	}

	/** A frozen clock moves on a minute between the steps of a complaint (events are in time order). */
	void tick() {
		if (clock.instant().isAfter(Instant.now().plusSeconds(60))) {
			clock.advance(Duration.ofMinutes(1));
		}
	}

	long customerOf(long complaintId) {
		return jdbc.sql("select customer_id from complaint where id = :id").param("id", complaintId).query(Long.class)
				.single();
	}

	void consent(long customerId) {
		Api.Answer c = admin.post("/customers/" + customerId + "/consents",
				Map.of("purpose", "SURVEY", "state", "GIVEN", "channel", "PHONE"));
		assertThat(c.status()).as(c.body()).isIn(200, 201);
	}

	String token(String phone) {
		List<RecordingSmsGateway.Sms> got = Eventually.await(() -> sms.to(phone), l -> !l.isEmpty(), Duration.ofSeconds(20));
		assertThat(got).hasSize(1);
		Matcher m = LINK.matcher(got.get(0).text());
		assertThat(m.find()).as(got.get(0).text()).isTrue();
		return m.group(1);
	}

	MockHttpServletResponse page(String token) throws Exception {
		return mvc.perform(get("/s/" + token)).andReturn().getResponse();
	}

	MockHttpServletResponse answer(String token, Map<String, String> form) throws Exception {
		var req = post("/s/" + token).with(csrf());
		form.forEach((k, v) -> req.param(k, v));
		return mvc.perform(req).andReturn().getResponse();
	}

	Map<String, String> answers(long surveyId, int score, int nps) {
		long template = jdbc.sql("select template_id from survey where id = :id").param("id", surveyId).query(Long.class).single();
		Map<String, String> form = new LinkedHashMap<>();
		jdbc.sql("select id, kind from survey_question where template_id = :t order by position").param("t", template)
				.query((rs, i) -> Map.entry(rs.getLong("id"), rs.getString("kind"))).list().forEach(e -> {
					form.put("q" + e.getKey(), switch (e.getValue()) {
						case "SCORE_1_5" -> String.valueOf(score);
						case "NPS_0_10" -> String.valueOf(nps);
						default -> "服务人员很耐心";
					});
				});
		return form;
	}

	long surveyOf(long complaintId) {
		return jdbc.sql("select id from survey where complaint_id = :c").param("c", complaintId).query(Long.class).single();
	}

	@Test
	void aClosedComplaintSendsOneSmsWhoseLinkAnswersOnceShowingOnlyDealerAndCaseNumber() throws Exception {
		String phone = mobile();
		long complaint = closedComplaint(phone, true);
		String token = token(phone);
		assertThat(sms.to(phone).get(0).text()).contains("调查测试服务商").contains(String.valueOf(complaint))
				.doesNotContain(phone).doesNotContain("调查客户");
		long survey = surveyOf(complaint);
		assertThat(jdbc.sql("select token_hash from survey where id = :id").param("id", survey).query(String.class).single())
				.as("only the hash is stored").isNotEqualTo(token).hasSize(64);

		MockHttpServletResponse open = page(token);
		assertThat(open.getStatus()).isEqualTo(200);
		String html = open.getContentAsString();
		assertThat(html).contains("调查测试服务商").contains(String.valueOf(complaint)).contains("name=\"_csrf\"")
				.doesNotContain("<script").doesNotContain("调查客户").doesNotContain(phone.substring(7));
		assertThat(open.getHeader("Content-Security-Policy")).contains("script-src");

		MockHttpServletResponse incomplete = answer(token, Map.of());
		assertThat(incomplete.getStatus()).as("every score question is required").isEqualTo(422);
		assertThat(mvc.perform(post("/s/" + token).params(form(answers(survey, 5, 10)))).andReturn().getResponse().getStatus())
				.as("no CSRF token: refused").isEqualTo(403);

		assertThat(answer(token, answers(survey, 5, 10)).getStatus()).isEqualTo(200);
		MockHttpServletResponse again = answer(token, answers(survey, 1, 0));
		assertThat(again.getStatus()).isEqualTo(410);
		assertThat(again.getContentAsString()).contains("已经提交过");
		assertThat(page(token).getStatus()).isEqualTo(410);
		assertThat(jdbc.sql("select count(*) from survey_answer a join survey_question q on q.id = a.question_id"
				+ " where a.survey_id = :s and q.kind = 'SCORE_1_5' and a.score = 5").param("s", survey).query(Long.class)
				.single()).as("the first answer stands").isEqualTo(2);

		// the outbox delivers the event again: nothing is sent twice
		sender.send(survey);
		assertThat(sms.to(phone)).hasSize(1);
	}

	static org.springframework.util.MultiValueMap<String, String> form(Map<String, String> m) {
		org.springframework.util.LinkedMultiValueMap<String, String> f = new org.springframework.util.LinkedMultiValueMap<>();
		m.forEach(f::add);
		return f;
	}

	@Test
	void anExpiredLinkAndAnUnknownOneGetTheSameAnswer() throws Exception {
		String phone = mobile();
		long complaint = closedComplaint(phone, true);
		String token = token(phone);
		long survey = surveyOf(complaint);
		MockHttpServletResponse unknown = page(SurveyTokensAccess.newToken());
		MockHttpServletResponse garbage = page("abc");
		clock.set(Instant.now().plus(Duration.ofDays(14)).plusSeconds(60));
		MockHttpServletResponse expired = page(token);
		assertThat(expired.getStatus()).isEqualTo(404);
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(garbage.getStatus()).isEqualTo(404);
		assertThat(expired.getContentAsString()).isEqualTo(unknown.getContentAsString()).contains("无效或已过期");
		assertThat(answer(token, answers(survey, 4, 9)).getStatus()).as("an expired link cannot be answered").isEqualTo(404);
		clock.set(Instant.now().plus(Duration.ofDays(13)));
		assertThat(page(token).getStatus()).as("still valid on day 13").isEqualTo(200);
	}

	@Test
	void noSurveyWithoutSurveyConsentAtSendTime() {
		String phone = mobile();
		long complaint = closedComplaint(phone, false);
		Eventually.await(() -> jdbc.sql("select count(*) from event_publication where completion_date is null"
				+ " and serialized_event like :p").param("p", "%" + complaint + "%").query(Long.class).single(), n -> n == 0,
				Duration.ofSeconds(20));
		assertThat(jdbc.sql("select count(*) from survey where complaint_id = :c").param("c", complaint).query(Long.class)
				.single()).isZero();
		assertThat(sms.to(phone)).isEmpty();

		// consent given, then withdrawn before the SMS goes out: the sender checks again and sends nothing
		String phone2 = mobile();
		long withConsent = closedComplaint(phone2, true);
		String first = token(phone2);
		assertThat(first).isNotBlank();
		long customer = customerOf(withConsent);
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into survey (template_id, customer_id, dealer_id, source, status, created_at)
				values ((select min(id) from survey_template), :c, null, 'CAMPAIGN', 'PENDING', current_timestamp)""")
				.param("c", customer).update(key, "id");
		long pending = key.getKey().longValue();
		assertThat(admin.post("/customers/" + customer + "/consents",
				Map.of("purpose", "SURVEY", "state", "WITHDRAWN", "channel", "PHONE")).status()).isIn(200, 201);
		sender.send(pending);
		assertThat(jdbc.sql("select status from survey where id = :id").param("id", pending).query(String.class).single())
				.isEqualTo("SKIPPED");
		assertThat(sms.to(phone2)).hasSize(1);
	}

	@Test
	void aCustomerGetsAtMostOneSurveyIn30DaysWhateverTheSource() {
		String phone = mobile();
		long first = closedComplaint(phone, true);
		token(phone);
		long customer = customerOf(first);
		// a campaign to this dealer's customers 3 days later: this customer is refused as too soon
		clock.set(Instant.now().plus(Duration.ofDays(3)));
		admin = new Api(port).as("admin", "admin-test-pass");
		long template = admin.get("/survey-templates").json().get(0).get("id").asLong();
		Api.Answer campaign = admin.post("/survey-campaigns", Map.of("templateId", template, "name", "回访活动",
				"dealerCode", dealer));
		assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
		assertThat(jdbc.sql("select count(*) from survey where customer_id = :c").param("c", customer).query(Long.class)
				.single()).isEqualTo(1);
		// a second closure 29 days after the first: still none
		clock.set(Instant.now().plus(Duration.ofDays(29)));
		admin = new Api(port).as("admin", "admin-test-pass");
		closedComplaint(phone, false);
		Eventually.await(() -> sms.to(phone).size(), n -> n >= 1, Duration.ofSeconds(5));
		assertThat(sms.to(phone)).hasSize(1);
		// 31 days after: the next closure sends one
		clock.set(Instant.now().plus(Duration.ofDays(31)));
		admin = new Api(port).as("admin", "admin-test-pass");
		closedComplaint(phone, false);
		List<RecordingSmsGateway.Sms> two = Eventually.await(() -> sms.to(phone), l -> l.size() == 2, Duration.ofSeconds(20));
		assertThat(two).hasSize(2);
	}

	@Test
	void aLowScoreGoesToTheCallbackQueueAsAFollowUp() throws Exception {
		String phone = mobile();
		long complaint = closedComplaint(phone, true);
		String token = token(phone);
		long survey = surveyOf(complaint);
		assertThat(answer(token, answers(survey, 2, 8)).getStatus()).isEqualTo(200);
		long followUp = jdbc.sql("select id from survey_follow_up where survey_id = :s").param("s", survey)
				.query(Long.class).single();
		String queue = mvc.perform(get("/callbacks").with(
				org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("agent")
						.roles("CS_AGENT"))).andReturn().getResponse().getContentAsString();
		assertThat(queue).contains("/voice/surveys/follow-ups/" + followUp).contains("低分回访");

		// NPS 6 alone is low as well; 3 and 7 are not
		String p2 = mobile();
		long c2 = closedComplaint(p2, true);
		String t2 = token(p2);
		assertThat(answer(t2, answers(surveyOf(c2), 3, 6)).getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from survey_follow_up where survey_id = :s").param("s", surveyOf(c2))
				.query(Long.class).single()).isEqualTo(1);
		String p3 = mobile();
		long c3 = closedComplaint(p3, true);
		String t3 = token(p3);
		assertThat(answer(t3, answers(surveyOf(c3), 3, 7)).getStatus()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from survey_follow_up where survey_id = :s").param("s", surveyOf(c3))
				.query(Long.class).single()).isZero();

		// the results of the dealer's month: 3 sent, 3 answered, NPS of 8, 6, 7 = 0 % promoters − 33.3 % detractors
		JsonNode results = admin.get("/survey-results").json();
		JsonNode mine = results.valueStream().filter(r -> dealer.equals(r.get("dealerCode").asString())).findFirst().orElseThrow();
		assertThat(mine.get("sent").asLong()).isEqualTo(3);
		assertThat(mine.get("answered").asLong()).isEqualTo(3);
		assertThat(mine.get("responseRate").decimalValue()).isEqualByComparingTo("1");
		assertThat(mine.get("nps").decimalValue()).isEqualByComparingTo("-33.3");
		assertThat(mine.get("averages").get("您对本次问题处理结果的满意程度").decimalValue()).isEqualByComparingTo("2.67");
	}

	@Test
	void aTemplateInUseIsNeverChangedEditingMakesANewVersion() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "保养回访 " + UUID.randomUUID().toString().substring(0, 4));
		body.put("questions", List.of(Map.of("kind", "SCORE_1_5", "text", "总体满意度"),
				Map.of("kind", "CHOICE", "text", "您是如何预约的", "options", List.of("电话", "微信", "到店"))));
		Api.Answer created = admin.post("/survey-templates", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long v1 = created.json().get("id").asLong();
		assertThat(created.json().get("version").asInt()).isEqualTo(1);

		Map<String, Object> edit = new LinkedHashMap<>(body);
		edit.put("questions", List.of(Map.of("kind", "SCORE_1_5", "text", "总体满意度（修改）")));
		Api.Answer unused = admin.put("/survey-templates/" + v1, edit);
		assertThat(unused.json().get("id").asLong()).as("not sent yet: edited in place").isEqualTo(v1);

		jdbc.sql("insert into survey (template_id, customer_id, source, status, created_at) values (:t, 1, 'CAMPAIGN', 'SKIPPED', current_timestamp)")
				.param("t", v1).update();
		edit.put("questions", List.of(Map.of("kind", "NPS_0_10", "text", "推荐意愿")));
		Api.Answer v2 = admin.put("/survey-templates/" + v1, edit);
		assertThat(v2.status()).as(v2.body()).isEqualTo(200);
		assertThat(v2.json().get("id").asLong()).isNotEqualTo(v1);
		assertThat(v2.json().get("version").asInt()).isEqualTo(2);
		JsonNode old = admin.get("/survey-templates/" + v1).json();
		assertThat(old.get("questions").get(0).get("text").asString()).as("the version in use is unchanged")
				.isEqualTo("总体满意度（修改）");
		assertThat(old.get("current").asBoolean()).isFalse();
		assertThat(admin.put("/survey-templates/" + v1, edit).status()).as("only the current version is edited").isEqualTo(422);

		Api.Answer bad = admin.post("/survey-templates", Map.of("name", "", "questions",
				List.of(Map.of("kind", "CHOICE", "text", "只有一个选项", "options", List.of("是")), Map.of("kind", "STARS", "text", "x"))));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name",
				"questions[0].options", "questions[1].kind");
	}
}
