package dev.trackable.autoconfigure;

import java.util.List;

import dev.trackable.Tracker;
import dev.trackable.autoconfigure.entities.Article;
import dev.trackable.filter.SpiderPatterns;
import dev.trackable.filter.UserAgentFilter;
import dev.trackable.send.BatchingPublisher;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class TrackableUserAgentFilterAutoConfigurationTests {

	private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	/** A bot that one bundled pattern only catches. */
	private static final String ARACHMO = "Mozilla/4.0 (compatible; Arachmo)";

	private static final String ONLY_PATTERN_OF_ARACHMO = "arachmo";

	private final ApplicationContextRunner runner = TrackableContextRunners.withJpa()
		.withConfiguration(AutoConfigurations.of(TrackableUserAgentFilterAutoConfiguration.class))
		.withPropertyValues("trackable.publish-interval=1h");

	@Test
	void offByDefault() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(UserAgentFilter.class);
			Tracker tracker = context.getBean(Tracker.class);
			tracker.increment(request("Googlebot/2.1"), new Article(1), "impressions");
			assertThat(context.getBean(BatchingPublisher.class).pendingCounters()).isEqualTo(1);
		});
	}

	@Test
	void whenOnTheTrackerLeavesOutBotsAndRequestsWithoutAUserAgent() {
		this.runner.withPropertyValues("trackable.user-agent-filtering=true").run((context) -> {
			Tracker tracker = context.getBean(Tracker.class);
			BatchingPublisher publisher = context.getBean(BatchingPublisher.class);
			tracker.increment(request("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"),
					new Article(1), "impressions");
			tracker.increment(request(null), new Article(2), "impressions");
			assertThat(publisher.pendingCounters()).isZero();
			tracker.increment(request(CHROME), new Article(3), "impressions");
			assertThat(publisher.pendingCounters()).isEqualTo(1);
			assertThat(context.getBean(UserAgentFilter.class).filteredCount()).isEqualTo(2);
		});
	}

	@Test
	void arachmoIsCaughtByOnePatternOnly() {
		SpiderPatterns bundled = SpiderPatterns.bundled();
		assertThat(bundled.matcher().isBot(ARACHMO)).isTrue();
		assertThat(bundled.without(List.of(ONLY_PATTERN_OF_ARACHMO)).matcher().isBot(ARACHMO)).isFalse();
	}

	@Test
	void propertiesAddAndRemovePatternsAndDecideAboutMissingUserAgents() {
		this.runner
			.withPropertyValues("trackable.user-agent-filtering=true",
					"trackable.spiders.additional-patterns=internal-checker/\\d",
					"trackable.spiders.removed-patterns=" + ONLY_PATTERN_OF_ARACHMO,
					"trackable.spiders.missing-user-agent-is-bot=false")
			.run((context) -> {
				UserAgentFilter filter = context.getBean(UserAgentFilter.class);
				assertThat(filter.accepts(request("Internal-Checker/3"))).isFalse();
				assertThat(filter.accepts(request(ARACHMO))).isTrue();
				assertThat(filter.accepts(request(null))).isTrue();
			});
	}

	@Test
	void rowsOfTheSpiderTableAddAndRemovePatterns() {
		this.runner
			.withPropertyValues("trackable.user-agent-filtering=true", "spring.sql.init.mode=always",
					"spring.sql.init.schema-locations=classpath:dev/trackable/autoconfigure/spider-table.sql")
			.run((context) -> {
				UserAgentFilter filter = context.getBean(UserAgentFilter.class);
				assertThat(filter.accepts(request("Our-Load-Test/1.0"))).isFalse();
				assertThat(filter.accepts(request(ARACHMO))).isTrue();
			});
	}

	@Test
	void anInvalidPatternFailsStartupNamingIt() {
		this.runner.withPropertyValues("trackable.user-agent-filtering=true",
				"trackable.spiders.additional-patterns=bot(?!tle)")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("trackable.spiders.additional-patterns")
				.hasStackTraceContaining("Invalid spider pattern 'bot(?!tle)'")
				.hasStackTraceContaining("RE2"));
	}

	@Test
	void removingAPatternTheListDoesNotHaveFailsStartupNamingIt() {
		this.runner.withPropertyValues("trackable.user-agent-filtering=true",
				"trackable.spiders.removed-patterns=no-such-pattern")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("trackable.spiders.removed-patterns")
				.hasStackTraceContaining("[no-such-pattern]"));
	}

	@Test
	void anApplicationsOwnFilterWins() {
		UserAgentFilter own = new UserAgentFilter(SpiderPatterns.of(List.of("only-this")).matcher(), false);
		this.runner.withPropertyValues("trackable.user-agent-filtering=true")
			.withBean(UserAgentFilter.class, () -> own)
			.run((context) -> assertThat(context.getBean(UserAgentFilter.class)).isSameAs(own));
	}

	@Test
	void backsOffWithoutTheServletApi() {
		this.runner.withPropertyValues("trackable.user-agent-filtering=true")
			.withClassLoader(new FilteredClassLoader(HttpServletRequest.class))
			.run((context) -> assertThat(context).doesNotHaveBean(UserAgentFilter.class));
	}

	private static MockHttpServletRequest request(String userAgent) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (userAgent != null) {
			request.addHeader("User-Agent", userAgent);
		}
		return request;
	}

}
