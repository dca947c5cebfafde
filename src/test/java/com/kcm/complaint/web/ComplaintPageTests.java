package com.kcm.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.complaint.ComplaintBoards;
import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;

/** The complaint screens as each role sees them, signed in through the login form. */
@KcmTest
class ComplaintPageTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	String region;
	String dealerA;
	String dealerB;
	String agent;
	String specialist;
	String dealerUserA;
	Api agentApi;
	Api specialistApi;

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String phone() {
		return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}

	String user(String role, String dealerCode) {
		return Api.createUser(port, "w", role, dealerCode);
	}

	String regionalUser() {
		String username = "w" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", "secret-123",
				"displayName", "测试大区", "roles", List.of("REGIONAL"), "regionCode", region));
		Api.Answer a = new Api(port).as("admin", "admin-test-pass").post("/users", body);
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return username;
	}

	@BeforeEach
	void network() {
		region = code("R");
		network.createRegion(new RegionCommand(region, "页面大区"));
		dealerA = code("A");
		dealerB = code("B");
		network.createDealer(new DealerCommand(dealerA, "甲服务商", "4S", region, "ACTIVE", "2020-01-01", 3, null, null));
		network.createDealer(new DealerCommand(dealerB, "乙服务商", "3S", region, "ACTIVE", "2020-01-01", 3, null, null));
		agent = user("CS_AGENT", null);
		specialist = user("AFTER_SALES", null);
		dealerUserA = user("DEALER", dealerA);
		agentApi = new Api(port).as(agent, "secret-123");
		specialistApi = new Api(port).as(specialist, "secret-123");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	MockHttpSession signIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("secret-123")).andReturn()
				.getRequest().getSession(false);
	}

	String page(MockHttpSession session, String path) throws Exception {
		MvcResult r = mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(path + ": " + r.getResponse().getContentAsString()).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	long register(String phone, String description) {
		Api.Answer a = agentApi.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400", "description",
				description, "customer", Map.of("name", "页面客户", "phone", phone)));
		assertThat(a.status()).as(a.body()).isEqualTo(201);
		return a.json().get("id").asLong();
	}

	long dispatch(long id, String dealer) {
		Api.Answer a = specialistApi.post("/complaints/" + id + "/dispatch", Map.of("dealerCode", dealer, "category",
				"SERVICE_PROCESS", "suggestion", "请尽快联系"));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		return a.json().get("id").asLong();
	}

	void at(String iso) {
		clock.set(OffsetDateTime.parse(iso).toInstant());
	}

	@Test
	void theDealerInboxListsOnlyItsOwnWorkOrdersOverdueFirst() throws Exception {
		at(OffsetDateTime.now().minusDays(15).withHour(9).toString());
		long late = register(phone(), "逾期未确认");
		clock.advance(java.time.Duration.ofMinutes(30));
		dispatch(late, dealerA);
		clock.reset();
		long fresh = register(phone(), "新派工单");
		dispatch(fresh, dealerA);
		long foreign = register(phone(), "别家的派工单");
		dispatch(foreign, dealerB);

		String html = page(signIn(dealerUserA), "/inbox");
		assertThat(html).contains("data-complaint-id=\"" + late + "\"").contains("data-complaint-id=\"" + fresh + "\"")
				.doesNotContain("data-complaint-id=\"" + foreign + "\"");
		assertThat(html.indexOf("data-complaint-id=\"" + late + "\""))
				.isLessThan(html.indexOf("data-complaint-id=\"" + fresh + "\""));
		assertThat(html).contains("已超期").contains("还剩").contains("hx-trigger=\"every 60s\"");

		String refreshed = mvc.perform(get("/inbox").header("HX-Request", "true").session(signIn(dealerUserA)))
				.andReturn().getResponse().getContentAsString();
		assertThat(refreshed).doesNotContain("<html").contains("id=\"inbox-rows\"");
		assertThat(page(signIn(dealerUserA), "/")).contains("待确认派工单").contains("已超期派工单");

		String regionalInbox = page(signIn(regionalUser()), "/inbox");
		assertThat(regionalInbox).contains("data-complaint-id=\"" + late + "\"")
				.contains("data-complaint-id=\"" + foreign + "\"");
	}

	/**
	 * Each tab's badge counts the cards the tab lists: the badges come from one SQL statement, the lists from the
	 * tabs' criteria queries, and the two must not drift apart (issue 17).
	 */
	@Test
	void everyInboxBadgeCountsTheCardsItsTabLists() throws Exception {
		Api dealerApi = new Api(port).as(dealerUserA, "secret-123");
		long unconfirmed = register(phone(), "待确认");
		dispatch(unconfirmed, dealerA);
		long confirmed = register(phone(), "待首次回复");
		long confirmedOrder = dispatch(confirmed, dealerA);
		assertThat(dealerApi.post("/complaints/" + confirmed + "/work-orders/" + confirmedOrder + "/confirm", Map.of()).status())
				.isEqualTo(200);
		long replied = register(phone(), "已回复跟进中");
		long repliedOrder = dispatch(replied, dealerA);
		Api.Answer reply = dealerApi.post("/complaints/" + replied + "/work-orders/" + repliedOrder + "/replies",
				Map.of("final", false, "text", "已联系客户，安排检查"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		long closing = register(phone(), "待回访");
		long closingOrder = dispatch(closing, dealerA);
		assertThat(dealerApi.post("/complaints/" + closing + "/work-orders/" + closingOrder + "/replies",
				Map.of("final", true, "text", "已处理完毕")).status()).isEqualTo(201);
		assertThat(specialistApi.post("/complaints/" + closing + "/closure-request", Map.of()).status()).isEqualTo(200);
		dispatch(register(phone(), "别家的"), dealerB);
		register(phone(), "未派工");

		Map<String, Integer> dealerTabs = Map.of("ALL", 4, "CONFIRM", 1, "REPLY", 1, "PROGRESS", 2);
		MockHttpSession dealer = signIn(dealerUserA);
		MockHttpSession regional = signIn(regionalUser());
		for (var e : dealerTabs.entrySet()) {
			String tab = e.getKey();
			String mine = page(dealer, "/inbox?tab=" + tab);
			assertThat(cards(mine)).as("dealer, tab " + tab).isEqualTo(e.getValue());
			assertThat(badges(mine)).as("dealer, tab " + tab).isEqualTo(badges(page(dealer, "/inbox")));
			assertThat(badges(mine).get(tab)).as("dealer, badge of " + tab).isEqualTo(e.getValue());
			String region = page(regional, "/inbox?tab=" + tab);
			int regionCards = cards(region);
			assertThat(badges(region).get(tab)).as("region, badge of " + tab).isEqualTo(regionCards);
			assertThat(regionCards).as("region, tab " + tab + ": dealer B's unconfirmed order too")
					.isEqualTo(e.getValue() + (tab.equals("ALL") || tab.equals("CONFIRM") ? 1 : 0));
		}
	}

	private static int cards(String html) {
		return html.split("data-complaint-id=", -1).length - 1;
	}

	/** The badge of each inbox tab, by tab. */
	private static Map<String, Integer> badges(String html) {
		Map<String, Integer> out = new LinkedHashMap<>();
		var m = java.util.regex.Pattern.compile("id=\"tab-(\\w+)\"[^>]*>\\s*<span>[^<]*</span>\\s*<span class=\"badge[^\"]*\">(\\d+)</span>")
				.matcher(html);
		while (m.find()) {
			out.put(m.group(1), Integer.valueOf(m.group(2)));
		}
		assertThat(out).as("the four tabs' badges").hasSize(4);
		return out;
	}

	@Test
	void aDealerUserGets404ForAnotherDealersComplaint() throws Exception {
		long id = register(phone(), "乙的抱怨");
		dispatch(id, dealerB);
		MvcResult r = mvc.perform(get("/complaints/" + id).session(signIn(dealerUserA))).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void aRefusedMoveShowsTheChineseReasonAndChangesNothing() throws Exception {
		long id = register(phone(), "尚未派工");
		MockHttpSession session = signIn(agent);
		MvcResult r = mvc.perform(post("/complaints/" + id + "/callback").session(session).with(csrf())
				.param("reached", "true").param("resolved", "true").param("satisfied", "true")).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(r.getResponse().getContentAsString()).contains("id=\"move-refused\"")
				.contains("当前状态（已登记）不能回访：只有申请关闭的抱怨才能回访");
		assertThat(agentApi.get("/complaints/" + id).json().get("status").asString()).isEqualTo("REGISTERED");
	}

	@Test
	void theBoardCountsWhatWaitsForAfterSales() throws Exception {
		MockHttpSession session = signIn(specialist);
		String before = count(page(session, "/complaints/board"), "TO_DISPATCH");
		long id = register(phone(), "待派工的抱怨");
		String board = page(session, "/complaints/board");
		// A badge counts up to 99 and then shows 99+ (the shared PostgreSQL test database may hold that many).
		String expected = before.endsWith("+") || Long.parseLong(before) + 1 >= ComplaintBoards.Tally.CAP
				? (ComplaintBoards.Tally.CAP - 1) + "+" : String.valueOf(Long.parseLong(before) + 1);
		assertThat(count(board, "TO_DISPATCH")).isEqualTo(expected);
		assertThat(page(session, "/complaints/board/TO_DISPATCH?page=0")).contains("data-complaint-id=\"" + id + "\"");
	}

	private static String count(String html, String section) {
		String marker = "id=\"count-" + section + "\">";
		int i = html.indexOf(marker) + marker.length();
		return html.substring(i, html.indexOf('<', i)).trim();
	}

	@Test
	void theComplaintPageShowsTheTimelineInShanghaiTime() throws Exception {
		at("2026-11-02T10:00:00+08:00");
		long id = register(phone(), "刹车异响");
		at("2026-11-02T10:20:00+08:00");
		dispatch(id, dealerA);
		String html = page(signIn(specialist), "/complaints/" + id);
		assertThat(html).contains("id=\"timeline\"").contains("2026-11-02 10:00").contains("2026-11-02 10:20")
				.contains("登记").contains("派工").contains("已登记</span> → <span>已派工").contains("请尽快联系")
				.contains("甲服务商").contains("137****");
	}

	@Test
	void theIntakeFormNamesTheMissingFieldsInChinese() throws Exception {
		MvcResult r = mvc.perform(post("/complaints/new").session(signIn(agent)).with(csrf()).param("kind", "COMPLAINT")
				.param("channel", "HOTLINE_400").param("complainantType", "CUSTOMER")).andReturn();
		String html = r.getResponse().getContentAsString();
		assertThat(html).contains("id=\"form-errors\"").contains("问题描述：必填").contains("手机号：必填")
				.contains("id=\"description-error\"");
	}

	@Test
	void aCallAboutAnOpenComplaintIsRecordedAsARepeatNotANewComplaint() throws Exception {
		String phone = phone();
		long id = register(phone, "第一次来电");
		MockHttpSession session = signIn(agent);
		String warned = mvc.perform(post("/complaints/new").session(session).with(csrf()).param("kind", "COMPLAINT")
				.param("channel", "HOTLINE_400").param("complainantType", "CUSTOMER").param("customerName", "页面客户")
				.param("customerPhone", phone).param("description", "又打来了")).andReturn().getResponse()
				.getContentAsString();
		assertThat(warned).contains("id=\"duplicate-warning\"").contains("data-open-complaint=\"" + id + "\"")
				.contains("记为重复来电");
		MvcResult repeat = mvc.perform(post("/complaints/" + id + "/repeat-call").session(session).with(csrf())
				.param("description", "又打来了")).andReturn();
		assertThat(repeat.getResponse().getRedirectedUrl()).isEqualTo("/complaints/" + id);
		assertThat(page(session, "/complaints/" + id)).contains("重复来电").contains("又打来了");
	}

	@Test
	void theLookupShowsMatchesMaskedAndPickingACustomerWarnsOfItsOpenComplaints() throws Exception {
		String phone = phone();
		long id = register(phone, "未闭环");
		MockHttpSession session = signIn(agent);
		String found = mvc.perform(get("/complaints/new/lookup").param("customerPhone", phone).session(session)
				.header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
		assertThat(found).contains("页面客户").contains(phone.substring(0, 3) + "****").doesNotContain(phone)
				.contains("未闭环 1 件");
		String marker = "data-customer-id=\"";
		int i = found.indexOf(marker) + marker.length();
		long customerId = Long.parseLong(found.substring(i, found.indexOf('"', i)));
		String picked = mvc.perform(get("/complaints/new/pick").param("pick", String.valueOf(customerId))
				.session(session).header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
		assertThat(picked).contains("id=\"customer-part\"").contains("data-open-complaint=\"" + id + "\"");
	}

	@Test
	void theComplaintListExportsXlsxWithinTheFilter() throws Exception {
		long id = register(phone(), "导出测试" + UUID.randomUUID());
		MockHttpSession session = signIn(specialist);
		assertThat(page(session, "/complaints?status=REGISTERED&q=" + id)).contains("data-complaint-id=\"" + id + "\"");
		byte[] xlsx = mvc.perform(get("/complaints/export").param("q", String.valueOf(id)).session(session)).andReturn()
				.getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getNumericCellValue()).isEqualTo(id);
		}
	}

	@Test
	void anOnlineComplaintNeedsNoPhoneAndItsDispatchRecordsWhoPhonedTheDealer() throws Exception {
		MockHttpSession session = signIn(specialist);
		MvcResult created = mvc.perform(post("/complaints/online/new").session(session).with(csrf())
				.param("token", UUID.randomUUID().toString()).param("platform", "汽车之家论坛")
				.param("url", "https://club.example.com/post/1").param("postedAt", "2026-11-02T08:30")
				.param("handle", "车友小王").param("content", "新车异响，服务站态度差").param("negative", "true")
				.param("category", "SERVICE_PROCESS")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).as(created.getResponse().getContentAsString()).matches("/complaints/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		String page = page(session, location);
		assertThat(page).contains("车友小王").contains("汽车之家论坛").contains("负面").contains("电话通知服务商");

		MvcResult dispatched = mvc.perform(post("/complaints/" + id + "/dispatch").session(session).with(csrf())
				.param("dealerCode", dealerA + " 甲服务商").param("category", "SERVICE_PROCESS")
				.param("dealerContact", "服务经理李先生")).andReturn();
		assertThat(dispatched.getResponse().getRedirectedUrl()).isEqualTo("/complaints/" + id);
		mvc.perform(post("/complaints/" + id + "/reply").session(session).with(csrf())
				.param("workOrderId", String.valueOf(specialistApi.get("/complaints/" + id).json().get("workOrders").get(0)
						.get("id").asLong()))
				.param("finalResult", "false").param("text", "服务商电话反馈：已约客户到店")).andReturn();
		assertThat(page(session, "/complaints/" + id)).contains("服务经理李先生").contains("测试AFTER_SALES")
				.contains("代服务商录入").contains("已约客户到店");
	}

	@Test
	void theOnlineFormSentTwiceRegistersOneComplaint() throws Exception {
		MockHttpSession session = signIn(specialist);
		String token = UUID.randomUUID().toString();
		String handle = "重复提交" + UUID.randomUUID().toString().substring(0, 6);
		String[] locations = new String[2];
		for (int i = 0; i < 2; i++) {
			MvcResult sent = mvc.perform(post("/complaints/online/new").session(session).with(csrf()).param("token", token)
					.param("platform", "易车论坛").param("handle", handle).param("content", "提交了两次")
					.param("category", "SERVICE_PROCESS")).andReturn();
			locations[i] = sent.getResponse().getRedirectedUrl();
			assertThat(locations[i]).as(sent.getResponse().getContentAsString()).matches("/complaints/\\d+");
		}
		assertThat(locations[1]).isEqualTo(locations[0]);
		assertThat(page(session, "/complaints?q=" + handle)).containsOnlyOnce("data-complaint-id=");
	}

	@Test
	void theCallbackQueueFlagsOverdueCallbacksAndCountsUnreachableAttempts() throws Exception {
		at(OffsetDateTime.now().minusDays(15).withHour(9).toString());
		long id = register(phone(), "回访超期");
		clock.advance(java.time.Duration.ofMinutes(10));
		long wo = dispatch(id, dealerA);
		clock.advance(java.time.Duration.ofMinutes(10));
		Api dealerApi = new Api(port).as(dealerUserA, "secret-123");
		assertThat(dealerApi.post("/complaints/" + id + "/work-orders/" + wo + "/replies", Map.of("final", true, "text",
				"已处理")).status()).isEqualTo(201);
		clock.advance(java.time.Duration.ofMinutes(10));
		assertThat(specialistApi.post("/complaints/" + id + "/closure-request", Map.of()).status()).isEqualTo(200);
		clock.reset();

		MockHttpSession session = signIn(agent);
		MvcResult cb = mvc.perform(post("/complaints/" + id + "/callback").session(session).with(csrf())
				.param("reached", "false").param("notes", "无人接听").param("back", "callbacks")).andReturn();
		assertThat(cb.getResponse().getRedirectedUrl()).isEqualTo("/callbacks");
		String queue = page(session, "/callbacks?page=0");
		int at = queue.indexOf("data-complaint-id=\"" + id + "\"");
		assertThat(at).isPositive();
		String card = queue.substring(queue.lastIndexOf("<div", at), Math.min(queue.length(), at + 3000));
		assertThat(card).contains("overdue-item").contains("已联系不上 1 次").contains("已超期");
		String home = page(session, "/");
		assertThat(home).contains("超期回访");
	}
}
