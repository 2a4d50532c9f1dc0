package dev.trackable.convert;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.trackable.Dataset;
import dev.trackable.Period;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.Metamodel;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * A {@link ConversionSpec} checked against the JPA metamodel and the dataset before anything is written, turned into
 * the queries that read the source and write the dataset, and the conversion of one source row's values.
 * <p>
 * A source row is selected as {@code [parent, key, update values..., id]}: the parent is the linked entity, or the
 * value a {@link MatchSpec} looks the parent up by; the key is the value for {@code collectedDuring}, for time series
 * only; the id is the source's, when it has one.
 */
public final class ConversionPlan {

	private static final List<Class<?>> TEMPORAL_TYPES = List.of(LocalDateTime.class, LocalDate.class, Date.class,
			Instant.class, OffsetDateTime.class, ZonedDateTime.class);

	private final Dataset dataset;

	private final String select;

	private final @Nullable String selectAfter;

	private final String count;

	private final @Nullable String parentLookup;

	private final @Nullable String keySource;

	private final List<String> updateSources;

	private final List<Dataset.Counter> updateCounters;

	private final int maxRecords;

	private final ZoneId timeZone;

	private final String upsert;

	private ConversionPlan(Dataset dataset, String select, @Nullable String selectAfter, String count,
			@Nullable String parentLookup, @Nullable String keySource, Map<String, String> updateFields,
			int maxRecords, ZoneId timeZone) {
		this.dataset = dataset;
		this.select = select;
		this.selectAfter = selectAfter;
		this.count = count;
		this.parentLookup = parentLookup;
		this.keySource = keySource;
		this.updateSources = List.copyOf(updateFields.keySet());
		this.updateCounters = updateFields.values().stream().map(dataset::counter).toList();
		this.maxRecords = maxRecords;
		this.timeZone = timeZone;
		this.upsert = upsert(dataset, this.updateCounters);
	}

