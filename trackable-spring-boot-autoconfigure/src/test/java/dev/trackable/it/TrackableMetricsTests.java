package dev.trackable.it;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

import dev.trackable.Trackable;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.Collector;
import dev.trackable.filter.RequestFilter;
import dev.trackable.filter.UserAgentFilter;
import dev.trackable.send.BatchingPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * trackable's meters in a running application with Actuator, after increments went the whole way: recorded or left
 * out as a bot's, published, folded, upserted, or set aside as malformed.
 */
class TrackableMetricsTests {

	private static final String DAILY = "ArticleDailyData";

	private static final String TOTALS = "ArticleTotals";

	private final TestApplications applications = new TestApplications();

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void metersFollowIncrementsFromTheRequestToTheDatabase() throws Exception {
		ConfigurableApplicationContext context = ActuatorClient.start(this.applications,
				new Class<?>[] { TestApplication.class, BotFilterConfiguration.class },
				"trackable.disable-collection-task=true");
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		TrackableBroker broker = context.getBean(TrackableBroker.class);
		Article article = new Article(5_000_000 + ThreadLocalRandom.current().nextInt(1_000_000));
		MockHttpServletRequest person = new MockHttpServletRequest();
		person.addHeader("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0");
		MockHttpServletRequest crawler = new MockHttpServletRequest();
		crawler.addHeader("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
		for (int i = 0; i < 3; i++) {
			Trackable.increment(person, article, "impressions");
		}
		Trackable.increment(crawler, article, "impressions");
		Trackable.increment(crawler, article, "impressions", 4);
		Trackable.increment(article, "clickThroughs");
		context.getBean(BatchingPublisher.class).publishPending();

		assertThat(count(meters, "trackable.increments.recorded", DAILY)).isEqualTo(4);
		assertThat(count(meters, "trackable.increments.recorded", TOTALS)).isEqualTo(3);
		assertThat(count(meters, "trackable.increments.filtered", DAILY)).isEqualTo(2);
		assertThat(count(meters, "trackable.increments.filtered", TOTALS)).isEqualTo(2);
		double published = count(meters, "trackable.messages.published", DAILY);
		assertThat(published).isPositive().isEqualTo(broker.messageCount(DAILY));
		assertThat(meters.get("trackable.queue.depth").tag("dataset", DAILY).gauge().value()).isEqualTo(published);
		JsonNode recorded = new ActuatorClient(context)
			.get("/metrics/trackable.increments.recorded?tag=dataset:" + DAILY)
			.json();
		assertThat(recorded.get("measurements").get(0).get("value").asDouble()).isEqualTo(4);

		broker.republish(broker.queueOf(DAILY), "garbage".getBytes(StandardCharsets.UTF_8));
		context.getBean(Collector.class).collect(Long.MAX_VALUE);

		assertThat(meters.get("trackable.messages.folded").tag("dataset", DAILY).counter().count())
			.isEqualTo(published);
		assertThat(meters.get("trackable.rows.upserted").tag("dataset", DAILY).counter().count()).isEqualTo(1);
		assertThat(meters.get("trackable.rows.upserted").tag("dataset", TOTALS).counter().count()).isEqualTo(1);
		assertThat(meters.get("trackable.messages.malformed")
			.tag("dataset", DAILY)
			.tag("reason", "invalid-json")
			.counter()
			.count()).isEqualTo(1);
		assertThat(meters.get("trackable.collection.duration").tag("outcome", "success").timer().count())
			.isEqualTo(1);
		assertThat(meters.get("trackable.queue.depth").tag("dataset", DAILY).gauge().value()).isZero();
		assertThat(TestApplications.sum(context, DAILY, "impressions", Long.toString(article.getId())))
			.isEqualTo(3);
	}

	private static double count(MeterRegistry meters, String name, String dataset) {
		return meters.get(name).tag("dataset", dataset).functionCounter().count();
	}

	@Configuration(proxyBeanMethods = false)
	static class BotFilterConfiguration {

		@Bean
		RequestFilter botFilter() {
			return UserAgentFilter.withBundledPatterns();
		}

	}

}
