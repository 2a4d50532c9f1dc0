package dev.trackable.it;

import java.nio.file.Path;
import java.time.Duration;

import dev.trackable.Trackable;
import dev.trackable.collect.Collector;
import dev.trackable.send.BatchingPublisher;
import dev.trackable.spool.Spool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batches the broker does not confirm wait in the local spool and reach the tables once a broker confirms again,
 * also when that is a later start of the application.
 */
class SpoolingTests {

	private final TestApplications applications = new TestApplications();

	@TempDir
	private Path spool;

	@AfterEach
	void close() {
		this.applications.close();
	}

	@Test
	void incrementsMadeWhileTheBrokerIsUnreachableAreSpooledAndReplayedByTheNextStart() {
		ConfigurableApplicationContext unreachable = this.applications.start("spring.rabbitmq.port=1",
				"spring.rabbitmq.connection-timeout=1s", "trackable.disable-collection-task=true",
				"trackable.publish-interval=50ms", "trackable.spool.directory=" + this.spool);
		for (int i = 0; i < 6; i++) {
			Trackable.increment(new Article(40), "impressions");
		}
		Spool spool = unreachable.getBean(Spool.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> !spool.isEmpty());
		for (int i = 0; i < 4; i++) {
			Trackable.increment(new Article(40), "impressions");
		}
		unreachable.close();

		ConfigurableApplicationContext reachable = this.applications.start("trackable.disable-collection-task=true",
				"trackable.publish-interval=50ms", "trackable.spool.directory=" + this.spool);
		Spool replaying = reachable.getBean(Spool.class);
		await().atMost(Duration.ofSeconds(20)).until(replaying::isEmpty);
		reachable.getBean(Collector.class).collect(Long.MAX_VALUE);

		assertThat(TestApplications.sum(reachable, "ArticleDailyData", "impressions", "40")).isEqualTo(10);
		assertThat(TestApplications.sum(reachable, "ArticleTotals", "impressions", "40")).isEqualTo(10);
		assertThat(reachable.getBean(BatchingPublisher.class).droppedIncrements()).isZero();
	}

	@Test
	void theSpoolOfAKilledInstanceIsReplayedByTheNextOne() throws Exception {
		ConfigurableApplicationContext killed = this.applications.start("spring.rabbitmq.port=1",
				"spring.rabbitmq.connection-timeout=1s", "trackable.disable-collection-task=true",
				"trackable.publish-interval=1h", "trackable.spool.directory=" + this.spool);
		for (int i = 0; i < 6; i++) {
			Trackable.increment(new Article(41), "impressions");
		}
		assertThat(killed.getBean(BatchingPublisher.class).publishPending()).isFalse();
		// A kill: no graceful stop and no final flush; only the spool's files and its released lock remain.
		killed.getBean(Spool.class).close();

		ConfigurableApplicationContext next = this.applications.start("trackable.disable-collection-task=true",
				"trackable.publish-interval=50ms", "trackable.spool.directory=" + this.spool);
		await().atMost(Duration.ofSeconds(20)).until(next.getBean(Spool.class)::isEmpty);
		next.getBean(Collector.class).collect(Long.MAX_VALUE);

		assertThat(TestApplications.sum(next, "ArticleDailyData", "impressions", "41")).isEqualTo(6);
		assertThat(TestApplications.sum(next, "ArticleTotals", "impressions", "41")).isEqualTo(6);
	}

	@Test
	void aFullSpoolDropsAndCountsIncrementsButNeverFailsARequest() {
		ConfigurableApplicationContext context = this.applications.start("spring.rabbitmq.port=1",
				"spring.rabbitmq.connection-timeout=1s", "trackable.disable-collection-task=true",
				"trackable.publish-interval=1h", "trackable.spool.max-size=1KB",
				"trackable.spool.directory=" + this.spool);
		BatchingPublisher publisher = context.getBean(BatchingPublisher.class);
		for (int article = 0; article < 200; article++) {
			Trackable.increment(new Article(50_000 + article), "impressions");
		}

		assertThat(publisher.publishPending()).isFalse();

		assertThat(publisher.droppedIncrements()).isPositive();
		assertThat(context.getBean(Spool.class).sizeBytes()).isLessThanOrEqualTo(1024);
	}

	@Test
	void aSecondInstanceOnTheSameSpoolFailsToStartWithAClearMessage() {
		this.applications.start("trackable.disable-collection-task=true", "trackable.spool.directory=" + this.spool);

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.applications.start("trackable.disable-collection-task=true",
					"trackable.spool.directory=" + this.spool))
			.rootCause()
			.hasMessageContaining(this.spool.toString());
	}

}
