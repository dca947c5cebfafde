package com.kcm.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.kcm.dealer.DealerNetwork;
import com.kcm.shared.TimeConfig;
import com.kcm.support.Browser;
import com.kcm.support.KcmTest;

/**
 * The account manager's day in a real browser (headless Chromium): signs in, sees the overdue visits on the
 * home page, opens an overdue account, records a visit, and the account leaves the overdue rows of "my
 * accounts". Saves the screenshots of "my accounts" and the customer 360° page the README shows.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountManagersDayBrowserTests {

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

	@Test
	void theAccountManagerRecordsAVisitAndTheAccountLeavesTheOverdueList() {
		CrmFixtures f = new CrmFixtures(port);
		String manager = f.user(List.of("ACCOUNT_MANAGER"), null, null);
		long managerId = f.userId(manager);
		String dealer = CrmFixtures.dealer(network);
		long overdue = f.customer("ORGANIZATION", true, managerId);
		f.vehicle(overdue, dealer);
		f.vehicle(overdue, dealer);
		long visited = f.customer("ORGANIZATION", true, managerId);
		f.as(manager).post("/customers/" + visited + "/visits",
				CrmFixtures.visit(LocalDate.now(TimeConfig.BUSINESS_ZONE).minusDays(3).toString(), null));
		f.admin.post("/customers/" + overdue + "/communications",
				Map.of("channel", "PHONE", "direction", "IN", "summary", "客户来电询问车队保养安排"));
		f.admin.put("/key-accounts/" + overdue, Map.of("organisationName", "演示物流有限公司", "industry", "物流",
				"fleetSize", 42, "address", "北京市朝阳区"));

		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, manager, "secret-123");
		browser.get(base + "/");
		assertThat(Browser.visible(browser, By.id("tiles")).getText()).contains("逾期未拜访");

		browser.get(base + "/key-accounts");
		By overdueRow = By.cssSelector("tr.overdue[data-customer-id='" + overdue + "']");
		assertThat(browser.findElements(overdueRow)).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("tr.overdue[data-customer-id='" + visited + "']"))).isEmpty();
		Browser.screenshot(browser, "crm-my-accounts");

		browser.findElement(By.cssSelector("tr[data-customer-id='" + overdue + "'] a")).click();
		Browser.visible(browser, By.id("visit-form"));
		browser.findElement(By.id("v-participants")).sendKeys("车队长、" + manager);
		browser.findElement(By.id("v-content")).sendKeys("现场回访，了解车队用车情况");
		browser.findElement(By.id("visit-submit")).click();
		assertThat(Browser.visible(browser, By.id("visits")).getText()).contains("现场回访");
		assertThat(browser.findElements(By.id("plan-overdue"))).isEmpty();

		browser.get(base + "/key-accounts");
		assertThat(browser.findElements(overdueRow)).isEmpty();
		assertThat(browser.findElements(By.cssSelector("tr[data-customer-id='" + overdue + "']"))).hasSize(1);

		browser.get(base + "/customers/" + overdue + "/360");
		assertThat(Browser.visible(browser, By.id("timeline")).getText()).contains("现场回访", "客户来电询问车队保养安排");
		Browser.screenshot(browser, "crm-customer-360");
	}
}
