package dev.trackable.query;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One page of a dataset's rows.
 *
 * @param columns the attribute names every row has, in display order: id, parent type and id, period, counters,
 * then any other basic attributes
 * @param rows the rows, each an attribute name to value map in column order; counters read 0 where they are NULL
 * @param page the page index, from 0
 * @param size the rows per page asked for
 * @param total the number of rows that match the query on all pages
 */
public record RowPage(List<String> columns, List<Map<String, @Nullable Object>> rows, int page, int size, long total) {

	public RowPage {
		columns = List.copyOf(columns);
		rows = List.copyOf(rows);
	}

	/** @return the number of pages, at least 1 */
	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

}
