package dev.trackable.query;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.trackable.Dataset;
import dev.trackable.Period;
import dev.trackable.TrackableData;
import dev.trackable.TrackableRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows the collector wrote: the series of a counter, totals, the top parents and pages of rows.
 * <p>
 * Queries are JPQL over the dataset's entity, so they run on every database Hibernate supports. Their text is built
 * only from names the registry and the JPA metamodel know: a dataset's entity name, its counters and its basic
 * attributes, each checked before use; everything else is a bound parameter. Each call uses an entity manager of
 * its own and no transaction.
 */
public final class TrackableQueries {

	/** The most periods one series may span, so that a careless range cannot ask for millions of points. */
	public static final int MAX_POINTS = 10_000;

	/** The most parents one ranking or name lookup may return. */
	public static final int MAX_PARENTS = 1000;

	private final TrackableRegistry registry;

	private final EntityManagerFactory entityManagerFactory;

	private final Map<String, DatasetColumns> columns = new ConcurrentHashMap<>();

	public TrackableQueries(TrackableRegistry registry, EntityManagerFactory entityManagerFactory) {
		this.registry = registry;
		this.entityManagerFactory = entityManagerFactory;
	}

	/**
	 * Returns a registered dataset by name.
	 * @param name the dataset's name, the JPA entity name of its class
	 * @return the dataset
	 * @throws IllegalArgumentException if no dataset has that name; the message lists the registered ones
	 */
	public Dataset dataset(String name) {
		Dataset dataset = this.registry.dataset(name);
		if (dataset == null) {
			throw new IllegalArgumentException("Unknown dataset '" + name + "'; datasets: "
					+ this.registry.datasets().stream().map(Dataset::name).toList());
		}
		return dataset;
	}

