package com.kcm.voice.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.support.Api;
import com.kcm.support.Browser;
import com.kcm.support.Eventually;
import com.kcm.support.KcmTest;
import com.kcm.support.RecordingSmsGateway;

/**
 * A customer answers the survey of a closed complaint on a phone through the link of the SMS the test gateway
 * recorded; the answer then shows in the dealer's month of the survey results. Writes the README screenshots.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	RecordingSmsGateway sms;

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

	@Test
	void aCustomerAnswersOnAPhoneAndTheResultShowsInTheDealersMonth() {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String region = "RB" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
		assertThat(admin.post("/regions", Map.of("code", region, "name", "华东大区")).status()).isEqualTo(201);
		String dealer = "DB" + UUID.randomUUID().toString().substring(0, 5).toUpperCase();
		assertThat(admin.post("/dealers", Map.of("code", dealer, "name", "上海浦东汽车服务有限公司", "type", "4S",
				"regionCode", region, "status", "ACTIVE", "acceptedOn", "2020-01-01")).status()).isEqualTo(201);
		String phone = SurveyTests.mobile();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", "COMPLAINT");
		body.put("channel", "HOTLINE_400");
		body.put("description", "保养后发动机舱异响");
		body.put("customer", Map.of("name", "周女士", "phone", phone));
		long id = admin.post("/complaints", body).json().get("id").asLong();
		long customer = jdbc.sql("select customer_id from complaint where id = :id").param("id", id).query(Long.class).single();
		assertThat(admin.post("/customers/" + customer + "/consents",
				Map.of("purpose", "SURVEY", "state", "GIVEN", "channel", "PHONE")).status()).isIn(200, 201);
		admin.post("/complaints/" + id + "/dispatch", Map.of("dealerCode", dealer, "category", "SERVICE_PROCESS",
				"suggestion", "尽快联系客户"));
		long wo = admin.get("/complaints/" + id).json().get("workOrders").get(0).get("id").asLong();
		admin.post("/complaints/" + id + "/work-orders/" + wo + "/confirm", Map.of());
		admin.post("/complaints/" + id + "/work-orders/" + wo + "/replies", Map.of("final", true, "text", "已处理，客户认可"));
		admin.post("/complaints/" + id + "/closure-request", Map.of());
		assertThat(admin.post("/complaints/" + id + "/callbacks", Map.of("reached", true, "resolved", true,
				"satisfied", true, "falseReply", false)).json().get("status").asString()).isEqualTo("CLOSED");

		List<RecordingSmsGateway.Sms> got = Eventually.await(() -> sms.to(phone), l -> !l.isEmpty(), Duration.ofSeconds(30));
		Matcher m = SurveyTests.LINK.matcher(got.get(0).text());
		assertThat(m.find()).isTrue();
		String link = base + "/s/" + m.group(1);

		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(link);
		assertThat(Browser.visible(browser, By.id("survey-dealer")).getText()).isEqualTo("上海浦东汽车服务有限公司");
		assertThat(browser.findElement(By.id("survey-case")).getText()).isEqualTo(String.valueOf(id));
		List<WebElement> cards = browser.findElements(By.cssSelector("#survey-form .card"));
		for (WebElement card : cards) {
			String kind = card.getAttribute("data-kind");
			if ("SCORE_1_5".equals(kind)) {
				card.findElements(By.cssSelector("label.btn")).get(3).click(); // 4
			} else if ("NPS_0_10".equals(kind)) {
				card.findElements(By.cssSelector("label.btn")).get(9).click(); // 9
			} else if ("TEXT".equals(kind)) {
				card.findElement(By.tagName("textarea")).sendKeys("师傅很专业，下次还来");
			}
		}
		Browser.screenshot(browser, "survey-answer-phone");
		WebElement submit = browser.findElement(By.id("survey-submit"));
		((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
		submit.click();
		assertThat(Browser.visible(browser, By.id("survey-thanks")).getText()).contains("感谢");
		browser.get(link);
		assertThat(Browser.visible(browser, By.id("survey-used")).getText()).contains("已经提交过");

		browser.manage().window().setSize(new Dimension(1366, 900));
		Browser.signIn(browser, base, "admin", "admin-test-pass");
		String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
		browser.get(base + "/voice/surveys/results?month=" + month);
		WebElement row = Browser.visible(browser, By.cssSelector("#survey-results tr[data-dealer='" + dealer + "']"));
		assertThat(row.getText()).contains("100").contains("4.00");
		assertThat(row.findElement(By.cssSelector(".nps")).getText()).isEqualTo("100.0");
		assertThat(browser.findElement(By.id("survey-texts")).getText()).contains("师傅很专业");
		Browser.screenshot(browser, "survey-results");
	}
}
