package dev.trackable.benchmarks.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.trackable.Dataset;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.fold.AppliedMessageLog;

import org.springframework.amqp.AmqpException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One run of the {@link BenchmarkApplication}, by default against RabbitMQ on 127.0.0.1:5672 (guest/guest) and the
 * schema {@value #SCHEMA} of PostgreSQL's database {@code test} on 127.0.0.1:5432 (user {@code postgres}), which
 * keeps the benchmarks' tables apart from the tests'. {@code spring.rabbitmq.*} and {@code spring.datasource.*} in
 * the environment ({@code SPRING_RABBITMQ_HOST}, {@code SPRING_DATASOURCE_URL}, ...) point it elsewhere.
 * <p>
 * Each run has an exchange, queues and a spool of its own, which closing removes, so that runs never see each
 * other's messages. The scheduled collection is off: the tools call the collector themselves to time it.
 */
public final class BenchmarkRun implements AutoCloseable {

	/** The PostgreSQL schema of the benchmarks' tables. */
	public static final String SCHEMA = "trackable_bench";

	private static final String[] SERVICES = { "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672",
			"spring.rabbitmq.username=guest", "spring.rabbitmq.password=guest",
			"spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + SCHEMA,
			"spring.datasource.username=postgres", "spring.jpa.hibernate.ddl-auto=update",
			"spring.jpa.properties.hibernate.default_schema=" + SCHEMA,
			"spring.jpa.properties.hibernate.hbm2ddl.create_namespaces=true", "spring.main.banner-mode=off",
			"spring.main.web-application-type=none", "logging.level.root=WARN" };

	private final String name = "trackable-bench-" + UUID.randomUUID();

	private final Path spool;

	private final ConfigurableApplicationContext context;

	private BenchmarkRun(String... arguments) {
		try {
			this.spool = Files.createTempDirectory("trackable-bench-spool");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<String> all = new ArrayList<>(List.of("--trackable.exchange=" + this.name,
				"--trackable.queue-prefix=" + this.name + ".", "--trackable.malformed-queue=" + this.name + ".malformed",
				"--trackable.spool.directory=" + this.spool, "--trackable.disable-collection-task=true",
				"--spring.jpa.properties.hibernate.session_factory.statement_inspector="
						+ StatementCounter.class.getName()));
		all.addAll(List.of(arguments));
		this.context = new SpringApplicationBuilder(BenchmarkApplication.class).properties(SERVICES)
			.run(all.toArray(String[]::new));
	}

	/**
	 * Starts the application.
	 * @param arguments command-line arguments, e.g. {@code --trackable.publish-mode=immediate}; they override the
	 * environment
	 * @return the run
	 */
	public static BenchmarkRun start(String... arguments) {
		return new BenchmarkRun(arguments);
	}

	/**
	 * Returns a bean of the application.
	 * @param <T> its type
	 * @param type its type
	 * @return the bean
	 */
	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** Empties the datasets' tables and the log of applied messages, so that totals start at zero. */
	public void truncate() {
		bean(JdbcTemplate.class).execute("TRUNCATE article_daily_data, article_totals, " + AppliedMessageLog.TABLE);
	}

	/** Stops the application after its publisher has sent what is left, and removes its queues and spool. */
	@Override
	public void close() {
		this.context.stop();
		deleteQueues();
		this.context.close();
		try (Stream<Path> files = Files.walk(this.spool)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void deleteQueues() {
		TrackableBroker broker = bean(TrackableBroker.class);
		List<Dataset> datasets = List.copyOf(bean(TrackableRegistry.class).datasets());
		try {
			broker.execute((channel) -> {
				for (Dataset dataset : datasets) {
					channel.queueDelete(broker.queueOf(dataset.name()));
				}
				channel.queueDelete(broker.malformedQueue());
				channel.exchangeDelete(this.name);
				return null;
			});
		}
		catch (AmqpException ex) {
			// A run against no broker has nothing to remove.
		}
	}

}
