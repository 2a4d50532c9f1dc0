package dev.trackable.it;

import java.time.Duration;

import dev.trackable.IncrementSink;
import dev.trackable.Trackable;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.Collector;
import dev.trackable.send.ImmediatePublisher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.AmqpException;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * How increments get from a running application to the tables: the collection schedule, immediate publishing, and
 * the flush when the application stops.
 */
class PublishingLifecycleTests {

	private final TestApplications applications = new TestApplications();

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void theScheduledCollectionFoldsWithoutBeingAsked() {
		ConfigurableApplicationContext context = start("trackable.collection-period=1");
		Trackable.increment(new Article(1), "impressions", 3);

		// A run collects one dataset after the other: wait for both.
		await().atMost(Duration.ofSeconds(30)).until(() -> impressions(context, "ArticleDailyData", "1") == 3
				&& impressions(context, "ArticleTotals", "1") == 3);
	}

	@Test
	void immediateModePublishesOnTheCallersThreadAndReportsBrokerErrors() {
		ConfigurableApplicationContext context = start("trackable.publish-mode=immediate",
				"trackable.disable-collection-task=true");
		assertThat(context.getBean(IncrementSink.class)).isInstanceOf(ImmediatePublisher.class);
		for (int i = 0; i < 10; i++) {
			Trackable.increment(new Article(2), "impressions");
		}
		// Published before increment() returned: the queue holds one message per dataset per call.
		TrackableBroker broker = context.getBean(TrackableBroker.class);
		Long queued = broker.execute((channel) -> channel.messageCount(broker.queueOf("ArticleDailyData")));
		assertThat(queued).isEqualTo(10);
		context.getBean(Collector.class).collect(Long.MAX_VALUE);
		assertThat(impressions(context, "ArticleDailyData", "2")).isEqualTo(10);

		ConfigurableApplicationContext unreachable = start("trackable.publish-mode=immediate",
				"trackable.disable-collection-task=true", "spring.rabbitmq.port=1",
				"spring.rabbitmq.connection-timeout=1s");
		assertThatExceptionOfType(AmqpException.class)
			.isThrownBy(() -> Trackable.increment(new Article(2), "impressions"));
		unreachable.close();
	}

	@Test
	void stoppingTheApplicationPublishesWhatIsLeft() {
		ConfigurableApplicationContext first = start("trackable.publish-interval=1h",
				"trackable.disable-collection-task=true");
		for (int i = 0; i < 7; i++) {
			Trackable.increment(new Article(3), "impressions");
		}
		first.close();

		ConfigurableApplicationContext second = start("trackable.disable-collection-task=true");
		second.getBean(Collector.class).collect(Long.MAX_VALUE);
		assertThat(impressions(second, "ArticleDailyData", "3")).isEqualTo(7);
		assertThat(impressions(second, "ArticleTotals", "3")).isEqualTo(7);
	}

	private ConfigurableApplicationContext start(String... properties) {
		return this.applications.start(properties);
	}

	private static long impressions(ConfigurableApplicationContext context, String dataset, String parentId) {
		return TestApplications.sum(context, dataset, "impressions", parentId);
	}

}
