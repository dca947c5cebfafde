package com.kcm.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.kcm.policy.Policies;
import com.kcm.support.Api;
import com.kcm.support.Browser;
import com.kcm.support.KcmTest;

/**
 * An administrator, in a real browser, marks a holiday on the calendar page and schedules a new policy
 * value; both show up. Leaves screenshots of both pages in docs/screenshots. Uses 2031 and 2090, which no
 * other test uses, and removes what it added.
 */
@KcmTest
class CalendarAndPolicyPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Policies policies;

	WebDriver browser;

	@BeforeEach
	void openBrowser() {
		browser = Browser.start();
	}

	@AfterEach
	void cleanUp() {
		if (browser != null) {
			browser.quit();
		}
		new Api(port).as("admin", "admin-test-pass").post("/calendar/days", List.of(Map.of("date", "2031-03-12", "kind", "WORKDAY")));
		jdbc.sql("delete from policy_value where effective_from >= date '2090-01-01'").update();
		policies.refresh();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	@Test
	void anAdministratorMarksAHolidayAndSchedulesANewCompanyName() {
		Browser.signIn(browser, base(), "admin", "admin-test-pass");

		browser.get(base() + "/admin/calendar?year=2031");
		assertThat(browser.findElements(By.cssSelector("#calendar-grid .card"))).hasSize(12);
		assertThat(browser.findElement(By.cssSelector("td[data-date='2031-03-12']")).getAttribute("class")).contains("cal-workday");
		Browser.setValue(browser, browser.findElement(By.id("day-date")), "2031-03-12");
		new Select(browser.findElement(By.id("day-kind"))).selectByValue("HOLIDAY");
		browser.findElement(By.id("day-name")).sendKeys("浏览器测试假日");
		browser.findElement(By.id("day-save")).click();

		Browser.visible(browser, By.id("flash"));
		assertThat(browser.findElement(By.cssSelector("td[data-date='2031-03-12']")).getAttribute("class")).contains("cal-holiday");
		assertThat(browser.findElement(By.id("calendar-entries")).getText()).contains("2031-03-12", "浏览器测试假日");

		browser.get(base() + "/admin/calendar?year=2026");
		assertThat(browser.findElement(By.cssSelector("td[data-date='2026-10-01']")).getAttribute("class")).contains("cal-holiday");
		assertThat(browser.findElement(By.cssSelector("td[data-date='2026-10-10']")).getAttribute("class")).contains("cal-makeup");
		Browser.screenshot(browser, "calendar");

		browser.get(base() + "/admin/policies/COMPANY_NAME");
		browser.findElement(By.id("value")).sendKeys("浏览器测试汽车公司");
		Browser.setValue(browser, browser.findElement(By.id("effectiveFrom")), "2090-06-01");
		browser.findElement(By.id("reason")).sendKeys("浏览器测试：公司更名");
		browser.findElement(By.id("policy-save")).click();

		Browser.visible(browser, By.id("flash"));
		String history = browser.findElement(By.id("policy-history")).getText();
		assertThat(history).contains("2090-06-01", "浏览器测试汽车公司", "浏览器测试：公司更名", "admin");
		Browser.screenshot(browser, "policy-history");

		browser.get(base() + "/admin/policies");
		assertThat(browser.findElement(By.id("policy-COMPANY_NAME")).getText()).contains("某汽车公司", "2090-06-01");
		Browser.screenshot(browser, "policies");
	}

	@Test
	void aMakeUpDayOnAWeekdayIsRefusedOnThePageWithTheReason() {
		Browser.signIn(browser, base(), "admin", "admin-test-pass");
		browser.get(base() + "/admin/calendar?year=2031");
		Browser.setValue(browser, browser.findElement(By.id("day-date")), "2031-03-12");
		new Select(browser.findElement(By.id("day-kind"))).selectByValue("MAKEUP_WORKDAY");
		browser.findElement(By.id("day-save")).click();

		assertThat(Browser.visible(browser, By.id("form-errors")).getText()).contains("2031-03-12", "调休上班日");
		assertThat(browser.findElement(By.cssSelector("td[data-date='2031-03-12']")).getAttribute("class")).contains("cal-workday");
	}
}
