package dev.trackable.autoconfigure;

import java.util.Map;

import dev.trackable.health.TrackableHealthContributorAutoConfiguration;
import dev.trackable.health.TrackableHealthIndicator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class TrackableHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = TrackableContextRunners.withJpa()
		.withConfiguration(AutoConfigurations.of(TrackableHealthContributorAutoConfiguration.class));

	@Test
	void theIndicatorIsNamedTrackable() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasSingleBean(TrackableHealthIndicator.class)
			.hasBean("trackableHealthIndicator"));
	}

	@Test
	void anUnreachableBrokerWithAnEmptySpoolIsUpAndSaysSo() {
		this.runner.run((context) -> {
			Health health = context.getBean(TrackableHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails().get("broker")).isInstanceOfSatisfying(Map.class,
					(broker) -> assertThat(broker).containsEntry("status", "unreachable"));
			assertThat(health.getDetails().get("collection")).isInstanceOfSatisfying(Map.class,
					(collection) -> assertThat(collection).containsEntry("stale", false).containsKey("noSuccessSince"));
		});
	}

	@Test
	void withoutTheCollectionTaskCollectionIsNotJudged() {
		this.runner.withPropertyValues("trackable.disable-collection-task=true")
			.run((context) -> assertThat(
					context.getBean(TrackableHealthIndicator.class).health().getDetails().get("collection"))
				.isInstanceOfSatisfying(Map.class, (collection) -> assertThat(collection).doesNotContainKey("stale")));
	}

	@Test
	void canBeDisabled() {
		this.runner.withPropertyValues("management.health.trackable.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TrackableHealthIndicator.class));
	}

	@Test
	void withoutSpringBootsHealthModuleThereIsNoIndicator() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TrackableHealthIndicator.class));
	}

	@Test
	void theApplicationsOwnIndicatorWins() {
		HealthIndicator own = () -> Health.up().build();
		this.runner.withBean("trackableHealthIndicator", HealthIndicator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(TrackableHealthIndicator.class)
				.getBean("trackableHealthIndicator")
				.isSameAs(own));
	}

}
