package dev.trackable.sample.broker;

import dev.trackable.broker.EmbeddedAmqpBroker;
import org.jspecify.annotations.Nullable;

/**
 * The JVM's one embedded broker, shared by every application context that runs without a configured RabbitMQ (a
 * test run may start several) and closed when the last of them closes.
 */
final class SharedEmbeddedBroker {

	private static @Nullable EmbeddedAmqpBroker broker;

	private static int users;

	private SharedEmbeddedBroker() {
	}

	/**
	 * Returns the running broker, starting it if no context uses one. Each call must be matched by a {@link #release()}.
	 * @return the broker
	 */
	static synchronized EmbeddedAmqpBroker acquire() {
		EmbeddedAmqpBroker running = broker;
		if (running == null) {
			running = EmbeddedAmqpBroker.start();
			broker = running;
		}
		users++;
		return running;
	}

	/**
	 * Gives up one use of the broker, closing it after the last.
	 */
	static synchronized void release() {
		users--;
		EmbeddedAmqpBroker running = broker;
		if (users == 0 && running != null) {
			broker = null;
			running.close();
		}
	}

}
