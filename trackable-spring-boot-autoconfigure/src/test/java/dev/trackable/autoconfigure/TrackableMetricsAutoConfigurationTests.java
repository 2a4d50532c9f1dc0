package dev.trackable.autoconfigure;

import java.time.Duration;

import dev.trackable.Tracker;
import dev.trackable.autoconfigure.entities.Article;
import dev.trackable.metrics.CollectionMeters;
import dev.trackable.metrics.TrackableMeters;
import dev.trackable.metrics.TrackableMetricsAutoConfiguration;
import dev.trackable.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TrackableMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = TrackableContextRunners.withJpa()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
				TrackableMetricsAutoConfiguration.class));

	@Test
	void metersAreBoundPerDatasetAndReadWhatTheTrackerAndThePublisherCounted() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(TrackableMeters.class).hasSingleBean(CollectionMeters.class);
			MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
			context.getBean(Tracker.class).increment(new Article(7), "impressions", 3);
			context.getBean(Tracker.class).increment(new Article(7), "impressions");
			assertThat(meterRegistry.get("trackable.increments.recorded")
				.tag("dataset", "ArticleDailyData")
				.functionCounter()
				.count()).isEqualTo(2);
			assertThat(meterRegistry.get("trackable.increments.filtered")
				.tag("dataset", "ArticleDailyData")
				.functionCounter()
				.count()).isZero();
			assertThat(meterRegistry.get("trackable.messages.published").functionCounters()).hasSize(1);
			assertThat(meterRegistry.get("trackable.queue.depth").tag("dataset", "ArticleDailyData").gauge().value())
				.as("no broker to ask").isNaN();
			// Without a broker, the publisher spools the increments.
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(meterRegistry.get("trackable.messages.spooled")
					.tag("dataset", "ArticleDailyData")
					.functionCounter()
					.count()).isEqualTo(1));
			assertThat(meterRegistry.get("trackable.spool.size").gauge().value())
				.isEqualTo(context.getBean(Spool.class).sizeBytes())
				.isPositive();
		});
	}

	@Test
	void inImmediateModeTheSameMetersCountWhatThePublisherDid() {
		this.runner.withPropertyValues("trackable.publish-mode=immediate", "trackable.capture-connection-errors=true")
			.run((context) -> {
				context.getBean(Tracker.class).increment(new Article(7), "impressions");
				MeterRegistry meterRegistry = context.getBean(MeterRegistry.class);
				assertThat(meterRegistry.get("trackable.messages.spooled")
					.tag("dataset", "ArticleDailyData")
					.functionCounter()
					.count()).as("no broker to publish to").isEqualTo(1);
				assertThat(meterRegistry.get("trackable.messages.published")
					.tag("dataset", "ArticleDailyData")
					.functionCounter()
					.count()).isZero();
			});
	}

	@Test
	void withoutAMeterRegistryThereAreNoMeters() {
		TrackableContextRunners.withJpa()
			.withConfiguration(AutoConfigurations.of(TrackableMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(TrackableMeters.class)
				.doesNotHaveBean(CollectionMeters.class));
	}

	@Test
	void withoutMicrometerThereAreNoMeters() {
		TrackableContextRunners.withJpa()
			.withConfiguration(AutoConfigurations.of(TrackableMetricsAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class, SimpleMeterRegistry::new)
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TrackableMeters.class));
	}

	@Test
	void theApplicationsOwnMetersWin() {
		CollectionMeters own = new CollectionMeters(new SimpleMeterRegistry());
		this.runner.withBean(CollectionMeters.class, () -> own)
			.run((context) -> assertThat(context).getBean(CollectionMeters.class).isSameAs(own));
	}

}
