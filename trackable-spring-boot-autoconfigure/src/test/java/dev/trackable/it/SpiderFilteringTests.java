package dev.trackable.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import dev.trackable.Trackable;
import dev.trackable.collect.Collector;
import dev.trackable.filter.UserAgentFilter;
import dev.trackable.send.BatchingPublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code trackable.user-agent-filtering} on, the increments of bots' requests never leave the application and
 * people's reach the database through RabbitMQ; the spider table of each database changes the list.
 */
class SpiderFilteringTests {

	private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

	private final TestApplications applications = new TestApplications();

	private String table = "";

	private TestServices.Database database;

	@AfterEach
	void close() throws SQLException {
		this.applications.close();
		if (this.database != null) {
			execute(this.database, "drop table " + this.table);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb" })
	void onlyPeoplesIncrementsAreFoldedAndTheSpiderTableChangesTheList(String name) throws SQLException {
		Optional<TestServices.Database> found = "postgresql".equals(name) ? TestServices.postgresql()
				: TestServices.mariadb();
		Assumptions.assumeTrue(found.isPresent(), "no " + name + " available outside CI");
		this.database = found.get();
		this.table = "spiders_" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
		execute(this.database,
				"create table " + this.table
						+ " (pattern varchar(512) primary key, removed boolean not null default false)",
				"insert into " + this.table + " (pattern) values ('firefox/133')",
				"insert into " + this.table + " (pattern, removed) values ('arachmo', true)");
		ConfigurableApplicationContext context = this.applications.start("spring.datasource.url=" + this.database.url(),
				"spring.datasource.username=" + this.database.username(),
				"spring.datasource.password=" + this.database.password(), "trackable.user-agent-filtering=true",
				"trackable.spiders.table=" + this.table, "trackable.disable-collection-task=true");
		long article = 5_000_000 + ThreadLocalRandom.current().nextInt(1_000_000);

		Trackable.increment(request("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
				new Article(article), "impressions");
		Trackable.increment(request(null), new Article(article), "impressions");
		Trackable.increment(request(FIREFOX), new Article(article), "impressions");
		Trackable.increment(request("Mozilla/4.0 (compatible; Arachmo)"), new Article(article), "impressions", 2);
		Trackable.increment(request("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
				+ "Chrome/131.0.0.0 Safari/537.36"), new Article(article), "impressions", 4);
		context.getBean(BatchingPublisher.class).publishPending();
		context.getBean(Collector.class).collect(Long.MAX_VALUE);

		// Googlebot, no user agent and Firefox 133 (a bot, says the table) are left out; Arachmo is not (the table
		// removed its pattern), nor Chrome.
		assertThat(TestApplications.sum(context, "ArticleTotals", "impressions", Long.toString(article))).isEqualTo(6);
		assertThat(context.getBean(UserAgentFilter.class).filteredCount()).isEqualTo(3);
	}

	private static MockHttpServletRequest request(String userAgent) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (userAgent != null) {
			request.addHeader("User-Agent", userAgent);
		}
		return request;
	}

	private static void execute(TestServices.Database database, String... statements) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
