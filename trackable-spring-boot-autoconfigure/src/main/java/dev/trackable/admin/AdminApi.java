package dev.trackable.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableRegistry;
import dev.trackable.query.ParentTotal;
import dev.trackable.query.RowPage;
import dev.trackable.query.RowQuery;
import dev.trackable.query.Series;
import dev.trackable.query.TimeRange;
import dev.trackable.query.TrackableQueries;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The JSON endpoints behind the admin page. Dataset and field names from the request are resolved through the
 * registry before anything is queried; unknown ones answer 404 and 400.
 */
final class AdminApi {

	/** The column that shows the parent's name; it sorts by parent id. */
	static final String PARENT_COLUMN = "parent";

	private static final int DEFAULT_PAGE_SIZE = 25;

	private static final int DEFAULT_TOP = 10;

	private final TrackableRegistry registry;

	private final TrackableQueries queries;

	private final Clock clock;

	/**
	 * Creates the endpoints.
	 * @param registry the datasets
	 * @param queries the read API
	 * @param clock the clock in {@code trackable.time-zone}, which says which period is the current one
	 */
	AdminApi(TrackableRegistry registry, TrackableQueries queries, Clock clock) {
		this.registry = registry;
		this.queries = queries;
		this.clock = clock;
	}

	ServerResponse datasets(ServerRequest request) {
		List<DatasetView> datasets = this.registry.datasets()
			.stream()
			.map((dataset) -> new DatasetView(dataset.name(), dataset.parentType(), periodOf(dataset),
					dataset.counterNames(), columnsOf(dataset)))
			.toList();
		return ServerResponse.ok().body(datasets);
	}

	ServerResponse rows(ServerRequest request) {
		Dataset dataset = dataset(request);
		String sort = request.param("sort").filter((name) -> !name.isEmpty()).orElse(null);
		if (sort != null && !columnsOf(dataset).contains(sort)) {
			throw new IllegalArgumentException("Cannot sort by '" + sort + "'; columns: " + columnsOf(dataset));
		}
		boolean descending = request.param("direction").map("desc"::equals).orElse(false);
		String parentId = request.param("parent").filter((id) -> !id.isEmpty()).orElse(null);
		RowQuery query = new RowQuery(parentId, range(request), PARENT_COLUMN.equals(sort) ? "parentId" : sort,
				descending, intParam(request, "page", 0), intParam(request, "size", DEFAULT_PAGE_SIZE));
		RowPage page = this.queries.rows(dataset, query);
		Map<String, String> names = this.queries.parentNames(dataset,
				page.rows().stream().map((row) -> String.valueOf(row.get("parentId"))).distinct().toList());
		List<RowView> rows = new ArrayList<>();
		for (Map<String, @Nullable Object> row : page.rows()) {
			String id = String.valueOf(row.get("parentId"));
			Map<String, @Nullable Object> cells = new LinkedHashMap<>();
			columnsOf(dataset).forEach((column) -> cells.put(column,
					PARENT_COLUMN.equals(column) ? names.get(id) : json(row.get(column))));
			rows.add(new RowView(id, names.get(id), cells));
		}
		return ServerResponse.ok()
			.body(new RowsView(dataset.name(), columnsOf(dataset), sort, descending, page.page(), page.size(),
					page.total(), page.pages(), rows));
	}

	ServerResponse parent(ServerRequest request) {
		Dataset dataset = dataset(request);
		String parentId = request.param("id")
			.filter((id) -> !id.isEmpty())
			.orElseThrow(() -> new IllegalArgumentException("Parameter 'id' is missing"));
		String name = this.queries.parentNames(dataset, List.of(parentId)).get(parentId);
		TimeRange range = TimeRange.ALL;
		List<String> points = List.of();
		List<SeriesView> series = new ArrayList<>();
		Map<String, Long> totals = new LinkedHashMap<>();
		Period period = dataset.period();
		if (period != null) {
			range = rangeOrRecent(request, period);
			for (String field : dataset.counterNames()) {
				Series values = this.queries.series(dataset, parentId, field, range);
				points = values.points().stream().map((point) -> point.period().toString()).toList();
				series.add(new SeriesView(field, values.points().stream().map(Series.Point::value).toList()));
			}
		}
		for (String field : dataset.counterNames()) {
			totals.put(field, this.queries.total(dataset, parentId, field, range));
		}
		return ServerResponse.ok()
			.body(new ParentView(dataset.name(), parentId, name, periodOf(dataset), text(range.from()),
					text(range.until()), points, series, totals));
	}

