package dev.trackable.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.State;
import org.apache.qpid.server.model.SystemConfig;
import org.apache.qpid.server.model.VirtualHost;
import org.apache.qpid.server.model.VirtualHostNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AMQP 0-9-1 broker inside the JVM: Apache Qpid Broker-J with everything in memory, listening on a free port of
 * {@code 127.0.0.1} only, for running the sample application and integration tests without an installed RabbitMQ.
 * <p>
 * It has one virtual host, {@code default}, which the 0-9-1 default virtual host {@code /} resolves to, and one user,
 * {@code guest}/{@code guest}. Nothing survives {@link #close()}: the broker keeps no messages on disk and its work
 * directory is deleted.
 * <p>
 * Clients can tell it from RabbitMQ by the {@code product} server property of a connection, which is
 * {@code Apache Qpid Broker-J Core} rather than {@code RabbitMQ}. Qpid closes the connection when a queue is declared
 * with the RabbitMQ-only {@code x-} arguments, so code that uses them checks this property first.
 * <p>
 * Qpid's operational log (connections opened, queues created, and so on) is switched off unless the system property
 * {@code qpid.broker_status_updates} is set; its other logging goes through SLF4J like the application's. Qpid halts
 * the JVM when one of its housekeeping tasks fails and no default uncaught-exception handler is set, so if there is
 * none, {@link #start()} sets one that logs the exception.
 */
public final class EmbeddedAmqpBroker implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedAmqpBroker.class);

	private static final String HOST = "127.0.0.1";

	private static final String USERNAME = "guest";

	private static final String PASSWORD = "guest";

	private static final String STATUS_UPDATES_PROPERTY = "qpid.broker_status_updates";

	private final SystemLauncher launcher;

	private final Path workDirectory;

	private final int port;

	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedAmqpBroker(SystemLauncher launcher, Path workDirectory, int port) {
		this.launcher = launcher;
		this.workDirectory = workDirectory;
		this.port = port;
	}

	/**
	 * Starts a broker on a free loopback port and returns once it accepts connections.
	 * @return the running broker, to be closed by the caller
	 * @throws IllegalStateException if the broker did not start
	 */
	public static EmbeddedAmqpBroker start() {
		quietenAndKeepJvmAlive();
		Path workDirectory = createWorkDirectory();
		StartupListener listener = new StartupListener();
		SystemLauncher launcher = new SystemLauncher(listener);
		// Qpid finds its plugins through the context class loader, and the threads it starts inherit it.
		Thread thread = Thread.currentThread();
		ClassLoader callersLoader = thread.getContextClassLoader();
		thread.setContextClassLoader(EmbeddedAmqpBroker.class.getClassLoader());
		try {
			launcher.startup(systemConfigAttributes(workDirectory));
			int port = listener.boundPort();
			listener.removeShutdownHook();
			return new EmbeddedAmqpBroker(launcher, workDirectory, port);
		}
		catch (Exception ex) {
			try {
				launcher.shutdown();
			}
			finally {
				deleteRecursively(workDirectory);
			}
			throw (ex instanceof IllegalStateException ise) ? ise
					: new IllegalStateException("Embedded AMQP broker did not start", ex);
		}
		finally {
			thread.setContextClassLoader(callersLoader);
		}
	}

	/**
	 * Returns the port the broker listens on, which the operating system picked from its ephemeral range, so never
	 * the 5672 of an installed RabbitMQ.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Returns the address the broker listens on.
	 * @return {@code 127.0.0.1}
	 */
	public String host() {
		return HOST;
	}

	/**
	 * Returns the name of the broker's only user.
	 * @return {@code guest}
	 */
	public String username() {
		return USERNAME;
	}

	/**
	 * Returns the password of the broker's only user.
	 * @return {@code guest}
	 */
	public String password() {
		return PASSWORD;
	}

	/**
	 * Stops the broker, which closes its connections and frees its port, and deletes its work directory. Calling it
	 * again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.launcher.shutdown();
			}
			catch (IllegalStateException ex) {
				// Already stopping, e.g. because the JVM is exiting.
				logger.debug("Embedded AMQP broker was already stopping", ex);
			}
			finally {
				deleteRecursively(this.workDirectory);
			}
		}
	}

	private static void quietenAndKeepJvmAlive() {
		// Every connection, channel and queue would otherwise be logged at INFO.
		if (System.getProperty(STATUS_UPDATES_PROPERTY) == null) {
			System.setProperty(STATUS_UPDATES_PROPERTY, "false");
		}
		if (Thread.getDefaultUncaughtExceptionHandler() == null) {
			Thread.setDefaultUncaughtExceptionHandler(
					(thread, ex) -> logger.error("Uncaught exception in thread {}", thread.getName(), ex));
		}
	}

	private static Map<String, Object> systemConfigAttributes(Path workDirectory) throws IOException {
		// Qpid opens both files with new URL(...); its classpath: URLs resolve only when Qpid is on the system class
		// path, which it is not inside an executable Spring Boot jar, so they go to the work directory as file: URLs.
		Path initialConfig = workDirectory.resolve("initial-config.json");
		try (InputStream in = EmbeddedAmqpBroker.class.getResourceAsStream("initial-config.json")) {
			if (in == null) {
				throw new IllegalStateException("initial-config.json is missing next to " + EmbeddedAmqpBroker.class);
			}
			Files.copy(in, initialConfig);
		}
		Path systemProperties = Files.createFile(workDirectory.resolve("system.properties"));
		Map<String, String> context = new HashMap<>();
		context.put(SystemConfig.PROPERTY_QPID_WORK, workDirectory.toString());
		context.put(SystemConfig.QPID_WORK_DIR, workDirectory.toString());
		// The default is a JSON file of management console preferences, which nothing here uses.
		context.put("qpid.broker.defaultPreferenceStoreAttributes", "{\"type\": \"Noop\"}");
		// Otherwise a port that cannot bind leaves a broker that starts but cannot be reached.
		context.put(Broker.BROKER_FAIL_STARTUP_WITH_ERRORED_CHILD, "true");
		// Closing waits for the next run of this check, a second away by default; it compacts the direct memory
		// that many queued messages fragment, which a broker this small never holds.
		context.put(Broker.COMPACT_MEMORY_INTERVAL, "0");

		Map<String, Object> attributes = new HashMap<>();
		// Keeps the broker's own configuration in memory instead of a config.json in the work directory.
		attributes.put(ConfiguredObject.TYPE, "Memory");
		attributes.put(SystemConfig.INITIAL_CONFIGURATION_LOCATION, initialConfig.toUri().toString());
		// Without one, Qpid loads any system.properties the application has on its class path into the JVM.
		attributes.put(SystemConfig.INITIAL_SYSTEM_PROPERTIES_LOCATION, systemProperties.toUri().toString());
		attributes.put(SystemConfig.STARTUP_LOGGED_TO_SYSTEM_OUT, false);
		attributes.put(ConfiguredObject.CONTEXT, context);
		return attributes;
	}

	private static Path createWorkDirectory() {
		try {
			return Files.createTempDirectory("trackable-embedded-broker-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			logger.warn("Could not delete the embedded broker's work directory {}", directory, ex);
		}
	}

	/**
	 * Captures what {@link SystemLauncher#startup} does not return: the broker it started, and the exception it
	 * logs and swallows when the broker fails to start.
	 */
	private static final class StartupListener extends SystemLauncherListener.DefaultSystemLauncherListener {

		private volatile @Nullable SystemConfig<?> systemConfig;

		private volatile @Nullable RuntimeException startupFailure;

		@Override
		public void onContainerResolve(SystemConfig<?> systemConfig) {
			this.systemConfig = systemConfig;
		}

		@Override
		public void errorOnStartup(RuntimeException ex) {
			this.startupFailure = ex;
		}

		/**
		 * Qpid stops itself from a JVM shutdown hook of its own, in parallel with the application's shutdown, which
		 * could then find the broker gone while it still publishes its last messages. The owner closes the broker
		 * instead; the hook is a private field with no setting to turn it off.
		 */
		void removeShutdownHook() {
			SystemConfig<?> config = this.systemConfig;
			Broker<?> broker = (config != null) ? config.getContainer(Broker.class) : null;
			if (broker == null) {
				return;
			}
			for (Class<?> type = broker.getClass(); type != null; type = type.getSuperclass()) {
				try {
					java.lang.reflect.Field field = type.getDeclaredField("_shutdownHook");
					field.setAccessible(true);
					if (field.get(broker) instanceof Thread hook) {
						Runtime.getRuntime().removeShutdownHook(hook);
					}
					return;
				}
				catch (NoSuchFieldException ex) {
					// declared further up
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					logger.warn("Could not remove the embedded broker's own shutdown hook: {}", ex.toString());
					return;
				}
			}
			logger.warn("Could not find the embedded broker's own shutdown hook");
		}

		int boundPort() {
			if (this.startupFailure != null) {
				throw new IllegalStateException("Embedded AMQP broker did not start", this.startupFailure);
			}
			if (this.systemConfig == null) {
				throw new IllegalStateException("Embedded AMQP broker did not start");
			}
			Broker<?> broker = this.systemConfig.getContainer(Broker.class);
			VirtualHostNode<?> node = broker.findDefautVirtualHostNode();
			VirtualHost<?> host = (node != null) ? node.getVirtualHost() : null;
			if (host == null || host.getState() != State.ACTIVE) {
				throw new IllegalStateException("Embedded AMQP broker started without an active virtual host");
			}
			return broker.getPorts()
				.stream()
				.filter((port) -> port.getState() == State.ACTIVE)
				.mapToInt(Port::getBoundPort)
				.filter((bound) -> bound > 0)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("Embedded AMQP broker started without a bound port"));
		}

	}

}
