package com.kcm.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Browser;
import com.kcm.support.Eventually;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;
import com.kcm.support.RecordingSmsGateway;

/**
 * The consent and care flows in the browser (SPEC §7.5): a customer service agent records the customer's CARE
 * consent on the 360° page and finds it in the history; the after-sales manager rewrites the birthday message,
 * previews it and saves it; on the birthday the 09:00 job sends it (on the care page and to the phone); after the
 * agent records the withdrawal, the next year's birthday sends nothing. Writes the README screenshots.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentAndCareBrowserTests {

	/** 09:00 in Beijing on the customer's birthday, far from the other tests' days. */
	private static final Instant BIRTHDAY_0900 = Instant.parse("2034-08-17T01:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	DealerNetwork network;

	@Autowired
	RecordingSmsGateway sms;

	@Autowired
	CareJob job;

	@Autowired
	JdbcClient jdbc;

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

	@Test
	void anAgentRecordsCareConsentAndTheBirthdayMessageFollowsItUntilWithdrawn() {
		clock.set(BIRTHDAY_0900.minus(Duration.ofDays(3)));
		ConsentFixtures f = new ConsentFixtures(port);
		String dealer = ConsentFixtures.dealer(network);
		String mobile = ConsentFixtures.mobile();
		long customer = f.customer("林晓雯", mobile, "1988-08-17", null);
		f.vehicle(customer, dealer, "2033-02-10", "浙A8F817");
		String agent = f.user(List.of("CS_AGENT"), null);
		String manager = f.user(List.of("AFTER_SALES"), null);
		String original = jdbc.sql("select body from care_template where occasion = 'BIRTHDAY'").query(String.class).single();
		try {
			// the agent, on the phone with the customer: CARE consent on the 360° page
			signIn(agent);
			browser.get(base + "/customers/" + customer + "/360");
			assertThat(carePurpose().getAttribute("data-in-force")).isEqualTo("false");
			WebElement form = Browser.visible(browser, By.id("c360-consent-form"));
			new Select(form.findElement(By.name("purpose"))).selectByValue("CARE");
			new Select(form.findElement(By.name("state"))).selectByValue("GIVEN");
			new Select(form.findElement(By.name("channel"))).selectByValue("PHONE");
			submit(form.findElement(By.cssSelector("button[type=submit]")));
			Browser.waitFor(browser).until(d -> "true".equals(carePurpose().getAttribute("data-in-force")));
			assertThat(carePurpose().getText()).contains("已同意").contains("电话");

			browser.findElement(By.cssSelector("#c360-consents a[href$='/consents']")).click();
			WebElement history = Browser.visible(browser, By.id("consent-history"));
			assertThat(history.findElements(By.cssSelector("tbody tr"))).hasSize(1);
			assertThat(history.getText()).contains("关怀").contains("同意").contains("电话").contains("同意测试");
			assertThat(browser.findElement(By.cssSelector("#consent-states tr[data-purpose='CARE']")).getText())
					.contains("已同意");
			Browser.screenshot(browser, "consents");

			// the after-sales manager rewrites the birthday message: preview, then save
			signIn(manager);
			browser.get(base + "/care");
			String text = "{name}您好，{dealer}祝您生日快乐！生日当月到店保养享工时八折。";
			WebElement body = Browser.visible(browser, By.id("body-BIRTHDAY"));
			body.clear();
			body.sendKeys(text);
			submit(browser.findElement(By.cssSelector("#template-BIRTHDAY button[value=preview]")));
			WebElement preview = Browser.visible(browser, By.cssSelector("#template-BIRTHDAY .care-preview"));
			assertThat(preview.getText()).contains("生日当月到店保养享工时八折").doesNotContain("{name}").doesNotContain("{dealer}");
			assertThat(browser.findElement(By.id("body-BIRTHDAY")).getAttribute("value")).isEqualTo(text);
			submit(browser.findElement(By.cssSelector("#template-BIRTHDAY button[value=save]")));
			Browser.waitFor(browser).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".care-preview")));
			assertThat(browser.findElement(By.id("body-BIRTHDAY")).getAttribute("value")).isEqualTo(text);
			Browser.screenshot(browser, "care-templates");

			// the birthday at 09:00: the job sends it, once, with the customer's name and the dealer's
			clock.set(BIRTHDAY_0900);
			job.run();
			List<RecordingSmsGateway.Sms> got = Eventually.await(() -> sms.to(mobile), l -> !l.isEmpty(),
					Duration.ofSeconds(20));
			assertThat(got).hasSize(1);
			assertThat(got.get(0).text()).contains("林晓雯您好").contains("关怀测试服务商").contains("工时八折");
			Eventually.await(() -> jdbc.sql("select status from care_send where customer_id = ?").param(customer)
					.query(String.class).single(), "SENT"::equals);
			browser.get(base + "/care");
			WebElement send = Browser.visible(browser, By.cssSelector("#care-sends tbody tr"));
			assertThat(send.getText()).contains("林晓雯").contains("工时八折").contains("已发送");
			assertThat(send.getAttribute("data-status")).isEqualTo("SENT");
			((JavascriptExecutor) browser).executeScript(
					"document.getElementById('care-sends').scrollIntoView({block: 'center', behavior: 'instant'});");
			Browser.screenshot(browser, "care-sends");

			// the customer asks for no more care messages: the agent records the withdrawal
			signIn(agent);
			browser.get(base + "/customers/" + customer + "/consents");
			WebElement consentForm = Browser.visible(browser, By.id("consent-form"));
			new Select(consentForm.findElement(By.id("purpose"))).selectByValue("CARE");
			new Select(consentForm.findElement(By.id("state"))).selectByValue("WITHDRAWN");
			new Select(consentForm.findElement(By.id("channel"))).selectByValue("PHONE");
			consentForm.findElement(By.id("note")).sendKeys("客户来电要求不再发送关怀短信");
			submit(consentForm.findElement(By.cssSelector("button[type=submit]")));
			Browser.waitFor(browser).until(d -> d.findElements(By.cssSelector("#consent-history tbody tr")).size() == 2);
			assertThat(browser.findElement(By.cssSelector("#consent-states tr[data-purpose='CARE']")).getText())
					.contains("未同意");
			assertThat(browser.findElement(By.id("consent-history")).getText()).contains("撤回").contains("客户来电要求不再发送关怀短信");

			// a year later: no birthday message without CARE consent in force
			clock.set(BIRTHDAY_0900.plus(Duration.ofDays(365)));
			job.run();
			assertThat(jdbc.sql("select count(*) from care_send where customer_id = ?").param(customer).query(Long.class)
					.single()).isEqualTo(1);
			assertThat(sms.to(mobile)).hasSize(1);
		} finally {
			jdbc.sql("update care_template set body = ?, active = true where occasion = 'BIRTHDAY'").param(original).update();
		}
	}

	private WebElement carePurpose() {
		return Browser.visible(browser, By.cssSelector("#c360-consent-lines li[data-purpose='CARE']"));
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, username, "secret-123");
	}

	/** Clicks a submit button in view and waits for the page it posted to. */
	private void submit(WebElement button) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				button);
		button.click();
		Browser.waitFor(browser).until(ExpectedConditions.stalenessOf(button));
	}
}
