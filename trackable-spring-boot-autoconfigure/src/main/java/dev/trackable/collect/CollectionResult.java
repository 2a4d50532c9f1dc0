package dev.trackable.collect;

import java.time.Duration;
import java.time.Instant;

/**
 * What one collection run did.
 *
 * @param startedAt when the run started
 * @param duration how long it took
 * @param messages messages folded and acknowledged
 * @param increments counter increments those messages carried
 * @param rows rows upserted
 * @param statements upsert statements executed
 * @param malformed messages parked or discarded as malformed
 * @param duplicates messages acknowledged without folding because they had been folded before
 */
public record CollectionResult(Instant startedAt, Duration duration, long messages, long increments, long rows,
		long statements, long malformed, long duplicates) {

	static final CollectionResult NONE = new CollectionResult(Instant.EPOCH, Duration.ZERO, 0, 0, 0, 0, 0, 0);

	static CollectionResult malformed(long count) {
		return new CollectionResult(Instant.EPOCH, Duration.ZERO, 0, 0, 0, 0, count, 0);
	}

	static CollectionResult written(long messages, long increments, long rows, long statements, long duplicates) {
		return new CollectionResult(Instant.EPOCH, Duration.ZERO, messages, increments, rows, statements, 0,
				duplicates);
	}

	/** @return every message the run took from the queues */
	public long taken() {
		return this.messages + this.malformed + this.duplicates;
	}

	/**
	 * Adds what another run or chunk did; the start and duration stay this one's.
	 * @param chunk the other result
	 * @return the sum
	 */
	public CollectionResult plus(CollectionResult chunk) {
		return new CollectionResult(this.startedAt, this.duration, this.messages + chunk.messages,
				this.increments + chunk.increments, this.rows + chunk.rows, this.statements + chunk.statements,
				this.malformed + chunk.malformed, this.duplicates + chunk.duplicates);
	}

	CollectionResult startedAt(Instant start, Instant end) {
		return new CollectionResult(start, Duration.between(start, end), this.messages, this.increments, this.rows,
				this.statements, this.malformed, this.duplicates);
	}

}
