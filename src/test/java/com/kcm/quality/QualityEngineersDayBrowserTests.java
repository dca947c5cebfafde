package com.kcm.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.Browser;
import com.kcm.support.KcmTest;

/**
 * The after-sales quality engineer's day in a real browser (headless Chromium): imports a DMS export of repair
 * orders, finds the vehicle on the flagged list, opens it, reads the analysis page, opens a corrective action on
 * the complaint and carries it to done; a colleague verifies it. Saves the screenshots the README shows.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityEngineersDayBrowserTests {

	@LocalServerPort
	int port;

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

	/** Clicks what submits a form or follows a link and waits until the next page has replaced this one. */
	private void submit(By what) {
		WebElement e = Browser.visible(browser, what);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
		e.click();
		Browser.waitFor(browser).until(ExpectedConditions.stalenessOf(e));
	}

	private String user(Api admin, String displayName) {
		String username = "qe" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("username", username);
		body.put("password", "secret-123");
		body.put("displayName", displayName);
		body.put("roles", List.of("AFTER_SALES"));
		assertThat(admin.post("/users", body).status()).isEqualTo(201);
		return username;
	}

	@Test
	void theEngineerImportsRepairOrdersFindsTheFlaggedVehicleAndCarriesACorrectiveActionToVerification()
			throws Exception {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		String region = RepairOrderApiTests.code("R");
		assertThat(admin.post("/regions", Map.of("code", region, "name", "质量大区")).status()).isEqualTo(201);
		String dealer = RepairOrderApiTests.code("Q");
		assertThat(admin.post("/dealers", Map.of("code", dealer, "name", "质量服务商", "type", "4S", "regionCode", region,
				"status", "ACTIVE", "acceptedOn", "2020-01-01")).status()).isEqualTo(201);
		String model = "M" + UUID.randomUUID().toString().substring(0, 6);
		String vin = RepairOrderApiTests.vin();
		String phone = "139" + (10_000_000 + (int) (Math.random() * 89_999_999));
		Api.Answer customer = admin.post("/customers", Map.of("name", "质量客户", "phone", phone, "kind", "INDIVIDUAL"));
		assertThat(customer.status()).as(customer.body()).isEqualTo(201);
		assertThat(admin.post("/vehicles", Map.of("vin", vin, "purchaseDate", "2026-01-10", "model", model,
				"sellingDealerCode", dealer, "ownerId", customer.json().get("id").asLong())).status()).isEqualTo(201);
		Api.Answer complaint = admin.post("/complaints", Map.of("kind", "COMPLAINT", "channel", "HOTLINE_400",
				"category", "PRODUCT_QUALITY", "description", "新车发动机抖动，刚买三周", "customer",
				Map.of("name", "质量客户", "phone", phone), "vehicle", Map.of("vin", vin)));
		assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
		long complaintId = complaint.json().get("id").asLong();
		assertThat(admin.post("/complaints/" + complaintId + "/dispatch", Map.of("dealerCode", dealer, "category",
				"PRODUCT_QUALITY", "suggestion", "尽快检查发动机")).status()).isEqualTo(200);
		String engineer = user(admin, "质量工程师");
		String colleague = user(admin, "质量主管");

		Path csv = Files.createTempFile("repair-orders", ".csv");
		Files.writeString(csv, "VIN,服务商代码,维修工单号,开单时间,完工时间,行驶里程,故障系统,故障代码,故障描述,质量问题,"
				+ "严重安全性能故障,更换件,不计入小时,早期严重故障\n" + vin + "," + dealer + "," + RepairOrderApiTests.code("RO")
				+ ",2026-02-01 09:00,2026-02-01 15:00,800,ENGINE,P0301,发动机缺火,是,否,ENGINE:E-INJ-9,,\n",
				StandardCharsets.UTF_8);

		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, engineer, "secret-123");
		browser.get(base + "/quality/repair-orders/import");
		browser.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(csv.toAbsolutePath().toString());
		submit(By.cssSelector("#import-form button[type=submit]"));
		assertThat(Browser.visible(browser, By.id("import-result")).getText()).contains("1");

		browser.get(base + "/quality/sanbao");
		Browser.setValue(browser, browser.findElement(By.id("f-model")), model);
		submit(By.id("filter-submit"));
		Browser.visible(browser, By.cssSelector("[data-vin='" + vin + "'][data-flag='EARLY_UNIT_FAULT']"));
		Browser.screenshot(browser, "quality-sanbao");
		submit(By.cssSelector("[data-vin='" + vin + "'] a"));
		assertThat(Browser.visible(browser, By.tagName("main")).getText()).contains(vin, "P0301");

		browser.get(base + "/complaints/" + complaintId);
		assertThat(Browser.visible(browser, By.cssSelector(".sanbao-after-sales")).getText()).contains("三包");

		browser.get(base + "/quality/analysis");
		for (String chart : List.of("chart-trend", "chart-cause", "chart-part")) {
			Browser.waitFor(browser).until(d -> d.findElement(By.id(chart)).getAttribute("data-points") != null);
		}
		assertThat(Integer.parseInt(browser.findElement(By.id("chart-trend")).getAttribute("data-points")))
				.as("this month's dispatched complaint is on the trend").isPositive();
		assertThat(browser.findElements(By.cssSelector("#chart-trend canvas"))).isNotEmpty();
		Browser.screenshot(browser, "quality-analysis");

		browser.get(base + "/quality/capas");
		Browser.setValue(browser, browser.findElement(By.id("c-title")), "喷油器早期失效");
		Browser.setValue(browser, browser.findElement(By.id("c-owner")), engineer);
		Browser.setValue(browser, browser.findElement(By.id("c-due")),
				LocalDate.now(TimeConfig.BUSINESS_ZONE).plusDays(30).toString());
		Browser.setValue(browser, browser.findElement(By.id("c-problem")), "同一批次喷油器在交车两个月内失效");
		Browser.setValue(browser, browser.findElement(By.id("c-complaints")), String.valueOf(complaintId));
		submit(By.cssSelector("#new-capa button[type=submit]"));
		Browser.visible(browser, By.id("capa-analysis"));
		String capaUrl = browser.getCurrentUrl();
		Browser.setValue(browser, browser.findElement(By.id("a-root")), "供应商来料批次缺陷");
		Browser.setValue(browser, browser.findElement(By.id("a-corr")), "更换同批次喷油器");
		Browser.setValue(browser, browser.findElement(By.id("a-prev")), "来料检验增加流量测试");
		submit(By.cssSelector("#capa-analysis button[type=submit]"));
		submit(By.cssSelector("#capa-steps form[action$='/start'] button"));
		submit(By.cssSelector("#capa-steps form[action$='/done'] button"));
		assertThat(Browser.visible(browser, By.id("capa-status")).getText()).contains("已完成");
		Browser.setValue(browser, browser.findElement(By.cssSelector("#capa-steps form[action$='/verify'] input[name=text]")),
				"我自己验证");
		submit(By.cssSelector("#capa-steps form[action$='/verify'] button"));
		assertThat(Browser.visible(browser, By.id("flash")).getText()).contains("负责人不能验证自己的措施");
		assertThat(browser.findElement(By.id("capa-status")).getText()).contains("已完成待验证");

		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, colleague, "secret-123");
		browser.get(capaUrl);
		Browser.setValue(browser, browser.findElement(By.cssSelector("#capa-steps form[action$='/verify'] input[name=text]")),
				"抽查 20 台车辆无复发");
		submit(By.cssSelector("#capa-steps form[action$='/verify'] button"));
		assertThat(Browser.visible(browser, By.id("capa-status")).getText()).contains("已验证");
		assertThat(browser.findElement(By.id("capa-history")).getText()).contains("抽查 20 台车辆无复发");
	}
}
