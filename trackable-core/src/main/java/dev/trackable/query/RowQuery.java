package dev.trackable.query;

import org.jspecify.annotations.Nullable;

/**
 * Which rows of a dataset to read, in which order, and which page of them.
 *
 * @param parentId only the rows of this parent, or {@code null} for every parent's
 * @param range only the rows whose period lies in this range ({@link TimeRange#ALL} for all-time datasets)
 * @param sort the attribute to sort by, or {@code null} for the dataset's default: newest period first, then parent
 * @param descending whether to sort in descending order
 * @param page the page index, from 0
 * @param size the rows per page, 1 to {@value #MAX_SIZE}
 */
public record RowQuery(@Nullable String parentId, TimeRange range, @Nullable String sort, boolean descending, int page,
		int size) {

	/** The most rows one page holds. */
	public static final int MAX_SIZE = 500;

	public RowQuery {
		if (page < 0) {
			throw new IllegalArgumentException("page must be 0 or more, was " + page);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE + ", was " + size);
		}
	}

	/**
	 * The first page of every row, in the default order.
	 * @param size the rows per page
	 * @return the query
	 */
	public static RowQuery firstPage(int size) {
		return new RowQuery(null, TimeRange.ALL, null, false, 0, size);
	}

}
