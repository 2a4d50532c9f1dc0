package dev.trackable.it;

import java.time.LocalDate;
import java.time.LocalDateTime;

import dev.trackable.TrackableRegistry;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's page and JSON endpoints in a servlet application, with the admin switched on by Spring Boot's
 * {@code debug}, as a developer would.
 */
@SpringBootTest(classes = TestApplication.class,
		properties = { "spring.main.web-application-type=servlet", "debug=true",
				"trackable.disable-collection-task=true", "spring.jpa.hibernate.ddl-auto=create-drop" })
@AutoConfigureMockMvc
class TrackableAdminTests {

	private static final String ADMIN = "/trackable/admin";

	private static final LocalDateTime MARCH_1 = LocalDate.of(2026, 3, 1).atStartOfDay();

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TrackableRegistry registry;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private PlatformTransactionManager transactionManager;

	private TestRows rows;

	@DynamicPropertySource
	static void services(DynamicPropertyRegistry registry) {
		TrackableContractTests.services(registry,
				new TestServices.Database("jdbc:h2:mem:admin;DB_CLOSE_DELAY=-1", "sa", "", "in memory"), "h2-admin");
	}

	@BeforeEach
	void rows() {
		this.rows = new TestRows(this.entityManager, this.transactionManager);
		this.rows.deleteAll(this.registry);
	}

	@Test
	void thePageIsServedAtThePathWithItsScriptsAndAPolicyThatAllowsOnlyThem() throws Exception {
		this.mvc.perform(local(ADMIN + "?dataset=ArticleDailyData"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl(ADMIN + "/?dataset=ArticleDailyData"));
		this.mvc.perform(local(ADMIN + "/"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/html"))
			.andExpect(content().string(containsString("<script src=\"chart.umd.min.js\" defer></script>")))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		this.mvc.perform(local(ADMIN + "/admin.js"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("innerHTML"))));
		this.mvc.perform(local(ADMIN + "/chart.umd.min.js"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/javascript"))
			.andExpect(content().string(containsString("Chart.js v4")));
	}

	@Test
	void listsTheRegisteredDatasetsWithTheirTableColumns() throws Exception {
		this.mvc.perform(local(ADMIN + "/api/datasets"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.name == 'ArticleTotals')].columns[*]",
					contains("parent", "impressions", "downloads")))
			.andExpect(jsonPath("$[?(@.name == 'ArticleDailyData')].columns[*]",
					contains("parent", "collectedDuring", "impressions", "clickThroughs")))
			.andExpect(jsonPath("$[?(@.name == 'VideoHourlyData')].period", contains("HOUR")))
			.andExpect(jsonPath("$[*].name", hasItems("ArticleDailyData", "ArticleTotals", "VideoHourlyData")));
	}

	@Test
	void rowsComeSortedAndPagedWithTheParentsNamesAsTheyAre() throws Exception {
		this.rows.article(1, "<img src=x onerror=alert(1)>");
		for (int day = 0; day < 3; day++) {
			this.rows.daily("1", MARCH_1.plusDays(day), 10 + day, day);
			this.rows.daily("2", MARCH_1.plusDays(day), 20 + day, 0);
		}

		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleDailyData/rows?sort=impressions&direction=desc&size=2"
				+ "&page=1"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("application/json"))
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(jsonPath("$.pages").value(3))
			.andExpect(jsonPath("$.rows[*].cells.impressions", contains(20, 12)))
			.andExpect(jsonPath("$.rows[*].parentName", contains("Article #2", "<img src=x onerror=alert(1)>")))
			.andExpect(jsonPath("$.rows[1].cells.parent").value("<img src=x onerror=alert(1)>"))
			.andExpect(jsonPath("$.rows[1].cells.collectedDuring").value("2026-03-03T00:00"));
		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleDailyData/rows?parent=1&from=2026-03-02"))
			.andExpect(jsonPath("$.total").value(2));
	}

	@Test
	void aParentHasASeriesPerCounterWithEveryPeriodAndItsTotals() throws Exception {
		this.rows.article(1, "First");
		this.rows.daily("1", MARCH_1, 5, 1);
		this.rows.daily("1", MARCH_1.plusDays(2), 7, 0);

		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleDailyData/parent?id=1&from=2026-03-01&until=2026-03-04"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parentName").value("First"))
			.andExpect(jsonPath("$.points", contains("2026-03-01T00:00", "2026-03-02T00:00", "2026-03-03T00:00")))
			.andExpect(jsonPath("$.series[0].field").value("impressions"))
			.andExpect(jsonPath("$.series[0].values", contains(5, 0, 7)))
			.andExpect(jsonPath("$.series[1].values", contains(1, 0, 0)))
			.andExpect(jsonPath("$.totals.impressions").value(12));
		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleDailyData/parent?id=1"))
			.andExpect(jsonPath("$.points.length()").value(30));
	}

	@Test
	void topListsTheParentsWithTheHighestSums() throws Exception {
		this.rows.totals("1", 5, 1L);
		this.rows.totals("2", 50, null);
		this.rows.totals("3", 20, 9L);

		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleTotals/top?field=impressions&limit=2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.parents[*].parentId", contains("2", "3")))
			.andExpect(jsonPath("$.parents[*].total", contains(50, 20)));
	}

	@Test
	void unknownNamesAndMalformedParametersAreRefused() throws Exception {
		this.mvc.perform(local(ADMIN + "/api/datasets/Article/rows")).andExpect(status().isNotFound());
		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleTotals/top?field=title"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.error", containsString("impressions")));
		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleDailyData/rows?sort=title"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleDailyData/rows?from=yesterday"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleDailyData/rows?size=100000"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(local(ADMIN + "/api/datasets/ArticleTotals/rows?from=2026-03-01"))
			.andExpect(status().isBadRequest());
	}

	@Test
	void remoteClientsAreRefusedEverything() throws Exception {
		for (String path : new String[] { ADMIN, ADMIN + "/", ADMIN + "/api/datasets", ADMIN + "/chart.umd.min.js" }) {
			this.mvc.perform(get(path).with((request) -> {
				request.setRemoteAddr("203.0.113.7");
				return request;
			})).andExpect(status().isForbidden());
			this.mvc.perform(local(path).header("X-Forwarded-For", "203.0.113.7")).andExpect(status().isForbidden());
		}
	}

	private static MockHttpServletRequestBuilder local(String path) {
		return get(path).with((request) -> {
			request.setRemoteAddr("127.0.0.1");
			return request;
		});
	}

}
