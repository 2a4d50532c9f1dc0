package dev.trackable.collect;

import java.time.Duration;
import java.time.Instant;

import dev.trackable.Dataset;

/**
 * Told what the collector does, on the thread that collects: each chunk acknowledged, each malformed message set
 * aside, and how each run ended, whoever started it (the schedule, the endpoint, a command). The collection history
 * and the metrics listen; a listener must be quick and must not throw.
 */
public interface CollectionListener {

	/**
	 * A chunk of a dataset's messages was written and acknowledged.
	 * @param dataset the dataset
	 * @param chunk what the chunk did
	 */
	default void chunkCollected(Dataset dataset, CollectionResult chunk) {
	}

	/**
	 * A message from a dataset's queue could not be folded and was parked or discarded.
	 * @param dataset the dataset whose queue it came from
	 * @param reason the short reason code, e.g. {@code unknown-field}
	 */
	default void messageMalformed(Dataset dataset, String reason) {
	}

	/**
	 * A run drained the queues it was given.
	 * @param result what it did
	 */
	default void collectionSucceeded(CollectionResult result) {
	}

	/**
	 * A run stopped with a failure; the chunks written before it stay written.
	 * @param startedAt when the run started
	 * @param duration how long it ran
	 * @param failure why it stopped
	 */
	default void collectionFailed(Instant startedAt, Duration duration, RuntimeException failure) {
	}

}
