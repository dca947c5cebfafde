package com.kcm.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.kcm.audit.Audit;
import com.kcm.audit.AuditQuery;
import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;
import com.kcm.support.TestImages;

/**
 * Screenshots of the post behind an online complaint (SPEC §4.4): attached by after-sales through the API, on the
 * registration form and on the complaint page; metadata stripped; shown only to those who may see the complaint.
 */
@KcmTest
class OnlineScreenshotTests {

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	@Autowired
	Audit audit;

	String dealer;
	String specialist;
	String foreignUsername;
	Api afterSales;
	Api dealerUser;
	Api foreignUser;
	Api agent;

	static String code(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	@BeforeEach
	void setUp() {
		String region = code("R");
		String otherRegion = code("Q");
		dealer = code("S");
		String foreign = code("F");
		network.createRegion(new RegionCommand(region, "截图大区"));
		network.createRegion(new RegionCommand(otherRegion, "另一大区"));
		network.createDealer(new DealerCommand(dealer, "甲服务商", "4S", region, "ACTIVE", "2020-01-01", 4, null, null));
		network.createDealer(new DealerCommand(foreign, "丙服务商", "3S", otherRegion, "ACTIVE", "2020-01-01", 3, null, null));
		specialist = Api.createUser(port, "ss", "AFTER_SALES", null);
		afterSales = new Api(port).as(specialist, "secret-123");
		dealerUser = new Api(port).as(Api.createUser(port, "sd", "DEALER", dealer), "secret-123");
		foreignUsername = Api.createUser(port, "sf", "DEALER", foreign);
		foreignUser = new Api(port).as(foreignUsername, "secret-123");
		agent = new Api(port).as(Api.createUser(port, "sa", "CS_AGENT", null), "secret-123");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** An online complaint registered by after-sales and notified by phone to the dealer. */
	long onlineComplaint() {
		Map<String, Object> online = new LinkedHashMap<>();
		online.put("platform", "汽车之家论坛");
		online.put("url", "https://club.example.com/post/" + UUID.randomUUID());
		online.put("negative", true);
		online.put("handle", "车友小李");
		online.put("postedAt", "2026-11-02T08:30:00+08:00");
		online.put("content", "新车漏水，4S店推诿");
		Api.Answer created = afterSales.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "ONLINE",
				"description", "新车漏水，4S店推诿", "customer", Map.of("name", "车友小李"), "online", online));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Api.Answer d = afterSales.post("/complaints/" + id + "/dispatch", Map.of("dealerCode", dealer, "category",
				"SERVICE_PROCESS", "dealerContact", "服务经理王先生"));
		assertThat(d.status()).as(d.body()).isEqualTo(200);
		return id;
	}