	ServerResponse top(ServerRequest request) {
		Dataset dataset = dataset(request);
		String field = request.param("field")
			.filter((name) -> !name.isEmpty())
			.orElse(dataset.counterNames().get(0));
		TimeRange range = range(request);
		int limit = intParam(request, "limit", DEFAULT_TOP);
		List<ParentTotal> top = this.queries.top(dataset, field, range, limit);
		Map<String, String> names = this.queries.parentNames(dataset, top.stream().map(ParentTotal::parentId).toList());
		List<RankView> parents = top.stream()
			.map((parent) -> new RankView(parent.parentId(), names.get(parent.parentId()), parent.total()))
			.toList();
		return ServerResponse.ok()
			.body(new TopView(dataset.name(), field, text(range.from()), text(range.until()), limit, parents));
	}

	/**
	 * Returns the table columns of a dataset: its registration's {@code listDisplay}, or the parent, the period and
	 * every counter.
	 */
	static List<String> columnsOf(Dataset dataset) {
		if (!dataset.admin().listDisplay().isEmpty()) {
			return dataset.admin().listDisplay();
		}
		List<String> columns = new ArrayList<>();
		columns.add(PARENT_COLUMN);
		if (dataset.isTimeSeries()) {
			columns.add("collectedDuring");
		}
		columns.addAll(dataset.counterNames());
		return columns;
	}

	private Dataset dataset(ServerRequest request) {
		Dataset dataset = this.registry.dataset(request.pathVariable("dataset"));
		if (dataset == null) {
			throw new UnknownDatasetException(request.pathVariable("dataset"));
		}
		return dataset;
	}

	/**
	 * The recent periods unless the request names a range: 48 hours, 30 days, 26 weeks or 12 months, ending with
	 * the current one.
	 */
	private TimeRange rangeOrRecent(ServerRequest request, Period period) {
		TimeRange asked = range(request);
		LocalDateTime current = period.start(LocalDateTime.now(this.clock));
		LocalDateTime until = (asked.until() != null) ? asked.until() : period.next(current);
		if (asked.from() != null) {
			return TimeRange.between(asked.from(), until);
		}
		LocalDateTime from = switch (period) {
			case HOUR -> until.minusHours(48);
			case DAY -> until.minusDays(30);
			case WEEK -> until.minusWeeks(26);
			case MONTH -> until.minusMonths(12);
		};
		return TimeRange.between(from, until);
	}

	private static TimeRange range(ServerRequest request) {
		return new TimeRange(dateTime(request, "from"), dateTime(request, "until"));
	}

	/** Reads {@code 2026-01-31} as the start of that day, or a full {@code 2026-01-31T10:00}. */
	private static @Nullable LocalDateTime dateTime(ServerRequest request, String name) {
		String value = request.param(name).orElse("");
		if (value.isEmpty()) {
			return null;
		}
		try {
			return (value.length() == 10) ? LocalDate.parse(value).atStartOfDay() : LocalDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Parameter '" + name + "' is not a date (2026-01-31) or date-time "
					+ "(2026-01-31T10:00)");
		}
	}

	private static int intParam(ServerRequest request, String name, int fallback) {
		String value = request.param(name).orElse("");
		try {
			return value.isEmpty() ? fallback : Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Parameter '" + name + "' is not a whole number");
		}
	}

	private static @Nullable String periodOf(Dataset dataset) {
		Period period = dataset.period();
		return (period != null) ? period.name() : null;
	}

	private static @Nullable String text(@Nullable LocalDateTime time) {
		return (time != null) ? time.toString() : null;
	}

	/** Numbers and text as they are; anything else (dates, enums) as its string form. */
	private static @Nullable Object json(@Nullable Object value) {
		return (value == null || value instanceof Number || value instanceof String) ? value : value.toString();
	}

	/** A request named a dataset the registry does not have. */
	static final class UnknownDatasetException extends RuntimeException {

		UnknownDatasetException(String name) {
			super("No dataset named '" + name + "'");
		}

	}

	record DatasetView(String name, String parentType, @Nullable String period, List<String> counters,
			List<String> columns) {
	}

	record RowsView(String dataset, List<String> columns, @Nullable String sort, boolean descending, int page,
			int size, long total, int pages, List<RowView> rows) {
	}

	record RowView(String parentId, @Nullable String parentName, Map<String, @Nullable Object> cells) {
	}

	record ParentView(String dataset, String parentId, @Nullable String parentName, @Nullable String period,
			@Nullable String from, @Nullable String until, List<String> points, List<SeriesView> series,
			Map<String, Long> totals) {
	}

	record SeriesView(String field, List<Long> values) {
	}

	record TopView(String dataset, String field, @Nullable String from, @Nullable String until, int limit,
			List<RankView> parents) {
	}

	record RankView(String parentId, @Nullable String parentName, long total) {
	}

}
