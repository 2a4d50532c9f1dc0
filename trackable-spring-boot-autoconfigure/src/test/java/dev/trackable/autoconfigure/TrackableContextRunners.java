package dev.trackable.autoconfigure;

import java.util.UUID;

import dev.trackable.autoconfigure.entities.EntitiesConfiguration;

import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

/**
 * Context runners for trackable's auto-configuration with JPA on an in-memory H2 database and Spring Boot's RabbitMQ
 * auto-configuration, but no broker: connection factories connect lazily, the batching publisher publishes nothing
 * that was not incremented, and the collection task's first run is a collection period away.
 */
final class TrackableContextRunners {

	/**
	 * Nothing in these tests needs a broker. Should something publish anyway (increments left when a context closes),
	 * it fails at once on a port nothing listens on instead of reaching a broker that happens to run on 5672, and
	 * lands in a spool of the context's own.
	 */
	private static final String[] NO_BROKER = { "trackable.spool.directory=target/spool/${random.uuid}",
			"spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=1",
			"spring.rabbitmq.connection-timeout=1s" };

	private TrackableContextRunners() {
	}

	/**
	 * Returns a runner with JPA, Spring Boot's RabbitMQ auto-configuration and trackable's, on an in-memory database
	 * of its own that disappears when the context closes its connection pool.
	 * @return the runner
	 */
	static ApplicationContextRunner withJpa() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceInitializationAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
					TransactionAutoConfiguration.class, RabbitAutoConfiguration.class,
					TrackableRabbitAutoConfiguration.class, TrackableAutoConfiguration.class))
			.withUserConfiguration(EntitiesConfiguration.class)
			.withPropertyValues(NO_BROKER)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=create-drop",
					"spring.datasource.url=jdbc:h2:mem:trackable-" + UUID.randomUUID());
	}

	/** @return a runner without JPA: Spring Boot's RabbitMQ auto-configuration and trackable's only */
	static ApplicationContextRunner withoutJpa() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RabbitAutoConfiguration.class,
					TrackableRabbitAutoConfiguration.class, TrackableAutoConfiguration.class))
			.withPropertyValues(NO_BROKER);
	}

}
