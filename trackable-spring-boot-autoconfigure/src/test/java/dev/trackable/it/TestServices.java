package dev.trackable.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.trackable.broker.EmbeddedAmqpBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.rabbitmq.RabbitMQContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where the integration tests find their services, in this order: explicit settings in the environment, the local
 * default ports, Testcontainers when Docker is there, and last an embedded broker (the suite then still runs on a
 * machine with nothing installed). Under {@code CI=true} RabbitMQ, PostgreSQL and MariaDB are required: a missing
 * one fails the tests with a message saying how to provide it.
 */
final class TestServices {

	static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

	private static Endpoint rabbit;

	private static Optional<Database> postgresql;

	private static Optional<Database> mariadb;

	private TestServices() {
	}

	record Endpoint(String host, int port, String username, String password, String source) {
	}

	record Database(String url, String username, String password, String source) {
	}

	static synchronized Endpoint rabbit() {
		if (rabbit == null) {
			rabbit = resolveRabbit();
			System.out.println("trackable tests use RabbitMQ from " + rabbit.source());
		}
		return rabbit;
	}

	private static Endpoint resolveRabbit() {
		String host = System.getenv("TRACKABLE_TEST_RABBITMQ_HOST");
		if (host != null) {
			return new Endpoint(host, Integer.parseInt(env("TRACKABLE_TEST_RABBITMQ_PORT", "5672")),
					env("TRACKABLE_TEST_RABBITMQ_USERNAME", "guest"), env("TRACKABLE_TEST_RABBITMQ_PASSWORD", "guest"),
					"the environment");
		}
		if (listening(5672)) {
			return new Endpoint("127.0.0.1", 5672, "guest", "guest", "127.0.0.1:5672");
		}
		if (dockerAvailable()) {
			RabbitMQContainer container = new RabbitMQContainer("rabbitmq:4-management");
			container.start();
			return new Endpoint(container.getHost(), container.getAmqpPort(), container.getAdminUsername(),
					container.getAdminPassword(), "Testcontainers");
		}
		requireOutsideCi("RabbitMQ", "start it (rabbitmq-server -detached) or set TRACKABLE_TEST_RABBITMQ_HOST");
		EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start();
		return new Endpoint(broker.host(), broker.port(), broker.username(), broker.password(),
				"the embedded broker");
	}

	static synchronized Optional<Database> postgresql() {
		if (postgresql == null) {
			postgresql = resolve("PostgreSQL", "POSTGRESQL", "jdbc:postgresql://127.0.0.1:5432/test", 5432, "postgres",
					TestServices::postgresqlContainer)
				.map((database) -> ownNamespace(database, "schema", (name) -> database.url() + "?currentSchema=" + name));
		}
		return postgresql;
	}

	static synchronized Optional<Database> mariadb() {
		if (mariadb == null) {
			mariadb = resolve("MariaDB", "MARIADB", "jdbc:mariadb://127.0.0.1:3306/test", 3306, "root", () -> null)
				.map((database) -> ownNamespace(database, "database",
						(name) -> database.url().replaceFirst("/[^/]*$", "/" + name)));
		}
		return mariadb;
	}

	private static Optional<Database> resolve(String name, String key, String localUrl, int localPort,
			String localUser, Supplier<Database> container) {
		String url = System.getenv("TRACKABLE_TEST_" + key + "_URL");
		Database database = null;
		if (url != null) {
			database = new Database(url, env("TRACKABLE_TEST_" + key + "_USERNAME", localUser),
					env("TRACKABLE_TEST_" + key + "_PASSWORD", ""), "the environment");
		}
		else if (listening(localPort) && canConnect(localUrl, localUser)) {
			database = new Database(localUrl, localUser, "", "127.0.0.1:" + localPort);
		}
		else if (dockerAvailable()) {
			database = container.get();
		}
		if (database == null) {
			requireOutsideCi(name, "start it (see .ci/run) or set TRACKABLE_TEST_" + key + "_URL");
			System.out.println("trackable tests: no " + name + " here, its tests are skipped");
			return Optional.empty();
		}
		System.out.println("trackable tests use " + name + " from " + database.source());
		return Optional.of(database);
	}

	/**
	 * Gives this test JVM a schema (PostgreSQL) or database (MariaDB) of its own on a shared server, dropped when the
	 * JVM exits: tests create and drop their tables, and two builds on one machine must not drop each other's.
	 * @param database the shared database
	 * @param kind {@code schema} or {@code database}
	 * @param url the URL that connects to it, given its name
	 */
	private static Database ownNamespace(Database database, String kind, UnaryOperator<String> url) {
		if (!database.source().startsWith("127.0.0.1")) {
			return database;
		}
		String name = "trackable_test_" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
		execute(database, "create " + kind + " " + name);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(database, "drop " + kind + " " + name
				+ ("schema".equals(kind) ? " cascade" : ""))));
		return new Database(url.apply(name), database.username(), database.password(), database.source() + ", " + kind + " "
				+ name);
	}

	private static void execute(Database database, String sql) {
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
				database.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + database.url(), ex);
		}
	}

	private static Database postgresqlContainer() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
		container.start();
		return new Database(container.getJdbcUrl(), container.getUsername(), container.getPassword(), "Testcontainers");
	}

	private static void requireOutsideCi(String service, String howTo) {
		if (CI) {
			throw new IllegalStateException(service + " is required when CI=true but none was found: " + howTo);
		}
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static boolean canConnect(String url, String user) {
		try (Connection connection = DriverManager.getConnection(url, user, "")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

}
