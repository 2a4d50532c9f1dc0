package dev.trackable.send;

import java.time.Duration;

/**
 * Spaces out attempts to reach a broker that is down: the delay doubles after each failure up to a maximum, and
 * resets after a success. Used by the publisher thread only.
 */
final class Backoff {

	private final long initialNanos;

	private final long maxNanos;

	private long delayNanos;

	private long nextAttemptNanos = System.nanoTime();

	Backoff(Duration initial, Duration max) {
		this.initialNanos = initial.toNanos();
		this.maxNanos = Math.max(max.toNanos(), this.initialNanos);
		this.delayNanos = this.initialNanos;
	}

	boolean ready() {
		return System.nanoTime() - this.nextAttemptNanos >= 0;
	}

	void succeeded() {
		this.delayNanos = this.initialNanos;
		this.nextAttemptNanos = System.nanoTime();
	}

	void failed() {
		this.nextAttemptNanos = System.nanoTime() + this.delayNanos;
		this.delayNanos = Math.min(this.maxNanos, this.delayNanos * 2);
	}

}
