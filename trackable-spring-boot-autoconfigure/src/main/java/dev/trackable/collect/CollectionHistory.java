package dev.trackable.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How the latest collection runs ended, whoever started them, so that the endpoint can show the last one and the
 * health indicator can tell when collection has not succeeded for too long.
 */
public final class CollectionHistory implements CollectionListener {

	private final Instant since;

	private @Nullable CollectionResult lastSuccess;

	private @Nullable Failure lastFailure;

	private int failuresSinceSuccess;

	/**
	 * Creates an empty history.
	 * @param clock tells when the history starts, which stands for the last success until there is one
	 */
	public CollectionHistory(Clock clock) {
		this.since = clock.instant();
	}

	@Override
	public synchronized void collectionSucceeded(CollectionResult result) {
		this.lastSuccess = result;
		this.failuresSinceSuccess = 0;
	}

	@Override
	public synchronized void collectionFailed(Instant startedAt, Duration duration, RuntimeException failure) {
		this.lastFailure = new Failure(startedAt, duration, String.valueOf(failure.getMessage()));
		this.failuresSinceSuccess++;
	}

	/** @return when the history started: the application's start */
	public Instant since() {
		return this.since;
	}

	/** @return what the last successful run did, or {@code null} if none has succeeded yet */
	public synchronized @Nullable CollectionResult lastSuccess() {
		return this.lastSuccess;
	}

	/** @return the last failed run, or {@code null} if none has failed */
	public synchronized @Nullable Failure lastFailure() {
		return this.lastFailure;
	}

	/** @return the number of runs that failed since the last success (or since the start) */
	public synchronized int failuresSinceSuccess() {
		return this.failuresSinceSuccess;
	}

	/**
	 * Returns when collection last succeeded: the end of the last successful run, or the start of the history if no
	 * run has succeeded yet, so that an application whose collector never succeeds is noticed all the same.
	 * @return the instant
	 */
	public synchronized Instant lastSucceededAt() {
		CollectionResult success = this.lastSuccess;
		return (success != null) ? success.startedAt().plus(success.duration()) : this.since;
	}

	/**
	 * A run that failed.
	 *
	 * @param startedAt when it started
	 * @param duration how long it ran
	 * @param error why it failed
	 */
	public record Failure(Instant startedAt, Duration duration, String error) {
	}

}