	/**
	 * Returns a registered dataset by its entity class.
	 * @param dataClass the dataset's entity class
	 * @return the dataset
	 * @throws IllegalArgumentException if the class is not a registered dataset
	 */
	public Dataset dataset(Class<? extends TrackableData> dataClass) {
		return this.registry.datasets()
			.stream()
			.filter((dataset) -> dataset.dataClass() == dataClass)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(dataClass.getName() + " is not a registered dataset"));
	}

	/**
	 * Returns the values of one counter of one parent in every period of a range, oldest first; periods without a
	 * row count zero.
	 * @param dataset a time series dataset
	 * @param parentId the parent's id as a string
	 * @param field the counter
	 * @param range a bounded range
	 * @return the series, one point per period whose start lies in the range
	 * @throws IllegalArgumentException if the dataset keeps all-time totals, the field is not one of its counters,
	 * the range is open or spans more than {@value #MAX_POINTS} periods
	 */
	public Series series(Dataset dataset, String parentId, String field, TimeRange range) {
		Period period = dataset.period();
		if (period == null) {
			throw new IllegalArgumentException(dataset.name() + " keeps all-time totals: it has no series");
		}
		String counter = dataset.counter(field).name();
		if (!range.isBounded()) {
			throw new IllegalArgumentException("A series needs a range with both ends, was " + range);
		}
		List<LocalDateTime> starts = periodStarts(period, range, MAX_POINTS);
		Map<LocalDateTime, Long> values = new HashMap<>();
		read(dataset, "select d.collectedDuring, coalesce(d." + counter + ", 0)", Object[].class, parentId, range,
				"", TypedQuery::getResultList)
			.forEach((row) -> values.merge(period.start((LocalDateTime) row[0]), ((Number) row[1]).longValue(),
					Long::sum));
		List<Series.Point> points = new ArrayList<>(starts.size());
		starts.forEach((start) -> points.add(new Series.Point(start, values.getOrDefault(start, 0L))));
		return new Series(counter, period, points);
	}

	/**
	 * Returns the sum of one counter over every parent.
	 * @param dataset the dataset
	 * @param field the counter
	 * @param range the periods to add up; {@link TimeRange#ALL} for an all-time dataset
	 * @return the sum, 0 when there are no rows
	 */
	public long total(Dataset dataset, String field, TimeRange range) {
		return sum(dataset, null, field, range);
	}

	/**
	 * Returns the sum of one counter of one parent.
	 * @param dataset the dataset
	 * @param parentId the parent's id as a string
	 * @param field the counter
	 * @param range the periods to add up; {@link TimeRange#ALL} for an all-time dataset
	 * @return the sum, 0 when the parent has no rows
	 */
	public long total(Dataset dataset, String parentId, String field, TimeRange range) {
		return sum(dataset, parentId, field, range);
	}

	/**
	 * Returns the parents with the highest sums of one counter, highest first; ties in parent id order.
	 * @param dataset the dataset
	 * @param field the counter
	 * @param range the periods to add up; {@link TimeRange#ALL} for an all-time dataset
	 * @param limit how many parents, 1 to {@value #MAX_PARENTS}
	 * @return at most {@code limit} parents with their sums
	 */
	public List<ParentTotal> top(Dataset dataset, String field, TimeRange range, int limit) {
		if (limit < 1 || limit > MAX_PARENTS) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_PARENTS + ", was " + limit);
		}
		String sum = "sum(coalesce(d." + dataset.counter(field).name() + ", 0))";
		return read(dataset, "select d.parentId, " + sum, Object[].class, null, range,
				" group by d.parentId order by " + sum + " desc, d.parentId",
				(query) -> query.setMaxResults(limit).getResultList())
			.stream()
			.map((row) -> new ParentTotal((String) row[0], ((Number) row[1]).longValue()))
			.toList();
	}

	/**
	 * Returns one page of a dataset's rows.
	 * @param dataset the dataset
	 * @param query the filters, order and page
	 * @return the page
	 * @throws IllegalArgumentException if the sort column is not a basic attribute of the dataset, or the range is
	 * bounded on an all-time dataset
	 */
	public RowPage rows(Dataset dataset, RowQuery query) {
		DatasetColumns columns = columnsOf(dataset);
		String sort = (query.sort() != null) ? columns.require(query.sort())
				: (dataset.isTimeSeries() ? "collectedDuring" : "parentId");
		boolean descending = (query.sort() != null) ? query.descending() : dataset.isTimeSeries();
		String order = " order by d." + sort + (descending ? " desc" : " asc")
				+ (sort.equals("parentId") ? "" : ", d.parentId asc") + ", d.id asc";
		List<String> names = columns.names();
		String select = "select " + String.join(", ", names.stream().map((name) -> "d." + name).toList());
		List<Object[]> found = read(dataset, select, Object[].class, query.parentId(), query.range(), order,
				(typed) -> typed.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
					.getResultList());
		Long total = read(dataset, "select count(d)", Long.class, query.parentId(), query.range(), "",
				TypedQuery::getSingleResult);
		List<Map<String, @Nullable Object>> rows = new ArrayList<>(found.size());
		for (Object[] values : found) {
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			for (int i = 0; i < names.size(); i++) {
				Object value = values[i];
				row.put(names.get(i), (value == null && dataset.hasCounter(names.get(i))) ? 0L : value);
			}
			rows.add(row);
		}
		return new RowPage(names, rows, query.page(), query.size(), (total != null) ? total : 0);
	}

	/**
	 * Names parents for display: the value of their {@code title}, {@code name} or {@code label} attribute when the
	 * parent entity has one and the parent exists, otherwise {@code Type #id}. Names are the parents' own data:
	 * escape them wherever they are shown.
	 * @param dataset the dataset whose parents to name
	 * @param parentIds at most {@value #MAX_PARENTS} parent ids as stored in the rows
	 * @return a name for each id, in the order given
	 */
	public Map<String, String> parentNames(Dataset dataset, Collection<String> parentIds) {
		if (parentIds.size() > MAX_PARENTS) {
			throw new IllegalArgumentException("At most " + MAX_PARENTS + " parents at once, was " + parentIds.size());
		}
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			return ParentNames.of(entityManager, dataset, parentIds);
		}
	}

	private long sum(Dataset dataset, @Nullable String parentId, String field, TimeRange range) {
		Number sum = read(dataset, "select sum(coalesce(d." + dataset.counter(field).name() + ", 0))", Number.class,
				parentId, range, "", TypedQuery::getSingleResult);
		return (sum != null) ? sum.longValue() : 0;
	}

	/**
	 * Runs {@code select from <dataset> d where <parent type, parent, range> tail}.
	 */
	private <T, R> R read(Dataset dataset, String select, Class<T> type, @Nullable String parentId, TimeRange range,
			String tail, Function<TypedQuery<T>, R> execution) {
		if (!dataset.isTimeSeries() && !range.isAll()) {
			throw new IllegalArgumentException(dataset.name() + " keeps all-time totals: it has no periods to range over");
		}
		StringBuilder jpql = new StringBuilder(select).append(" from ")
			.append(dataset.name())
			.append(" d where d.parentType = :parentType");
		if (parentId != null) {
			jpql.append(" and d.parentId = :parentId");
		}
		if (range.from() != null) {
			jpql.append(" and d.collectedDuring >= :from");
		}
		if (range.until() != null) {
			jpql.append(" and d.collectedDuring < :until");
		}
		jpql.append(tail);
		try (EntityManager entityManager = this.entityManagerFactory.createEntityManager()) {
			TypedQuery<T> query = entityManager.createQuery(jpql.toString(), type)
				.setParameter("parentType", dataset.parentType());
			if (parentId != null) {
				query.setParameter("parentId", parentId);
			}
			if (range.from() != null) {
				query.setParameter("from", range.from());
			}
			if (range.until() != null) {
				query.setParameter("until", range.until());
			}
			return execution.apply(query);
		}
	}

	/**
	 * Returns the start of every period that starts in a bounded range.
	 * @param period the length of the periods
	 * @param range a bounded range
	 * @param max the most periods allowed
	 * @return the period starts, oldest first
	 * @throws IllegalArgumentException if the range holds more than {@code max} periods
	 */
	private static List<LocalDateTime> periodStarts(Period period, TimeRange range, int max) {
		LocalDateTime from = range.from();
		LocalDateTime until = range.until();
		if (from == null || until == null) {
			throw new IllegalArgumentException("A range with both ends is needed, was " + range);
		}
		List<LocalDateTime> starts = new ArrayList<>();
		LocalDateTime start = period.start(from);
		if (start.isBefore(from)) {
			start = period.next(start);
		}
		for (; start.isBefore(until); start = period.next(start)) {
			if (starts.size() == max) {
				throw new IllegalArgumentException(
						"The range " + range + " holds more than " + max + " periods of one " + period);
			}
			starts.add(start);
		}
		return starts;
	}

	private DatasetColumns columnsOf(Dataset dataset) {
		return this.columns.computeIfAbsent(dataset.name(),
				(name) -> DatasetColumns.of(this.entityManagerFactory.getMetamodel(), dataset));
	}

}
