package dev.trackable.spool;

import org.jspecify.annotations.Nullable;

/**
 * What one {@link Spool#replay(RecordSink)} did.
 *
 * @param replayed the number of records the sink accepted
 * @param skipped the number of damaged regions skipped (each held at least part of one record)
 * @param failure what the sink threw, which stopped the replay, or {@code null} if it did not fail
 */
public record ReplayResult(int replayed, int skipped, @Nullable Exception failure) {

	/** @return whether the sink accepted every record it was offered; if not, the rest waits for the next replay */
	public boolean complete() {
		return this.failure == null;
	}

}
