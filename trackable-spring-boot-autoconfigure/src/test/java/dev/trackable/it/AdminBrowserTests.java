package dev.trackable.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.trackable.Period;
import dev.trackable.TrackableRegistry;
import dev.trackable.autoconfigure.TrackableProperties;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admin as a person sees it, in headless Chromium driven by chromedriver (Debian's {@code chromium} and
 * {@code chromium-driver}): the datasets, a dataset's rows in its {@code listDisplay} columns, and a parent's chart,
 * whose points must be the database's. Screenshots go to {@code target/screenshots}. Under {@code CI=true} a missing
 * browser fails the test; elsewhere it skips it.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.address=127.0.0.1",
				"trackable.admin.enabled=true", "trackable.disable-collection-task=true",
				"spring.jpa.hibernate.ddl-auto=create-drop" })
class AdminBrowserTests {

	private static final String HTML_TITLE = "<img src=x onerror=\"document.title='owned'\"><b>Bold</b> & co";

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static WebDriver browser;

	private static Path profile;

	@LocalServerPort
	private int port;

	@Autowired
	private TrackableRegistry registry;

	@Autowired
	private TrackableProperties properties;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TrackableContractTests.services(registry,
				new TestServices.Database("jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1", "sa", "", "in memory"),
				"h2-browser");
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		Optional<Path> chromium = onPath("chromium");
		Optional<Path> chromedriver = onPath("chromedriver");
		String missing = "headless Chromium needs Debian's chromium and chromium-driver packages "
				+ "(apt-get install chromium chromium-driver; .ci/run installs them)";
		if (TestServices.CI) {
			Assertions.assertTrue(chromium.isPresent() && chromedriver.isPresent(), missing);
		}
		Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(), missing);
		profile = Files.createTempDirectory("trackable-chromium");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.get().toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(chromedriver.get().toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			try (Stream<Path> files = Files.walk(profile)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@BeforeEach
	void articlesAndTheirDailyCounts() {
		TestRows rows = new TestRows(this.entityManager, this.transactionManager);
		rows.deleteAll(this.registry);
		rows.article(1, "Hello trackable");
		rows.article(2, HTML_TITLE);
		LocalDateTime today = Period.DAY.start(LocalDateTime.now(this.properties.getTimeZone()));
		long[] impressions = { 3, 8, 0, 12, 7, 15, 9 };
		for (int day = 0; day < impressions.length; day++) {
			if (impressions[day] > 0) {
				rows.daily("1", today.minusDays(impressions.length - 1 - day), impressions[day], day % 3);
			}
		}
		rows.daily("2", today, 4, 1);
		rows.totals("1", 54, 2L);
	}

	@Test
	void aPersonFindsTheDatasetsTheRowsAndAChartOfTheDatabasesCounts() throws IOException {
		open("/trackable/admin");
		assertThat(texts(By.cssSelector("#datasets tbody td:first-child")))
			.contains("ArticleDailyData", "ArticleTotals", "VideoHourlyData");

		click(By.linkText("ArticleDailyData"));
		assertThat(headers()).containsExactly("parent", "collectedDuring", "impressions", "clickThroughs");
		assertThat(texts(By.cssSelector("#rows tbody td:first-child"))).contains("Hello trackable", HTML_TITLE);
		screenshot("dataset-rows.png");

		click(By.linkText("Hello trackable"));
		browser.findElement(By.id("series-chart"));
		Map<String, Object> chart = script("const chart = Chart.getChart('series-chart');"
				+ "return { labels: chart.data.labels, series: chart.data.datasets.map((d) => d.label),"
				+ " impressions: chart.data.datasets[0].data, clickThroughs: chart.data.datasets[1].data };");
		assertThat(chart.get("series")).isEqualTo(List.of("impressions", "clickThroughs"));
		List<?> labels = (List<?>) chart.get("labels");
		assertThat(labels).hasSize(30);
		assertThat(numbers(chart.get("impressions"))).isEqualTo(expectedSeries(labels, "impressions"));
		assertThat(numbers(chart.get("clickThroughs"))).isEqualTo(expectedSeries(labels, "clickThroughs"));
		assertThat(paintedPixels()).as("pixels the chart painted").isGreaterThan(2000);
		assertThat(texts(By.cssSelector("#totals tbody td:last-child"))).containsExactly("54", "4");
		screenshot("parent-chart.png");
	}

	@Test
	void theTableOfADatasetRegisteredWithListDisplayHasItsColumns() {
		open("/trackable/admin/?dataset=ArticleTotals");

		assertThat(headers()).containsExactly("parent", "impressions", "downloads");
		assertThat(texts(By.cssSelector("#rows tbody tr:first-child td"))).containsExactly("Hello trackable", "54",
				"2");
	}

	@Test
	void theTopViewRanksParentsByTheirSum() {
		open("/trackable/admin/?dataset=ArticleDailyData");
		click(By.linkText("top parents"));

		assertThat(texts(By.cssSelector("#top tbody tr"))).containsExactly("1 Hello trackable 54", "2 " + HTML_TITLE + " 4");
	}

	@Test
	void aParentNameFullOfHtmlIsShownAsText() {
		open("/trackable/admin/?dataset=ArticleDailyData");
		assertThat(texts(By.cssSelector("#rows tbody td:first-child"))).contains(HTML_TITLE);

		open("/trackable/admin/?dataset=ArticleDailyData&parent=2");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(HTML_TITLE);
		assertThat(browser.findElements(By.cssSelector("main img, main b, #crumbs img, #crumbs b"))).isEmpty();
		assertThat(browser.getTitle()).isEqualTo(HTML_TITLE + " · trackable admin");
	}

	/** The database's values for the chart's days, zero where a day has no row. */
	private List<Long> expectedSeries(List<?> days, String field) {
		Map<LocalDate, Long> stored = new HashMap<>();
		this.entityManager
			.createQuery("select d.collectedDuring, d." + field + " from ArticleDailyData d where d.parentId = '1'",
					Object[].class)
			.getResultList()
			.forEach((row) -> stored.put(((LocalDateTime) row[0]).toLocalDate(), ((Number) row[1]).longValue()));
		List<Long> expected = new ArrayList<>();
		days.forEach((day) -> expected.add(stored.getOrDefault(LocalDate.parse((String) day), 0L)));
		return expected;
	}

	private void open(String path) {
		browser.get("http://127.0.0.1:" + this.port + path);
		awaitReady();
	}

	private void click(By link) {
		WebElement app = browser.findElement(By.id("app"));
		browser.findElement(link).click();
		await().atMost(Duration.ofSeconds(20)).until(() -> isStale(app));
		awaitReady();
	}

	private static void awaitReady() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> !browser.findElements(By.cssSelector("#app[data-ready]")).isEmpty());
		assertThat(browser.findElements(By.cssSelector("#app .error"))).as("errors shown").isEmpty();
	}

	private static boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
	}

	private static List<String> headers() {
		// Sorted columns carry an arrow after their name.
		return texts(By.cssSelector("#rows thead th")).stream().map((text) -> text.replaceAll(" [▲▼]$", "")).toList();
	}

	private static List<String> texts(By selector) {
		return browser.findElements(selector).stream().map(WebElement::getText).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> script(String script) {
		return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(script);
	}

	private static long paintedPixels() {
		Object count = ((JavascriptExecutor) browser).executeScript("const canvas = document.getElementById('series-chart');"
				+ "const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
				+ "let painted = 0; for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) painted++; }"
				+ "return painted;");
		return ((Number) count).longValue();
	}

	private static List<Long> numbers(Object values) {
		return ((List<?>) values).stream().map((value) -> ((Number) value).longValue()).toList();
	}

	private static void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name), png);
	}

	private static Optional<Path> onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.filter((directory) -> !directory.isEmpty())
			.map((directory) -> Path.of(directory, command))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
