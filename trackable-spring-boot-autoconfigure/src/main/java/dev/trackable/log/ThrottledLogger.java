package dev.trackable.log;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;

/**
 * Logs a recurring problem at most once per interval, with the number of occurrences it left out, so that a broker
 * outage or a stream of bad messages cannot flood the log.
 */
public final class ThrottledLogger {

	private final Logger logger;

	private final long intervalNanos;

	private final AtomicLong nextAllowed = new AtomicLong(System.nanoTime());

	private final AtomicLong suppressed = new AtomicLong();

	public ThrottledLogger(Logger logger, long interval, TimeUnit unit) {
		this.logger = logger;
		this.intervalNanos = unit.toNanos(interval);
	}

	/**
	 * Logs a warning unless one was logged less than an interval ago.
	 * @param message the message, with SLF4J placeholders
	 * @param arguments the arguments
	 */
	public void warn(String message, Object... arguments) {
		if (allowed()) {
			this.logger.warn(withSuppressed(message), arguments);
		}
	}

	/**
	 * Logs an error unless one was logged less than an interval ago.
	 * @param message the message, with SLF4J placeholders
	 * @param arguments the arguments
	 */
	public void error(String message, Object... arguments) {
		if (allowed()) {
			this.logger.error(withSuppressed(message), arguments);
		}
	}

	private boolean allowed() {
		long now = System.nanoTime();
		long allowed = this.nextAllowed.get();
		if (now - allowed < 0 || !this.nextAllowed.compareAndSet(allowed, now + this.intervalNanos)) {
			this.suppressed.incrementAndGet();
			return false;
		}
		return true;
	}

	private String withSuppressed(String message) {
		long left = this.suppressed.getAndSet(0);
		return (left > 0) ? message + " (" + left + " similar messages left out)" : message;
	}

}
