package com.kcm.complaint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerCommand;
import com.kcm.dealer.DealerNetwork;
import com.kcm.dealer.RegionCommand;
import com.kcm.support.Api;
import com.kcm.support.Browser;
import com.kcm.support.KcmTest;

/**
 * One complaint's whole story in a real browser, each role at its own screen: the agent registers it, after-sales
 * dispatches it, the dealer (on a phone) confirms and replies, after-sales requests closure, the agent's callback
 * returns it, the dealer replies again, and the next callback closes it. Saves the screenshots of docs/complaints.md.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintStoryBrowserTests {

	private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	WebDriver browser;
	String base;

	@BeforeAll
	void startBrowser() {
		browser = Browser.start();
		browser.manage().window().setSize(new Dimension(1366, 900));
		base = "http://localhost:" + port;
	}

	@AfterAll
	void stopBrowser() {
		browser.quit();
	}

	String user(String role, String dealerCode) {
		String username = "s" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "password", "secret-123",
				"displayName", "故事" + role, "roles", List.of(role)));
		if (dealerCode != null) {
			body.put("dealerCode", dealerCode);
		}
		assertThat(new Api(port).as("admin", "admin-test-pass").post("/users", body).status()).isEqualTo(201);
		return username;
	}

	void as(String username) {
		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, username, "secret-123");
	}

	String body() {
		return browser.findElement(By.tagName("body")).getText();
	}

	String status() {
		return Browser.visible(browser, By.id("complaint-status")).getText();
	}

	@Test
	void aComplaintGoesRoundTheLoopAcrossTheRolesUntilTheCallbackClosesIt() {
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createRegion(new RegionCommand(region, "故事大区"));
		String dealer = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(dealer, "故事服务商", "4S", region, "ACTIVE", "2020-01-01", 4, null, null));
		String agent = user("CS_AGENT", null);
		String specialist = user("AFTER_SALES", null);
		String dealerUser = user("DEALER", dealer);
		ThreadLocalRandom r = ThreadLocalRandom.current();
		String phone = "136" + String.format("%08d", r.nextInt(100_000_000));
		StringBuilder vin = new StringBuilder("LFV");
		while (vin.length() < 17) {
			vin.append(VIN_CHARS.charAt(r.nextInt(VIN_CHARS.length())));
		}
		String plate = "沪A" + String.format("%05d", r.nextInt(100_000));

		// 1. the agent registers the call
		as(agent);
		browser.get(base + "/complaints/new");
		Browser.visible(browser, By.id("customerPhone")).sendKeys(phone);
		Browser.waitFor(browser).until(d -> d.findElement(By.id("lookup-results")).getText().contains("未找到已有客户"));
		browser.findElement(By.id("customerName")).sendKeys("陈女士");
		browser.findElement(By.id("vin")).sendKeys(vin);
		browser.findElement(By.id("plate")).sendKeys(plate);
		browser.findElement(By.id("description")).sendKeys("空调不制冷，4S 店两次维修未解决");
		Browser.screenshot(browser, "complaint-intake");
		browser.findElement(By.id("register")).click();
		Browser.waitFor(browser).until(d -> d.getCurrentUrl().matches(".*/complaints/\\d+$"));
		String url = browser.getCurrentUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		assertThat(status()).isEqualTo("已登记");
		assertThat(body()).contains("陈女士").contains(phone.substring(0, 3) + "****" + phone.substring(7))
				.doesNotContain(phone).contains(plate);

		// 2. after-sales finds it on the board and dispatches it
		as(specialist);
		browser.get(base + "/complaints/board");
		assertThat(Browser.visible(browser, By.id("count-TO_DISPATCH")).getText()).matches("[1-9][0-9]*\\+?");
		Browser.screenshot(browser, "board");
		// the board shows the longest-waiting first; other tests' complaints may come before this one
		browser.get(base + "/complaints/list?status=REGISTERED&q=" + id);
		Browser.visible(browser, By.cssSelector("#complaint-list [data-complaint-id='" + id + "'] a")).click();
		Browser.waitFor(browser).until(d -> d.getCurrentUrl().endsWith("/complaints/" + id));
		browser.findElement(By.id("dispatch-dealer")).sendKeys(dealer);
		new Select(browser.findElement(By.id("dispatch-category"))).selectByValue("SERVICE_PROCESS");
		browser.findElement(By.id("dispatch-suggestion")).sendKeys("请当天联系客户，检查空调系统");
		click(By.id("dispatch-submit"));
		Browser.waitFor(browser).until(d -> status().equals("已派工"));
		assertThat(body()).contains("故事服务商").contains("服务过程");

		// 3. the dealer, on a phone, confirms and replies
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			as(dealerUser);
			browser.get(base + "/inbox");
			assertThat(Browser.visible(browser, By.id("inbox-rows")).getText()).contains("#" + id).contains("陈女士")
					.contains("还剩");
			Browser.screenshot(browser, "inbox");
			browser.findElement(By.cssSelector("[data-complaint-id='" + id + "']")).click();
			click(By.id("confirm-submit"));
			Browser.waitFor(browser).until(d -> status().equals("处理中"));
			reply("已联系客户，更换空调压缩机继电器后制冷正常");
			assertThat(body()).contains("更换空调压缩机继电器");
		} finally {
			browser.manage().window().setSize(new Dimension(1366, 900));
		}

		// 4. after-sales requests closure
		as(specialist);
		browser.get(base + "/complaints/" + id);
		click(By.id("request-closure"));
		Browser.waitFor(browser).until(d -> status().equals("申请关闭"));

		// 5. the agent's callback finds it not solved: back to the dealer
		as(agent);
		browser.get(base + "/callbacks");
		Browser.visible(browser, By.id("callback-queue"));
		Browser.screenshot(browser, "callbacks");
		assertThat(inCallbackQueue(id)).as("waiting for its callback").isTrue();
		browser.get(base + "/complaints/" + id);
		callback(id, false, false, "客户反映仍偶尔不制冷");
		Browser.waitFor(browser).until(d -> status().equals("处理中"));

		// 6. the dealer replies again
		as(dealerUser);
		browser.get(base + "/complaints/" + id);
		reply("再次检修，更换膨胀阀，试车一小时制冷稳定");

		// 7. after-sales requests closure again; 8. the callback closes it
		as(specialist);
		browser.get(base + "/complaints/" + id);
		click(By.id("request-closure"));
		Browser.waitFor(browser).until(d -> status().equals("申请关闭"));
		as(agent);
		browser.get(base + "/complaints/" + id);
		callback(id, true, true, "客户确认已解决，满意");
		Browser.waitFor(browser).until(d -> status().equals("已关闭"));
		String timeline = browser.findElement(By.id("timeline")).getText();
		assertThat(timeline).contains("登记", "派工", "服务商确认", "回复", "申请关闭", "回访", "申请关闭 → 处理中",
				"申请关闭 → 已关闭");
		assertThat(browser.findElements(By.id("actions"))).as("nothing left to do on a closed complaint").isEmpty();
		Browser.screenshot(browser, "complaint");

		// the dealer sees it closed and no longer in its inbox
		as(dealerUser);
		browser.get(base + "/inbox");
		assertThat(Browser.visible(browser, By.id("inbox-rows")).getText()).doesNotContain("#" + id + " ");
		browser.get(base + "/complaints/" + id);
		assertThat(status()).isEqualTo("已关闭");
	}

	/** Scrolls the element to the middle of the window at once (Bootstrap makes scrolling smooth, i.e. late). */
	private void click(By by) {
		WebElement e = Browser.visible(browser, by);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
		e.click();
	}

	/** The queue is ordered by callback due; other tests' complaints may fill the first pages. */
	private boolean inCallbackQueue(long id) {
		for (int page = 0; page < 20; page++) {
			browser.get(base + "/callbacks?page=" + page);
			if (!browser.findElements(By.cssSelector("#callback-queue [data-complaint-id='" + id + "']")).isEmpty()) {
				return true;
			}
			if (browser.findElements(By.cssSelector("#callback-queue [data-complaint-id]")).isEmpty()) {
				return false;
			}
		}
		return false;
	}

	private void reply(String text) {
		click(By.id("reply-final-yes"));
		browser.findElement(By.id("reply-text")).sendKeys(text);
		browser.findElement(By.id("reply-ro")).sendKeys("RO-" + System.nanoTime() % 100000);
		click(By.id("reply-submit"));
		Browser.waitFor(browser).until(d -> d.findElement(By.id("work-orders")).getText().contains(text));
	}

	private void callback(long id, boolean resolved, boolean satisfied, String notes) {
		click(By.id("reached-yes-" + id));
		new Select(browser.findElement(By.id("resolved-" + id))).selectByValue(String.valueOf(resolved));
		new Select(browser.findElement(By.id("satisfied-" + id))).selectByValue(String.valueOf(satisfied));
		new Select(browser.findElement(By.id("falseReply-" + id))).selectByValue("false");
		browser.findElement(By.id("notes-" + id)).sendKeys(notes);
		click(By.id("callback-submit-" + id));
	}
}
