package com.kcm.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests, using the browser and driver installed on the machine
 * ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; override with the system properties
 * {@code kcm.chromium} and {@code kcm.chromedriver}), so Selenium never downloads anything. Each browser gets
 * a fresh profile directory, removed when the JVM ends. Always {@code quit()} the driver.
 */
public final class Browser {

	private static final String CHROMIUM = System.getProperty("kcm.chromium", "/usr/bin/chromium");
	private static final String CHROMEDRIVER = System.getProperty("kcm.chromedriver", "/usr/bin/chromedriver");
	private static final Duration WAIT = Duration.ofSeconds(20);

	private Browser() {
	}

	/** Starts a headless browser with a 1400×1800 window. */
	public static WebDriver start() {
		Path profile;
		try {
			profile = Files.createTempDirectory("kcm-chromium-");
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(profile)));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
				"--window-size=1400,1800", "--lang=zh-CN", "--user-data-dir=" + profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return driver;
	}

	/** Signs in through the login form and waits until the browser has left the login page. */
	public static void signIn(WebDriver driver, String baseUrl, String username, String password) {
		driver.get(baseUrl + "/login");
		driver.findElement(By.name("username")).sendKeys(username);
		driver.findElement(By.name("password")).sendKeys(password);
		driver.findElement(By.id("login-submit")).click();
		waitFor(driver).until(d -> !d.getCurrentUrl().contains("/login"));
	}

	/** A wait with the default timeout, e.g. {@code waitFor(driver).until(ExpectedConditions...)}. */
	public static WebDriverWait waitFor(WebDriver driver) {
		WebDriverWait wait = new PatientWait(driver);
		// A form post replaces the page while a condition is being checked: look again instead of failing.
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	/**
	 * A wait that also looks again when Chromium reports an element of the page being replaced as
	 * "unknown error: … Node with given id does not belong to the document" — the same race as a stale
	 * element, reported under another name.
	 */
	private static final class PatientWait extends WebDriverWait {

		PatientWait(WebDriver driver) {
			super(driver, WAIT);
		}

		@Override
		public <V> V until(Function<? super WebDriver, ? extends V> isTrue) {
			return super.<V>until(d -> {
				try {
					return isTrue.apply(d);
				} catch (StaleElementReferenceException e) {
					throw e;
				} catch (WebDriverException e) {
					if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
						throw new StaleElementReferenceException("element left the page", e);
					}
					throw e;
				}
			});
		}
	}

	/** Waits for an element to be visible and returns it. */
	public static WebElement visible(WebDriver driver, By by) {
		return waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(by));
	}

	/**
	 * Sets the value of an input directly (date inputs take typed keys in the browser's locale format,
	 * which differs between machines).
	 */
	public static void setValue(WebDriver driver, WebElement input, String value) {
		((JavascriptExecutor) driver).executeScript(
				"arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
				input, value);
	}

	/** Saves a PNG of the window as {@code docs/screenshots/<name>.png} and returns its path. */
	public static Path screenshot(WebDriver driver, String name) {
		try {
			Path dir = Path.of("docs", "screenshots");
			Files.createDirectories(dir);
			Path target = dir.resolve(name.endsWith(".png") ? name : name + ".png");
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		} catch (IOException | UncheckedIOException e) {
			// a leftover temporary directory is harmless
		}
	}
}
