package dev.trackable;

import java.util.List;

/**
 * How the admin view shows a dataset.
 *
 * @param listDisplay the columns of the dataset's table; empty for the default (parent, period and every counter)
 */
public record TrackableAdmin(List<String> listDisplay) {

	/** The default presentation. */
	public static final TrackableAdmin DEFAULT = new TrackableAdmin(List.of());

	public TrackableAdmin {
		listDisplay = List.copyOf(listDisplay);
	}

	/**
	 * A presentation with the given table columns.
	 * @param columns attribute names, e.g. {@code "parent", "collectedDuring", "impressions"}
	 * @return the admin presentation
	 */
	public static TrackableAdmin listDisplay(String... columns) {
		return new TrackableAdmin(List.of(columns));
	}

}
