package dev.trackable.convert;

import java.util.List;
import java.util.Map;

import dev.trackable.Dataset;
import org.jspecify.annotations.Nullable;

/**
 * What to import, as the operator asked for it; {@link TrackingDataConverter#plan(ConversionSpec)} checks it.
 *
 * @param source the source entity's name (or its class's simple or fully qualified name)
 * @param destination the dataset to import into
 * @param keyFields source attribute to destination key attribute: for a time series, the source's date or time into
 * {@code collectedDuring}; none for all-time totals
 * @param updateFields source attribute to destination counter, the values to copy
 * @param linkField the dotted path of the association from a source row to its parent, or {@code null} when
 * {@code matchSpec} is given (then {@code parent} if neither is)
 * @param matchSpec how to find the parent by a value instead, or {@code null}
 * @param maxRecords the most source rows to read, or 0 for all
 * @param orderBy the dotted paths of source attributes to read rows in, each optionally with a leading {@code -} for
 * descending order; the source's id always breaks ties, so that batches neither skip nor repeat rows
 */
public record ConversionSpec(String source, Dataset destination, Map<String, String> keyFields,
		Map<String, String> updateFields, @Nullable String linkField, @Nullable MatchSpec matchSpec, int maxRecords,
		List<String> orderBy) {

	/** The link field django-trackable used when none is given. */
	public static final String DEFAULT_LINK_FIELD = "parent";

}
