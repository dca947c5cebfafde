package com.kcm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerNetwork;
import com.kcm.support.Api;
import com.kcm.support.Browser;
import com.kcm.support.KcmTest;

/**
 * An after-sales manager, in a real browser, opens the assessment dashboard for June 2026 and one region:
 * the three ECharts charts draw their data. Then the monthly bulletin, filtered by the region: the ranked
 * rows, and the Excel and PDF links download. Leaves screenshots in docs/screenshots.
 */
@KcmTest
class BulletinAndDashboardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork network;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.start();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	private String base() {
		return "http://localhost:" + port;
	}

	@Test
	void aManagerSeesTheChartsAndDownloadsTheBulletinOfARegion() throws Exception {
		BulletinFixtures june = new BulletinFixtures();
		june.build(port, network);
		String manager = Api.createUser(port, "bw", "AFTER_SALES_MANAGER", null);
		Browser.signIn(browser, base(), manager, "secret-123");

		browser.findElement(By.cssSelector("#side-menu a[href='/assessment/dashboard']")).click();
		Browser.setValue(browser, Browser.visible(browser, By.id("d-month")), "2026-06");
		new Select(browser.findElement(By.id("d-region"))).selectByValue(june.region1);
		browser.findElement(By.id("dashboard-filter-submit")).click();
		Browser.waitFor(browser).until(d -> d.getCurrentUrl().contains("region=" + june.region1));
		for (String chart : List.of("chart-trend", "chart-categories", "chart-headroom")) {
			Browser.waitFor(browser).until(d -> d.findElement(By.id(chart)).getAttribute("data-points") != null);
			WebElement el = browser.findElement(By.id(chart));
			assertThat(Integer.parseInt(el.getAttribute("data-points"))).as(chart + " has data").isPositive();
			assertThat(el.findElements(By.tagName("canvas"))).as(chart + " drawn by ECharts").isNotEmpty();
		}
		JavascriptExecutor js = (JavascriptExecutor) browser;
		Object pie = js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-categories'))"
				+ ".getOption().series[0].data.map(function (x) { return x.name + '=' + x.value; }).join(',');");
		assertThat(pie).isEqualTo("服务过程=8,其他=1");
		Object bars = js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-headroom'))"
				+ ".getOption().yAxis[0].data.length;");
		assertThat(((Number) bars).intValue()).isEqualTo(8);
		assertThat(browser.findElement(By.id("dashboard-scope")).getText()).isEqualTo(june.regionName1);
		Browser.screenshot(browser, "assessment-dashboard");

		browser.findElement(By.cssSelector("#side-menu a[href='/assessment/bulletin']")).click();
		Browser.setValue(browser, Browser.visible(browser, By.id("f-month")), "2026-06");
		new Select(browser.findElement(By.id("f-region"))).selectByValue(june.region1);
		browser.findElement(By.id("bulletin-filter-submit")).click();
		Browser.waitFor(browser).until(d -> d.getCurrentUrl().contains("region=" + june.region1));
		assertThat(browser.findElement(By.id("bulletin-title")).getText())
				.isEqualTo("2026年6月服务商抱怨处理月度通报（" + june.regionName1 + "）");
		List<WebElement> rows = browser.findElements(By.cssSelector("#bulletin tr.bulletin-row"));
		assertThat(rows).hasSize(8);
		assertThat(rows.get(0).getAttribute("data-dealer")).isEqualTo(june.code('B'));
		assertThat(rows.get(3).getAttribute("data-dealer")).isEqualTo(june.code('A'));
		assertThat(rows.get(3).findElement(By.cssSelector(".rank")).getText()).isEqualTo("4");
		assertThat(rows.get(7).findElement(By.cssSelector(".monthly-closure")).getText()).isEqualTo("—");
		Browser.screenshot(browser, "assessment-bulletin");

		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		HttpResponse<byte[]> xlsx = fetch(browser.findElement(By.id("export-xlsx")).getAttribute("href"), session);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(BulletinApi.XLSX);
		assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("bulletin-2026-06.xlsx");
		HttpResponse<byte[]> pdf = fetch(browser.findElement(By.id("export-pdf")).getAttribute("href"), session);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	private static HttpResponse<byte[]> fetch(String url, String session) throws Exception {
		return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
				.header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}
}
