package dev.trackable.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionHistory;
import dev.trackable.collect.CollectionResult;
import dev.trackable.spool.Spool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indicator's rules, with a broker nothing listens for and a clock of the test's own.
 */
class TrackableHealthIndicatorTests {

	private static final Instant START = Instant.parse("2026-11-25T08:00:00Z");

	private static final Duration PERIOD = Duration.ofSeconds(10);

	private final CachingConnectionFactory connectionFactory = new CachingConnectionFactory("127.0.0.1", 1);

	private final TrackableBroker unreachable = new TrackableBroker(this.connectionFactory, "trackable", "trackable.",
			"trackable.malformed", Duration.ofSeconds(1), false);

	private final CollectionHistory history = new CollectionHistory(Clock.fixed(START, ZoneOffset.UTC));

	private Spool spool;

	@BeforeEach
	void openSpool(@TempDir Path directory) throws IOException {
		this.spool = Spool.open(directory, 1024 * 1024);
	}

	@AfterEach
	void close() throws IOException {
		this.spool.close();
		this.connectionFactory.destroy();
	}

	@Test
	void anUnreachableBrokerAloneIsUp() {
		Health health = indicator(START.plusSeconds(1)).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(detail(health, "broker")).containsEntry("status", "unreachable").containsKey("error");
		assertThat(detail(health, "spool")).containsEntry("growing", false);
	}

	@Test
	void anUnreachableBrokerIsDownOnceTheSpoolGrowsAndStaysDownUntilItIsReachable() {
		TrackableHealthIndicator indicator = indicator(START.plusSeconds(1));
		this.spool.append("batch".getBytes(StandardCharsets.UTF_8));

		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		// Growth counts since the broker was last reachable, not since the last check: no flapping between checks.
		Health again = indicator.health();
		assertThat(again.getStatus()).isEqualTo(Status.DOWN);
		assertThat(detail(again, "spool")).containsEntry("growing", true).containsEntry("spooledSinceBrokerReachable", 1L);
	}

	@Test
	void isDownAfterThreeCollectionPeriodsWithoutSuccess() {
		assertThat(indicator(START.plus(PERIOD.multipliedBy(3))).health().getStatus()).isEqualTo(Status.UP);
		Health stale = indicator(START.plus(PERIOD.multipliedBy(3)).plusMillis(1)).health();
		assertThat(stale.getStatus()).isEqualTo(Status.DOWN);
		assertThat(detail(stale, "collection")).containsEntry("stale", true)
			.containsEntry("noSuccessSince", START.toString());

		this.history.collectionSucceeded(new CollectionResult(START.plusSeconds(25), Duration.ofSeconds(1), 1, 1, 1, 1,
				0, 0));

		Health fresh = indicator(START.plusSeconds(40)).health();
		assertThat(fresh.getStatus()).isEqualTo(Status.UP);
		assertThat(detail(fresh, "collection")).containsEntry("lastSuccess", START.plusSeconds(26).toString());
	}

	@Test
	void withoutACollectionPeriodCollectionIsNeverStale() {
		TrackableHealthIndicator indicator = new TrackableHealthIndicator(this.unreachable, this.spool, this.history,
				null, Clock.fixed(START.plus(Duration.ofDays(1)), ZoneOffset.UTC));

		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	private TrackableHealthIndicator indicator(Instant now) {
		return new TrackableHealthIndicator(this.unreachable, this.spool, this.history, PERIOD,
				Clock.fixed(now, ZoneOffset.UTC));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> detail(Health health, String name) {
		return (Map<String, Object>) health.getDetails().get(name);
	}

}
