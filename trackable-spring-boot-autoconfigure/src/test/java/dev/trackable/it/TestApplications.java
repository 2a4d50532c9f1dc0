package dev.trackable.it;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.trackable.Dataset;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts instances of the test application against the test broker and one database they share, as instances of
 * one application share theirs (an H2 database of their own unless told otherwise), each set of instances with an
 * exchange and queues of its own. Closing removes the queues and stops the instances.
 */
final class TestApplications implements AutoCloseable {

	private final String name = "trackable-test-" + UUID.randomUUID();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<String> database;

	/** Instances on an H2 database of their own. */
	TestApplications() {
		this.database = List.of("spring.datasource.url=jdbc:h2:mem:" + this.name + ";DB_CLOSE_DELAY=-1");
	}

	/**
	 * Instances on a database server, whose tables other test runs share.
	 * @param database the database
	 */
	TestApplications(TestServices.Database database) {
		this.database = List.of("spring.datasource.url=" + database.url(),
				"spring.datasource.username=" + database.username(),
				"spring.datasource.password=" + database.password());
	}

	ConfigurableApplicationContext start(String... properties) {
		return run(new SpringApplicationBuilder(TestApplication.class), new String[0], properties);
	}

	/**
	 * Runs an instance with command-line arguments, e.g. a management command.
	 * @param builder the application to run
	 * @param arguments its arguments
	 * @param properties extra properties
	 * @return the instance's context, closed already if a command ran
	 */
	ConfigurableApplicationContext run(SpringApplicationBuilder builder, String[] arguments, String... properties) {
		TestServices.Endpoint rabbit = TestServices.rabbit();
		List<String> all = new ArrayList<>(List.of("spring.rabbitmq.host=" + rabbit.host(),
				"spring.rabbitmq.port=" + rabbit.port(), "spring.rabbitmq.username=" + rabbit.username(),
				"spring.rabbitmq.password=" + rabbit.password(), "spring.jpa.hibernate.ddl-auto=update",
				"trackable.exchange=" + this.name, "trackable.queue-prefix=" + this.name + ".",
				"trackable.malformed-queue=" + this.name + ".malformed",
				"trackable.spool.directory=target/spool/" + UUID.randomUUID(), "spring.main.banner-mode=off"));
		all.addAll(this.database);
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = builder.properties(all.toArray(String[]::new)).run(arguments);
		this.contexts.add(context);
		return context;
	}

	/** Sums a counter of one parent over all periods. */
	static long sum(ConfigurableApplicationContext context, String dataset, String field, String parentId) {
		EntityManager entityManager = context.getBean(EntityManagerFactory.class).createEntityManager();
		try {
			Number sum = entityManager
				.createQuery("select sum(d." + field + ") from " + dataset + " d where d.parentId = :id", Number.class)
				.setParameter("id", parentId)
				.getSingleResult();
			return (sum != null) ? sum.longValue() : 0;
		}
		finally {
			entityManager.close();
		}
	}

	@Override
	public void close() {
		// Any live instance that reaches the broker can remove the queues; some tests point one at no broker.
		for (ConfigurableApplicationContext context : this.contexts) {
			if (context.isActive() && deleteQueues(context)) {
				break;
			}
		}
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	private boolean deleteQueues(ConfigurableApplicationContext context) {
		TrackableBroker broker = context.getBean(TrackableBroker.class);
		List<Dataset> datasets = List.copyOf(context.getBean(TrackableRegistry.class).datasets());
		try {
			broker.execute((channel) -> {
				for (Dataset dataset : datasets) {
					channel.queueDelete(broker.queueOf(dataset.name()));
				}
				channel.queueDelete(broker.malformedQueue());
				channel.exchangeDelete(this.name);
				return null;
			});
			return true;
		}
		catch (AmqpException ex) {
			return false;
		}
	}

}
