package dev.trackable.fold;

import java.time.LocalDateTime;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * The unique key of a dataset row. Ordered, so that every collector writes rows in the same order and concurrent
 * collectors cannot deadlock each other.
 *
 * @param parentId the parent's id as a string
 * @param period the start of the period, or {@code null} for all-time totals
 */
public record RowKey(String parentId, @Nullable LocalDateTime period) implements Comparable<RowKey> {

	private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::parentId)
		.thenComparing(RowKey::period, Comparator.nullsFirst(Comparator.naturalOrder()));

	@Override
	public int compareTo(RowKey other) {
		return ORDER.compare(this, other);
	}

}
