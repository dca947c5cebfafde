package com.kcm.customer;

import static com.kcm.customer.CustomerFixtures.customer;
import static com.kcm.customer.CustomerFixtures.name;
import static com.kcm.customer.CustomerFixtures.phone;
import static com.kcm.customer.CustomerFixtures.plate;
import static com.kcm.customer.CustomerFixtures.vehicle;
import static com.kcm.customer.CustomerFixtures.vin;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
import com.kcm.support.Api;
import com.kcm.support.Browser;
import com.kcm.support.KcmTest;

/**
 * The foundation in a real browser (headless Chromium): signing in, the agent's customer lookup with
 * masked phone numbers, and a dealer user who cannot open another dealer's customer or dealer. Saves
 * the screenshots the README shows.
 */
@KcmTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FoundationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	DealerNetwork dealerNetwork;

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

	private long customerAt(String dealerCode, String name, String phone, String vin, String plate) {
		Api admin = new Api(port).as("admin", "admin-test-pass");
		long id = admin.post("/customers", customer(name, phone)).json().get("id").asLong();
		assertThat(admin.post("/vehicles", vehicle(id, vin, plate, dealerCode)).status()).isEqualTo(201);
		return id;
	}

	@Test
	void theLoginPageIsChineseAndAWrongPasswordIsToldPlainly() {
		browser.manage().deleteAllCookies();
		browser.get(base + "/login");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("关键客户管理系统", "用户名", "密码");
		Browser.screenshot(browser, "login");
		browser.findElement(By.name("username")).sendKeys("admin");
		browser.findElement(By.name("password")).sendKeys("wrong-password");
		browser.findElement(By.id("login-submit")).click();
		assertThat(Browser.visible(browser, By.id("login-error")).getText()).contains("用户名或密码错误");
	}

	@Test
	void anAgentFindsACustomerByPhoneAndSeesTheNumberMasked() {
		var network = CustomerFixtures.dealer(dealerNetwork);
		String phone = phone();
		String name = name();
		customerAt(network.dealer().code(), name, phone, vin(), plate());
		String agent = CustomerFixtures.newUser(port, List.of("CS_AGENT"), null, null, false);

		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, agent, "secret-123");
		Browser.screenshot(browser, "home");
		assertThat(browser.findElement(By.id("side-menu")).getText()).contains("客户").doesNotContain("用户与角色");
		browser.get(base + "/customers");
		browser.findElement(By.id("lookup-q")).sendKeys(phone);
		browser.findElement(By.id("lookup-submit")).click();
		String results = Browser.visible(browser, By.id("customer-results")).getText();
		assertThat(results).contains(name).contains(phone.substring(0, 3) + "****" + phone.substring(7))
				.doesNotContain(phone);
		Browser.screenshot(browser, "customer-lookup");
	}

	@Test
	void aDealerUserCannotOpenAnotherDealersCustomerOrDealer() {
		var mine = CustomerFixtures.dealer(dealerNetwork);
		var theirs = CustomerFixtures.dealer(dealerNetwork);
		long own = customerAt(mine.dealer().code(), name(), phone(), vin(), plate());
		long foreign = customerAt(theirs.dealer().code(), name(), phone(), vin(), plate());
		String dealerUser = CustomerFixtures.newUser(port, List.of("DEALER"), mine.dealer().code(), null, false);

		browser.manage().deleteAllCookies();
		browser.manage().window().setSize(new Dimension(390, 844));
		try {
			Browser.signIn(browser, base, dealerUser, "secret-123");
			Browser.screenshot(browser, "dealer-home-phone");
			browser.get(base + "/customers/" + own);
			assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("未找到");
			browser.get(base + "/customers/" + foreign);
			assertThat(browser.findElement(By.tagName("body")).getText()).contains("未找到");
			browser.get(base + "/dealers/" + theirs.dealer().code());
			assertThat(browser.findElement(By.tagName("body")).getText()).contains("未找到");
			browser.get(base + "/dealers/" + mine.dealer().code());
			assertThat(browser.findElement(By.tagName("body")).getText()).contains(mine.dealer().code());
		} finally {
			browser.manage().window().setSize(new Dimension(1366, 900));
		}
	}

	@Test
	void anAdministratorSeesTheDealerNetworkAndTheAuditTrail() {
		CustomerFixtures.dealer(dealerNetwork);
		browser.manage().deleteAllCookies();
		Browser.signIn(browser, base, "admin", "admin-test-pass");
		browser.get(base + "/dealers");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("测试服务商");
		Browser.screenshot(browser, "dealers");
		browser.get(base + "/audit?action=NOT_VISIBLE");
		Browser.visible(browser, By.id("audit-table"));
		Browser.screenshot(browser, "audit");
	}
}