	/**
	 * Checks a spec and plans its conversion.
	 * @param spec what to import
	 * @param metamodel the persistence unit's metamodel
	 * @param timeZone the zone that turns instants into the dataset's local periods
	 * @return the plan
	 * @throws IllegalArgumentException if the spec names an unknown entity or attribute, or one of the wrong kind
	 */
	static ConversionPlan of(ConversionSpec spec, Metamodel metamodel, ZoneId timeZone) {
		Dataset dataset = spec.destination();
		EntityType<?> source = Entities.find(metamodel, spec.source(), "source");
		EntityPaths paths = new EntityPaths(source, source.getName(), "s");
		List<String> selections = new ArrayList<>();
		String parentLookup = null;
		MatchSpec match = spec.matchSpec();
		if (match != null) {
			if (spec.linkField() != null) {
				throw new IllegalArgumentException("Give --link-field or --match-spec, not both");
			}
			EntityPaths.Path value = paths.value(match.sourceAttribute(), "--match-spec");
			selections.add(value.expression());
			parentLookup = parentLookup(match, metamodel, dataset, value.type());
		}
		else {
			String link = Objects.requireNonNullElse(spec.linkField(), ConversionSpec.DEFAULT_LINK_FIELD);
			EntityPaths.Path parent = paths.association(link,
					(spec.linkField() != null) ? "--link-field" : "--link-field (default " + link + ")");
			requireParent(parent.type(), dataset, "--link-field=" + link);
			selections.add(parent.expression());
		}
		String keySource = keySource(spec, dataset);
		if (keySource != null) {
			EntityPaths.Path key = paths.value(keySource, "--key-fields");
			if (TEMPORAL_TYPES.stream().noneMatch((type) -> type.isAssignableFrom(key.type()))) {
				throw new IllegalArgumentException("--key-fields: " + keySource + " of " + source.getName() + " is a "
						+ key.type().getSimpleName() + ", not a date or time for collectedDuring");
			}
			selections.add(key.expression());
		}
		checkUpdateFields(spec.updateFields(), dataset);
		for (String update : spec.updateFields().keySet()) {
			EntityPaths.Path value = paths.value(update, "--update-fields");
			if (!Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(value.type()))) {
				throw new IllegalArgumentException("--update-fields: " + update + " of " + source.getName() + " is a "
						+ value.type().getSimpleName() + ", not a number");
			}
			selections.add(value.expression());
		}
		List<String> order = new ArrayList<>();
		for (String item : spec.orderBy()) {
			boolean descending = item.startsWith("-");
			String path = descending ? item.substring(1) : item;
			order.add(paths.value(path, "--order-by").expression() + (descending ? " desc" : ""));
		}
		// Every path is resolved now, so the FROM clause has all the joins they need.
		String id = Entities.idName(source);
		String select = "select " + String.join(", ", selections) + ((id != null) ? ", s." + id : "") + " from "
				+ paths.from();
		String count = "select count(*) from " + source.getName();
		if (order.isEmpty() && id != null) {
			String byId = " order by s." + id;
			return new ConversionPlan(dataset, select + byId, select + " where s." + id + " > :after" + byId, count,
					parentLookup, keySource, spec.updateFields(), spec.maxRecords(), timeZone);
		}
		if (id != null) {
			order.add("s." + id);
		}
		return new ConversionPlan(dataset, select + (order.isEmpty() ? "" : " order by " + String.join(", ", order)),
				null, count, parentLookup, keySource, spec.updateFields(), spec.maxRecords(), timeZone);
	}

	private static String parentLookup(MatchSpec match, Metamodel metamodel, Dataset dataset, Class<?> valueType) {
		EntityType<?> parent = Entities.find(metamodel, match.entity(), "--match-spec");
		requireParent(parent.getJavaType(), dataset, "--match-spec entity " + match.entity());
		String attribute = (match.parentAttribute() != null) ? match.parentAttribute() : Entities.idName(parent);
		if (attribute == null) {
			throw new IllegalArgumentException("--match-spec: " + parent.getName()
					+ " has a composite id; name the attribute to match, as in source_attr:Entity:dest_attr");
		}
		EntityPaths parentPaths = new EntityPaths(parent, parent.getName(), "p");
		EntityPaths.Path compared = parentPaths.value(attribute, "--match-spec");
		if (ClassUtils.resolvePrimitiveIfNecessary(compared.type()) != ClassUtils
			.resolvePrimitiveIfNecessary(valueType)) {
			throw new IllegalArgumentException("--match-spec compares " + match.sourceAttribute() + ", a "
					+ valueType.getSimpleName() + ", with " + attribute + " of " + parent.getName() + ", a "
					+ compared.type().getSimpleName());
		}
		return "select " + compared.expression() + ", p from " + parentPaths.from() + " where "
				+ compared.expression() + " in (:values)";
	}

	private static void requireParent(Class<?> type, Dataset dataset, String what) {
		if (!dataset.parentClass().isAssignableFrom(type)) {
			throw new IllegalArgumentException(what + " leads to " + type.getSimpleName() + ", but the parent of "
					+ dataset.name() + " is " + dataset.parentType());
		}
	}

	private static @Nullable String keySource(ConversionSpec spec, Dataset dataset) {
		Map<String, String> keys = spec.keyFields();
		if (!dataset.isTimeSeries()) {
			if (!keys.isEmpty()) {
				throw new IllegalArgumentException(dataset.name()
						+ " keeps one row per parent, without a period: it takes no --key-fields");
			}
			return null;
		}
		if (keys.size() != 1 || !keys.containsValue("collectedDuring")) {
			throw new IllegalArgumentException(dataset.name() + " keeps one row per parent and " + dataset.period()
					+ ": give the source's date or time for it as --key-fields=<source attribute>:collectedDuring, "
					+ "its only key besides the parent");
		}
		return keys.keySet().iterator().next();
	}

	private static void checkUpdateFields(Map<String, String> updates, Dataset dataset) {
		if (updates.isEmpty()) {
			throw new IllegalArgumentException("Nothing to copy: give --update-fields=<source attribute>:<counter>,... "
					+ "with counters of " + dataset.name() + ": " + dataset.counterNames());
		}
		updates.values().forEach(dataset::counter);
		if (new HashSet<>(updates.values()).size() < updates.size()) {
			throw new IllegalArgumentException("--update-fields names a counter twice: " + updates);
		}
	}

	/**
	 * Reads a batch of source rows. Without an order of the operator's, rows are read in id order and each batch
	 * starts after the last id of the one before, so that reading a large table does not slow down batch by batch as
	 * skipping an offset would; otherwise batches start at an offset.
	 * @param entityManager an entity manager
	 * @param read the number of rows read before
	 * @param after the source id of the last row read before, or {@code null} before the first batch
	 * @param size the most rows to read
	 * @return the query
	 */
	TypedQuery<Object[]> batch(EntityManager entityManager, long read, @Nullable Object after, int size) {
		if (this.selectAfter == null) {
			return entityManager.createQuery(this.select, Object[].class)
				.setFirstResult(Math.toIntExact(read))
				.setMaxResults(size);
		}
		TypedQuery<Object[]> query = (after != null)
				? entityManager.createQuery(this.selectAfter, Object[].class).setParameter("after", after)
				: entityManager.createQuery(this.select, Object[].class);
		return query.setMaxResults(size);
	}

	/**
	 * @param row a row read by {@link #batch}
	 * @return its source id, which the next batch starts after
	 */
	@Nullable Object id(Object[] row) {
		return (this.selectAfter != null) ? row[row.length - 1] : null;
	}

	String count() {
		return this.count;
	}

	/** @return the query that finds parents by the match spec's values, or {@code null} for a link field */
	@Nullable String parentLookup() {
		return this.parentLookup;
	}

	int maxRecords() {
		return this.maxRecords;
	}

	/**
	 * Converts a source row's key and values into the parameters of {@link #upsert()}.
	 * @param row the selected row
	 * @param parentId the parent's id
	 * @return the parameters, or why the row is skipped
	 */
	Converted convert(Object[] row, String parentId) {
		List<Object> parameters = new ArrayList<>(List.of(this.dataset.parentType(), parentId));
		int column = 1;
		if (this.keySource != null) {
			Object key = row[column++];
			if (key == null) {
				return Converted.skipped("null " + this.keySource);
			}
			LocalDateTime period = localDateTime(key);
			Period length = Objects.requireNonNull(this.dataset.period());
			if (!length.start(period).equals(period)) {
				return Converted.skipped(this.keySource + " not the start of a " + length + " period");
			}
			parameters.add(period);
		}
		Object[] counters = new Object[this.dataset.counters().size()];
		this.dataset.counters().forEach((counter) -> counters[counter.index()] = counterValue(counter, 0));
		for (int i = 0; i < this.updateSources.size(); i++, column++) {
			String name = this.updateSources.get(i);
			Dataset.Counter counter = this.updateCounters.get(i);
			if (row[column] == null) {
				return Converted.skipped("null " + name);
			}
			Long value = wholeNumber((Number) row[column], counter);
			if (value == null) {
				return Converted.skipped(name + " not a whole number " + counter.name() + " can hold");
			}
			counters[counter.index()] = counterValue(counter, value);
		}
		parameters.addAll(List.of(counters));
		return new Converted(parameters, null);
	}

	private LocalDateTime localDateTime(Object value) {
		if (value instanceof LocalDateTime time) {
			return time;
		}
		if (value instanceof LocalDate date) {
			return date.atStartOfDay();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().atStartOfDay();
		}
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toLocalDateTime();
		}
		if (value instanceof Date date) {
			return LocalDateTime.ofInstant(date.toInstant(), this.timeZone);
		}
		if (value instanceof Instant instant) {
			return LocalDateTime.ofInstant(instant, this.timeZone);
		}
		if (value instanceof OffsetDateTime time) {
			return LocalDateTime.ofInstant(time.toInstant(), this.timeZone);
		}
		return LocalDateTime.ofInstant(((ZonedDateTime) value).toInstant(), this.timeZone);
	}

	private static @Nullable Long wholeNumber(Number number, Dataset.Counter counter) {
		try {
			long value = new BigDecimal(number.toString()).longValueExact();
			return (Math.abs(value) <= counter.maxValue()) ? value : null;
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return null;
		}
	}

	private static Object counterValue(Dataset.Counter counter, long value) {
		return (counter.maxValue() == Integer.MAX_VALUE) ? (Object) (int) value : (Object) value;
	}

	/**
	 * @return the statement that writes one row: it creates the row, with zeros in the counters it does not copy,
	 * or sets the copied counters of the row that exists. Setting rather than adding makes a second run write the
	 * same values again.
	 */
	String upsert() {
		return this.upsert;
	}

	private static String upsert(Dataset dataset, List<Dataset.Counter> updateCounters) {
		List<String> keys = new ArrayList<>(List.of("parentType", "parentId"));
		if (dataset.isTimeSeries()) {
			keys.add("collectedDuring");
		}
		List<String> columns = new ArrayList<>(keys);
		columns.addAll(dataset.counterNames());
		StringBuilder values = new StringBuilder();
		for (int i = 1; i <= columns.size(); i++) {
			values.append((i > 1) ? ", ?" : "?").append(i);
		}
		return "insert into " + dataset.name() + " (" + String.join(", ", columns) + ") values (" + values
				+ ") on conflict (" + String.join(", ", keys) + ") do update set "
				+ updateCounters.stream()
					.map((counter) -> counter.name() + " = excluded." + counter.name())
					.collect(Collectors.joining(", "));
	}

	/**
	 * A converted source row.
	 *
	 * @param parameters the parameters of {@link ConversionPlan#upsert()}, when it is written
	 * @param skipReason why it is not, or {@code null}
	 */
	record Converted(List<Object> parameters, @Nullable String skipReason) {

		static Converted skipped(String reason) {
			return new Converted(List.of(), reason);
		}

	}

}
