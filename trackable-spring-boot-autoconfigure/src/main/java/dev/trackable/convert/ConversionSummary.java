package dev.trackable.convert;

import java.util.Map;

/**
 * What a conversion did, or would do on a dry run.
 *
 * @param read the source rows read
 * @param migrated the rows written into the dataset (on a dry run: that would have been written)
 * @param skipped the source rows left out, by reason, e.g. {@code no parent found}
 */
public record ConversionSummary(long read, long migrated, Map<String, Long> skipped) {

	/** @return the number of source rows left out for any reason */
	public long skippedCount() {
		return this.skipped.values().stream().mapToLong(Long::longValue).sum();
	}

}
