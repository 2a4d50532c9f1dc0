package dev.trackable.sample.broker;

import java.util.Map;

import dev.trackable.broker.EmbeddedAmqpBroker;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points {@code spring.rabbitmq.*} at an embedded AMQP broker when no RabbitMQ is configured, so that the sample
 * runs on a machine with nothing but a JDK.
 * <p>
 * It runs after the configuration files are read, so setting {@code spring.rabbitmq.host} (or
 * {@code spring.rabbitmq.addresses}) anywhere, for instance as {@code SPRING_RABBITMQ_HOST} or through the
 * {@code real-services} profile, keeps the embedded broker from starting. The broker starts here, before any bean,
 * because the connection factories read its port from the environment.
 */
public class EmbeddedBrokerEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "embeddedAmqpBroker";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		// The property source this adds also stops a second run on the same environment from starting another broker.
		if (environment.containsProperty("spring.rabbitmq.host")
				|| environment.containsProperty("spring.rabbitmq.addresses")) {
			return;
		}
		EmbeddedAmqpBroker broker = SharedEmbeddedBroker.acquire();
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("spring.rabbitmq.host", broker.host(), "spring.rabbitmq.port", broker.port(),
							"spring.rabbitmq.username", broker.username(), "spring.rabbitmq.password",
							broker.password())));
		application.addInitializers((context) -> {
			// Registered before any bean exists, so released after every bean is destroyed: trackable's publisher
			// flushes and the connections close while the broker still runs.
			DefaultSingletonBeanRegistry beans = (DefaultSingletonBeanRegistry) context.getBeanFactory();
			beans.registerDisposableBean(PROPERTY_SOURCE_NAME, SharedEmbeddedBroker::release);
		});
	}

}
