package com.kcm.major;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerNetwork;
import com.kcm.shared.TimeConfig;
import com.kcm.support.Api;
import com.kcm.support.Browser;
import com.kcm.support.KcmTest;
import com.kcm.support.MutableClock;
import com.kcm.support.PdfText;

/**
 * A major complaint from flag to closed in a real browser, each role at its own screen: after-sales flags it,
 * the dealer (on a phone) records the phone report, fills the dossier, uploads the eight photos, generates,
 * downloads and submits the report; the region follows up and confirms the result; the manager approves the
 * special claim; the complaint then closes through the normal complaint flow.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MajorComplaintStoryBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	@Autowired
	MutableClock clock;

	WebDriver browser;
	String base;
	Path photos;

	@BeforeAll
	void startBrowser() throws IOException {
		browser = Browser.start();
		browser.manage().window().setSize(new Dimension(1366, 900));
		base = "http://localhost:" + port;
		photos = Files.createTempDirectory("kcm-major-photos");
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

	void click(By by) {
		WebElement e = Browser.visible(browser, by);
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", e);
		e.click();
	}

	String text(By by) {
		return Browser.visible(browser, by).getText();
	}

	String majorStatus() {
		return text(By.id("major-status"));
	}

	byte[] download(String href) throws Exception {
		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
				.header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		return r.body();
	}

	@Test
	void aMajorComplaintGoesFromFlagToClosedAcrossTheRoles() throws Exception {
		MajorFixtures f = new MajorFixtures(port, network, clock);
		String specialist = Api.createUser(port, "bs", "AFTER_SALES", null);
		String managerName = Api.createUser(port, "bm", "AFTER_SALES_MANAGER", null);
		long complaint = f.dispatchedComplaint(f.dealer);

		// 1. after-sales flags it with the trigger checklist
		as(specialist);
		browser.get(base + "/complaints/" + complaint);
		click(By.id("flag-major"));
		Browser.waitFor(browser).until(d -> d.getCurrentUrl().contains("/major-complaints/new?complaintId=" + complaint));
		click(By.id("trigger-FIRE"));
		click(By.id("trigger-EXPOSURE_THREAT"));
		Browser.visible(browser, By.id("note")).sendKeys("车辆自燃，客户扬言曝光");
		click(By.id("flag-submit"));
		Browser.waitFor(browser).until(d -> d.getCurrentUrl().matches(".*/major-complaints/\\d+$"));
		String url = browser.getCurrentUrl();
		long major = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		assertThat(majorStatus()).isEqualTo("处理中");
		assertThat(text(By.id("completeness"))).isEqualTo("资料完整度 0/22");
		browser.get(base + "/major-complaints");
		assertThat(text(By.id("major-row-" + major))).contains("张伟", "车辆自燃", "扬言曝光", "未报告");

		// 2.-4. the dealer on a phone: phone report, dossier, photos, report
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			as(f.dealerUsername);
			browser.get(base + "/");
			assertThat(text(By.tagName("main"))).contains("处理中的重大抱怨");
			browser.get(base + "/major-complaints/" + major);
			String now = LocalDateTime.ofInstant(clock.instant(), TimeConfig.BUSINESS_ZONE).minusMinutes(5)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
			Browser.setValue(browser, Browser.visible(browser, By.id("phone-at")), now);
			browser.findElement(By.id("phone-to")).sendKeys("大区经理 李强");
			click(By.id("phone-submit"));
			Browser.visible(browser, By.id("phone-reported"));
			assertThat(text(By.id("phone-reported"))).contains("大区经理 李强");

			for (Map.Entry<String, String> e : MajorFixtures.fullDossier().entrySet()) {
				WebElement area = browser.findElement(By.id("item-" + e.getKey()));
				Browser.setValue(browser, area, e.getValue());
			}
			click(By.id("dossier-save"));
			Browser.waitFor(browser).until(d -> text(By.id("completeness")).equals("资料完整度 14/22"));
			assertThat(text(By.id("line-CUSTOMER_CONTACT"))).contains("已提供", f.dealerUsername);
			Browser.screenshot(browser, "major-dossier-phone");

			List<String> slots = List.of("PHOTO_FRONT", "PHOTO_FRONT_LEFT", "PHOTO_FRONT_RIGHT", "PHOTO_REAR",
					"PHOTO_REAR_LEFT", "PHOTO_REAR_RIGHT", "PHOTO_DAMAGE", "PHOTO_SCENE");
			int n = 14;
			for (String slot : slots) {
				Path file = photos.resolve(slot + ".jpg");
				Files.write(file, MajorFixtures.jpeg(new Color(30 * (n - 13), 80, 120)));
				Browser.visible(browser, By.id("file-" + slot)).sendKeys(file.toAbsolutePath().toString());
				click(By.cssSelector("#upload-" + slot + " button"));
				n++;
				String expected = "资料完整度 " + n + "/22";
				Browser.waitFor(browser).until(d -> text(By.id("completeness")).equals(expected));
			}
			assertThat(browser.findElements(By.cssSelector("#photos-section img"))).hasSize(8);

			click(By.id("report-generate"));
			Browser.visible(browser, By.id("report-ready"));
			String href = browser.findElement(By.id("report-download")).getAttribute("href");
			String pdf = PdfText.of(download(href));
			assertThat(pdf).contains("关于张伟客户抱怨的报告", "车辆自燃", "京A12345", "高速行驶中仪表报警后冒烟起火",
					"消防认定：起火点位于发动机舱", "协商置换新车", "大区经理 李强").doesNotContain("缺失");
			click(By.id("report-submit"));
			Browser.waitFor(browser).until(d -> majorStatus().equals("报告已提交"));
			assertThat(browser.findElements(By.id("dossier-form"))).as("the dossier is frozen").isEmpty();
		} finally {
			browser.manage().window().setSize(new Dimension(1366, 900));
		}

		// 5. the region follows up and confirms the result
		as(f.regionalUsername);
		browser.get(base + "/major-complaints/" + major);
		Browser.visible(browser, By.id("fu-note")).sendKeys("与服务商一同上门走访客户");
		click(By.id("fu-submit"));
		Browser.waitFor(browser).until(d -> text(By.id("follow-ups")).contains("与服务商一同上门走访客户"));
		Browser.visible(browser, By.id("result-note")).sendKeys("客户接受置换方案，签署协议");
		click(By.id("result-submit"));
		Browser.waitFor(browser).until(d -> majorStatus().equals("结果已确认"));

		// 6. the dealer claims, the manager approves
		as(f.dealerUsername);
		browser.get(base + "/major-complaints/" + major);
		Browser.visible(browser, By.id("sc-amount")).sendKeys("35000");
		click(By.id("mat-VEHICLE_LICENCE"));
		click(By.id("mat-OWNER_ID"));
		click(By.id("mat-PURCHASE_INVOICE"));
		click(By.id("mat-AGREEMENT_AND_RECEIPTS"));
		click(By.id("sc-submit"));
		Browser.waitFor(browser).until(d -> text(By.id("claims")).contains("待审批"));
		as(managerName);
		browser.get(base + "/major-complaints/claims");
		String claimRow = "#claims-to-approve a[href$='/major-complaints/" + major + "']";
		Browser.visible(browser, By.cssSelector(claimRow));
		Browser.screenshot(browser, "major-claims");
		WebElement row = browser.findElement(By.cssSelector(claimRow)).findElement(By.xpath("./ancestor::tr"));
		String rowId = row.getAttribute("id");
		click(By.cssSelector("#" + rowId + " .approve"));
		// the approval is a form post answered by the approvals page again: wait for it before leaving, or the
		// next navigation can cut it short on a busy machine
		Browser.waitFor(browser).until(ExpectedConditions.stalenessOf(row));
		browser.get(base + "/major-complaints/" + major);
		assertThat(text(By.id("claims"))).contains("已批准", "35000.00");
		Browser.screenshot(browser, "major-detail");

		// 7. the complaint closes through the normal complaint flow
		long workOrder = f.afterSales.get("/complaints/" + complaint).json().get("workOrders").get(0).get("id")
				.asLong();
		assertThat(f.dealerUser.post("/complaints/" + complaint + "/work-orders/" + workOrder + "/replies",
				Map.of("final", true, "text", "已置换新车", "faultCause", "线束短路", "qualityDefect", true, "partsReplaced",
						List.of())).status()).isEqualTo(201);
		assertThat(f.afterSales.post("/complaints/" + complaint + "/closure-request", Map.of()).status()).isEqualTo(200);
		assertThat(f.agent.post("/complaints/" + complaint + "/callbacks",
				Map.of("reached", true, "resolved", true, "satisfied", true, "falseReply", false)).json().get("status")
				.asString()).isEqualTo("CLOSED");
		as(specialist);
		browser.get(base + "/major-complaints/" + major);
		assertThat(text(By.id("complaint-status"))).isEqualTo("已关闭");
		browser.get(base + "/complaints/" + complaint);
		click(By.id("major-link"));
		Browser.waitFor(browser).until(d -> d.getCurrentUrl().endsWith("/major-complaints/" + major));
	}
}
