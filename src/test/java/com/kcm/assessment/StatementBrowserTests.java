package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
import com.kcm.support.MutableClock;

/**
 * A statement's way through the roles in a real browser: the dealer (on a phone) reads its published statement
 * with the explanations and files an appeal, the manager rejects it and approves after the appeal period, finance
 * records the deduction. Saves the screenshots of docs/assessment.md.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	WebDriver browser;
	String base;

	@BeforeAll
	void startBrowser() {
		browser = Browser.start();
		base = "http://localhost:" + port;
	}

	@AfterAll
	void stopBrowser() {
		browser.quit();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	void as(String username) {
		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, username, "secret-123");
	}

	String body() {
		return browser.findElement(By.tagName("body")).getText();
	}

	/** Scrolls the element to the middle of the window first (a phone's sticky header covers the top). */
	void click(By by) {
		org.openqa.selenium.WebElement e = Browser.visible(browser, by);
		((org.openqa.selenium.JavascriptExecutor) browser)
				.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
		e.click();
	}

	void at(int month, int day, int hour) {
		clock.set(LocalDateTime.of(2026, month, day, hour, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
	}

	@Test
	void theDealerAppealsOnItsPhoneTheManagerAnswersAndApprovesAndFinanceSettles() {
		String region = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createRegion(new RegionCommand(region, "结算演示大区"));
		String dealer = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(dealer, "结算演示服务商", "3S", region, "ACTIVE", "2020-01-01", 4, null, null));
		String other = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		network.createDealer(new DealerCommand(other, "别家服务商", "3S", region, "ACTIVE", "2020-01-01", 4, null, null));
		Api specialist = new Api(port).as(Api.createUser(port, "sb", "AFTER_SALES", null), "secret-123");
		Api managerApi = new Api(port).as(Api.createUser(port, "sb", "AFTER_SALES_MANAGER", null), "secret-123");
		String dealerUser = Api.createUser(port, "sb", "DEALER", dealer);
		String manager = Api.createUser(port, "sb", "AFTER_SALES_MANAGER", null);
		String finance = Api.createUser(port, "sb", "FINANCE", null);
		long penalty = specialist.post("/penalties", Map.of("dealerCode", dealer, "month", "2026-08", "amount", 2000,
				"reason", "车主微博投诉后 3 天未联系客户")).json().get("id").asLong();
		managerApi.post("/penalties/" + penalty + "/approve", Map.of());

		at(11, 2, 10); // Monday: the appeal period ends Thursday 5 November 16:30
		assertThat(specialist.post("/assessments/2026-08/compute", Map.of()).status()).isEqualTo(200);
		long id = specialist.post("/statements/2026-08/drafts", Map.of("dealerCode", dealer)).json().get("ids").get(0)
				.asLong();
		long otherId = specialist.post("/statements/2026-08/drafts", Map.of("dealerCode", other)).json().get("ids")
				.get(0).asLong();
		specialist.post("/statements/" + otherId + "/publish", Map.of());

		// after-sales publishes on the page
		as(manager);
		browser.manage().window().setSize(new Dimension(1366, 900));
		browser.get(base + "/statements?month=2026-08&dealer=" + dealer);
		Browser.visible(browser, By.id("statement-" + id)).findElement(By.tagName("a")).click();
		click(By.id("publish"));
		Browser.waitFor(browser).until(d -> d.findElement(By.id("statement-status")).getText().equals("已发布"));
		assertThat(browser.findElement(By.id("appeal-due")).getText()).contains("2026-11-05 16:30");

		// the dealer, on a phone, sees only its own statement and appeals
		as(dealerUser);
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(base + "/statements?month=2026-08");
		assertThat(body()).contains(dealer).doesNotContain(other);
		browser.get(base + "/statements/" + otherId);
		assertThat(body()).doesNotContain("别家服务商");
		browser.get(base + "/statements/" + id);
		Browser.screenshot(browser, "statement-dealer-phone");
		assertThat(browser.findElement(By.id("statement-total")).getText()).isEqualTo("-500.00");
		assertThat(browser.findElement(By.id("statement-lines")).getText()).contains("抱怨处理费用支持（3S）")
				.contains("考核 #" + penalty + "：车主微博投诉后 3 天未联系客户");
		assertThat(browser.findElement(By.id("condition-LIMIT")).getText())
				.contains("当月计入限值的抱怨 0 件，未超过本季度限值 1 件，满足");
		assertThat(browser.findElement(By.id("condition-FIRST_TIME_CLOSURE")).getText())
				.contains("一次闭环率 —（无回访），视为满足");
		assertThat(browser.findElements(By.id("approve"))).isEmpty();
		Browser.visible(browser, By.id("appeal-reason")).sendKeys("该客户已于次日联系并处理，附通话记录");
		browser.findElement(By.id("appeal-evidence")).sendKeys("https://dealer.example.com/calls/20260812.mp3");
		click(By.id("file-appeal"));
		Browser.waitFor(browser).until(d -> d.findElements(By.cssSelector(".appeal")).size() == 1);
		assertThat(browser.findElement(By.cssSelector(".appeal .appeal-status")).getText()).isEqualTo("待答复");

		// the manager rejects the appeal, then approves once the appeal period is over
		as(manager);
		browser.manage().window().setSize(new Dimension(1366, 900));
		browser.get(base + "/statements/" + id);
		assertThat(browser.findElements(By.id("approve"))).as("an appeal is open").isEmpty();
		browser.findElement(By.cssSelector(".answer-form textarea")).sendKeys("通话记录显示首次联系在 3 天后，维持考核");
		click(By.cssSelector(".answer-form .reject"));
		Browser.waitFor(browser).until(d -> d.findElement(By.cssSelector(".appeal .appeal-status")).getText().equals("已驳回"));
		click(By.id("approve"));
		Browser.visible(browser, By.id("form-errors"));
		assertThat(browser.findElement(By.id("form-errors")).getText()).contains("申诉期未满");
		at(11, 6, 9);
		click(By.id("approve"));
		Browser.waitFor(browser).until(d -> d.findElement(By.id("statement-status")).getText().equals("已批准"));
		Browser.screenshot(browser, "statement-approved");

		// finance deducts the negative total from the deposit
		as(finance);
		browser.get(base + "/statements?month=2026-08&dealer=" + dealer);
		Browser.visible(browser, By.id("statement-" + id)).findElement(By.tagName("a")).click();
		new Select(Browser.visible(browser, By.id("method"))).selectByValue("DEPOSIT_DEDUCTION");
		browser.findElement(By.id("reference")).sendKeys("BZJ-2026-11-006");
		click(By.id("settle"));
		Browser.waitFor(browser).until(d -> d.findElement(By.id("statement-status")).getText().equals("已结算"));
		assertThat(browser.findElement(By.id("settlement")).getText()).contains("从保证金扣除").contains("BZJ-2026-11-006")
				.contains("2026-11-06");
	}
}