	MockHttpSession signIn(String username) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password("secret-123")).andReturn()
				.getRequest().getSession(false);
	}

	String page(MockHttpSession session, String path) throws Exception {
		MvcResult r = mvc.perform(get(path).session(session)).andReturn();
		assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
		return r.getResponse().getContentAsString();
	}

	static List<String> screenshotIds(String page) {
		Matcher m = Pattern.compile("data-screenshot-id=\"(\\d+)\"").matcher(page);
		List<String> ids = new java.util.ArrayList<>();
		while (m.find()) {
			ids.add(m.group(1));
		}
		return ids;
	}

	@Test
	void aScreenshotIsStoredWithoutItsLocationAndServedToThoseWhoSeeTheComplaint() throws Exception {
		long id = onlineComplaint();
		byte[] original = TestImages.withExifGps(TestImages.image(Color.ORANGE, "jpeg", 320, 200));
		assertThat(TestImages.contains(original, "KCM-GPS-MARKER")).isTrue();

		Api.Answer up = afterSales.upload("/complaints/" + id + "/screenshots", "帖子截图.jpg", original);
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		long sid = up.json().get("id").asLong();
		assertThat(up.json().get("width").asInt()).isEqualTo(320);
		assertThat(up.json().get("height").asInt()).isEqualTo(200);
		assertThat(up.json().get("uploadedBy").asString()).isEqualTo(specialist);

		Api.Bytes back = afterSales.getBytes("/complaints/" + id + "/screenshots/" + sid);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.contentType()).isEqualTo("image/jpeg");
		assertThat(TestImages.size(back.body())).isEqualTo("320×200");
		assertThat(TestImages.contains(back.body(), "KCM-GPS-MARKER")).isFalse();
		assertThat(TestImages.contains(back.body(), "Exif")).isFalse();
		// the dealer the complaint was notified to sees it; a dealer of another region gets 404, audited
		assertThat(dealerUser.getBytes("/complaints/" + id + "/screenshots/" + sid).status()).isEqualTo(200);
		assertThat(foreignUser.getBytes("/complaints/" + id + "/screenshots/" + sid).status()).isEqualTo(404);
		assertThat(foreignUser.get("/complaints/" + id + "/screenshots").status()).isEqualTo(404);
		assertThat(audit.search(new AuditQuery(foreignUsername, Audit.NOT_VISIBLE, "complaint_screenshot",
				String.valueOf(sid), null, null), PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
		// a screenshot asked for under another complaint is not found either
		long other = onlineComplaint();
		assertThat(afterSales.getBytes("/complaints/" + other + "/screenshots/" + sid).status()).isEqualTo(404);
		assertThat(new Api(port).getBytes("/complaints/" + id + "/screenshots/" + sid).status()).isEqualTo(401);

		Api.Answer list = dealerUser.get("/complaints/" + id + "/screenshots");
		assertThat(list.json().size()).isEqualTo(1);
		assertThat(list.json().get(0).get("originalName").asString()).isEqualTo("帖子截图.jpg");
		assertThat(audit.search(new AuditQuery(specialist, Audit.CREATE, "complaint_screenshot", String.valueOf(sid),
				null, null), PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);

		// the timeline says who attached which screenshot when
		String detail = page(signIn(specialist), "/complaints/" + id);
		assertThat(detail).contains("data-event=\"SCREENSHOT_ADDED\"").contains("#" + sid + " 帖子截图.jpg (320×200)");
		assertThat(screenshotIds(detail)).containsExactly(String.valueOf(sid));
		assertThat(afterSales.get("/complaints/" + id).json().get("status").asString()).isEqualTo("DISPATCHED");
	}

	@Test
	void aDisguisedFileIsRefusedNamingTheFieldAndOnlyAfterSalesAttachesToOnlineComplaints() {
		long id = onlineComplaint();
		Api.Answer fake = afterSales.upload("/complaints/" + id + "/screenshots", "screenshot.png", TestImages.program());
		assertThat(fake.status()).as(fake.body()).isEqualTo(422);
		assertThat(fake.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
		assertThat(fake.body()).contains("JPEG 或 PNG");
		byte[] pdf = com.kcm.shared.pdf.PdfDocument.bytes("截图", b -> b.paragraph("不是图片"));
		assertThat(afterSales.upload("/complaints/" + id + "/screenshots", "post.pdf", pdf).status()).isEqualTo(422);
		assertThat(afterSales.get("/complaints/" + id + "/screenshots").json().size()).isZero();
		// the dealer reports by phone; it does not attach the post
		assertThat(dealerUser.upload("/complaints/" + id + "/screenshots", "a.png",
				TestImages.image(Color.BLUE, "png", 40, 30)).status()).isEqualTo(403);
		// a hotline complaint has no post
		Api.Answer hotline = agent.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
				"description", "热线抱怨", "customer", Map.of("name", "赵先生", "phone", "1360000" + (1000 + id % 9000))));
		long hid = hotline.json().get("id").asLong();
		Api.Answer refused = afterSales.upload("/complaints/" + hid + "/screenshots", "a.png",
				TestImages.image(Color.BLUE, "png", 40, 30));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("只有网络抱怨");
	}

	@Test
	void screenshotsChosenOnTheRegistrationFormAreAttachedAndShownAsThumbnails() throws Exception {
		MockHttpSession session = signIn(specialist);
		String token = UUID.randomUUID().toString();
		MockMultipartFile first = new MockMultipartFile("screenshots", "post-1.png", "image/png",
				TestImages.image(Color.RED, "png", 120, 90));
		MockMultipartFile second = new MockMultipartFile("screenshots", "post-2.jpg", "image/jpeg",
				TestImages.image(Color.GREEN, "jpeg", 60, 40));
		MvcResult created = mvc.perform(multipart("/complaints/online/new").file(first).file(second).session(session)
				.with(csrf()).param("token", token).param("platform", "微博").param("url", "https://weibo.example.com/1")
				.param("postedAt", "2026-11-02T08:30").param("handle", "博主阿强").param("content", "刹车异响投诉无门")
				.param("negative", "true")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).as(created.getResponse().getContentAsString()).matches("/complaints/\\d+");
		String detail = page(session, location);
		List<String> ids = screenshotIds(detail);
		assertThat(ids).hasSize(2);
		assertThat(detail).contains("帖子截图（2）").contains("post-1.png (120×90)").contains("post-2.jpg (60×40)");
		MvcResult img = mvc.perform(get(location + "/screenshots/" + ids.get(0)).session(session)).andReturn();
		assertThat(img.getResponse().getStatus()).isEqualTo(200);
		assertThat(img.getResponse().getContentType()).isEqualTo("image/png");
		assertThat(TestImages.size(img.getResponse().getContentAsByteArray())).isEqualTo("120×90");
		// sending the same form again (same token) registers nothing new and attaches nothing more
		MvcResult again = mvc.perform(multipart("/complaints/online/new").file(first).session(session).with(csrf())
				.param("token", token).param("platform", "微博").param("url", "https://weibo.example.com/1")
				.param("postedAt", "2026-11-02T08:30").param("handle", "博主阿强").param("content", "刹车异响投诉无门")
				.param("negative", "true")).andReturn();
		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(location);
		assertThat(screenshotIds(page(session, location))).hasSize(2);

		// more from the complaint page, several at once
		MvcResult more = mvc.perform(multipart(location + "/screenshots").file(new MockMultipartFile("screenshots",
				"later.png", "image/png", TestImages.image(Color.BLACK, "png", 30, 30))).session(session).with(csrf()))
				.andReturn();
		assertThat(more.getResponse().getRedirectedUrl()).isEqualTo(location);
		assertThat(screenshotIds(page(session, location))).hasSize(3);
	}

	@Test
	void aDisguisedScreenshotOnTheFormRegistersNothingAndSaysWhichField() throws Exception {
		MockHttpSession session = signIn(specialist);
		String handle = "网友" + UUID.randomUUID().toString().substring(0, 6);
		String token = UUID.randomUUID().toString();
		MockMultipartFile ok = new MockMultipartFile("screenshots", "ok.png", "image/png",
				TestImages.image(Color.RED, "png", 20, 20));
		MvcResult refused = mvc.perform(multipart("/complaints/online/new").file(ok)
				.file(new MockMultipartFile("screenshots", "photo.jpg", "image/jpeg", TestImages.program()))
				.session(session).with(csrf()).param("token", token).param("platform", "贴吧")
				.param("postedAt", "2026-11-02T08:30").param("handle", handle).param("content", "发动机故障灯常亮"))
				.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isNull();
		String form = refused.getResponse().getContentAsString();
		assertThat(form).contains("id=\"screenshots\"").contains("is-invalid").contains("JPEG 或 PNG")
				.contains("帖子截图：").contains("请重新选择截图");
		// nothing was registered: the same form sent again with the good file only registers the complaint now,
		// with that one screenshot (a registration kept from the first try would be found by its token, with none)
		MvcResult created = mvc.perform(multipart("/complaints/online/new").file(ok).session(session).with(csrf())
				.param("token", token).param("platform", "贴吧").param("postedAt", "2026-11-02T08:30")
				.param("handle", handle).param("content", "发动机故障灯常亮")).andReturn();
		String location = created.getResponse().getRedirectedUrl();
		assertThat(location).matches("/complaints/\\d+");
		assertThat(screenshotIds(page(session, location))).hasSize(1);
	}
}
