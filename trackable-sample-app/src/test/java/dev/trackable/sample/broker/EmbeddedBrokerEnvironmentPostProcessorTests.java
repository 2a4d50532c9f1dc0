package dev.trackable.sample.broker;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured RabbitMQ keeps the embedded broker from starting.
 */
class EmbeddedBrokerEnvironmentPostProcessorTests {

	@Test
	void leavesAHostFromTheEnvironmentVariableAlone() {
		StandardEnvironment environment = environmentWith(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.of("SPRING_RABBITMQ_HOST", "rabbit.internal")));

		new EmbeddedBrokerEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources()
			.contains(EmbeddedBrokerEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(environment.getProperty("spring.rabbitmq.host")).isEqualTo("rabbit.internal");
	}

	@Test
	void leavesConfiguredAddressesAlone() {
		StandardEnvironment environment = environmentWith(
				new MapPropertySource("application.properties", Map.of("spring.rabbitmq.addresses", "rabbit.internal")));

		new EmbeddedBrokerEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getPropertySources()
			.contains(EmbeddedBrokerEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

	private static StandardEnvironment environmentWith(PropertySource<?> source) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(source);
		return environment;
	}

}
