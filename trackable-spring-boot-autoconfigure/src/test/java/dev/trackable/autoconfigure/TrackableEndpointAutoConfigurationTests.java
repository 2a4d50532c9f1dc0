package dev.trackable.autoconfigure;

import dev.trackable.TrackableRegistry;
import dev.trackable.actuate.TrackableEndpoint;
import dev.trackable.actuate.TrackableEndpointAutoConfiguration;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.collect.CollectionHistory;
import dev.trackable.collect.Collector;
import dev.trackable.collect.ParkedMessages;
import dev.trackable.spool.Spool;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class TrackableEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = TrackableContextRunners.withJpa()
		.withConfiguration(AutoConfigurations.of(TrackableEndpointAutoConfiguration.class));

	@Test
	void anExposedEndpointIsConfigured() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=trackable")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TrackableEndpoint.class));
	}

	@Test
	void anEndpointThatIsNotExposedIsLeftOut() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TrackableEndpoint.class));
	}

	@Test
	void anEndpointWithoutAccessIsLeftOut() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=trackable",
					"management.endpoint.trackable.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(TrackableEndpoint.class));
	}

	@Test
	void withoutActuatorThereIsNoEndpoint() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=trackable")
			.withClassLoader(new FilteredClassLoader(ConditionalOnAvailableEndpoint.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TrackableEndpoint.class));
	}

	@Test
	void withoutTrackablesCollectorThereIsNoEndpoint() {
		TrackableContextRunners.withoutJpa()
			.withConfiguration(AutoConfigurations.of(TrackableEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=trackable")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Collector.class)
				.doesNotHaveBean(TrackableEndpoint.class));
	}

	@Test
	void theApplicationsOwnEndpointWins() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=trackable")
			.withUserConfiguration(OwnEndpointConfiguration.class)
			.run((context) -> assertThat(context).getBean(TrackableEndpoint.class)
				.isSameAs(context.getBean("ownTrackableEndpoint")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpointConfiguration {

		@Bean
		TrackableEndpoint ownTrackableEndpoint(TrackableRegistry registry, TrackableBroker broker, Collector collector,
				CollectionHistory history, ParkedMessages parked, Spool spool) {
			return new TrackableEndpoint(registry, broker, collector, history, parked, spool, 1);
		}

	}

}
