package dev.trackable;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.Transient;
import org.jspecify.annotations.Nullable;

/**
 * A registered dataset: a {@link TrackableData} entity counting things about the objects of one parent entity.
 * <p>
 * Its name is the JPA entity name of its class; queues, messages and commands refer to it by that name, and the
 * collector resolves names and counters only through the registry, never through what a message says.
 */
public final class Dataset {

	private static final Set<Class<?>> COUNTER_TYPES = Set.of(int.class, long.class, Integer.class, Long.class);

	private final String name;

	private final Class<? extends TrackableData> dataClass;

	private final Class<?> parentClass;

	private final String parentType;

	private final @Nullable Period period;

	private final List<Counter> counters;

	private final Map<String, Counter> countersByName;

	private final Set<String> otherAttributes;

	private final TrackableAdmin admin;

	Dataset(Class<?> parentClass, Class<? extends TrackableData> dataClass, Period period, TrackableAdmin admin) {
		this.name = entityName(dataClass);
		this.dataClass = dataClass;
		this.parentClass = parentClass;
		this.parentType = entityName(parentClass);
		this.period = TrackableTimeSeriesData.class.isAssignableFrom(dataClass) ? period : null;
		Map<String, Counter> counters = new LinkedHashMap<>();
		Map<String, Class<?>> others = new LinkedHashMap<>();
		for (Class<?> type = dataClass; type != TrackableData.class && type != TrackableTimeSeriesData.class; type = type
			.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (!isPersistent(field)) {
					continue;
				}
				if (COUNTER_TYPES.contains(field.getType())) {
					counters.put(field.getName(), new Counter(field.getName(), counters.size(), field.getType()));
				}
				else {
					others.put(field.getName(), field.getType());
				}
			}
		}
		if (counters.isEmpty()) {
			throw new IllegalArgumentException(
					dataClass.getName() + " declares no counter: add int or long fields such as 'long impressions'");
		}
		this.counters = List.copyOf(counters.values());
		// Insertion-ordered, so that error messages list fields in declaration order.
		this.countersByName = java.util.Collections.unmodifiableMap(counters);
		this.otherAttributes = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(others.keySet()));
		this.admin = admin;
		checkListDisplay(admin);
	}

	static String entityName(Class<?> type) {
		Entity entity = type.getAnnotation(Entity.class);
		if (entity == null) {
			throw new IllegalArgumentException(type.getName() + " is not a JPA @Entity");
		}
		if (!entity.name().isEmpty()) {
			return entity.name();
		}
		// Hibernate's default entity name is the class name without its package, which for a nested class keeps the
		// enclosing class ("Outer$Inner"); the simple name would not resolve in HQL.
		String className = type.getName();
		return className.substring(className.lastIndexOf('.') + 1);
	}

	private static boolean isPersistent(Field field) {
		int modifiers = field.getModifiers();
		return !Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)
				&& !field.isAnnotationPresent(Transient.class);
	}

	private void checkListDisplay(TrackableAdmin admin) {
		for (String column : admin.listDisplay()) {
			if (!columnNames().contains(column)) {
				throw new IllegalArgumentException("listDisplay column '" + column + "' is not an attribute of "
						+ this.name + "; valid columns: " + columnNames());
			}
		}
	}

	private List<String> columnNames() {
		List<String> names = new ArrayList<>(List.of("parent", "parentType", "parentId"));
		if (isTimeSeries()) {
			names.add("collectedDuring");
		}
		names.addAll(this.countersByName.keySet());
		names.addAll(this.otherAttributes);
		return names;
	}

	/**
	 * Returns the counter with the given field name.
	 * @param field a field name
	 * @return the counter
	 * @throws IllegalArgumentException if the dataset has no such counter; the message lists the valid ones
	 */
	public Counter counter(String field) {
		Counter counter = this.countersByName.get(field);
		if (counter != null) {
			return counter;
		}
		if (this.otherAttributes.contains(field)) {
			throw new IllegalArgumentException("Field '" + field + "' of " + this.name
					+ " is not an integer counter; counters are int or long fields: " + counterNames());
		}
		throw new IllegalArgumentException(
				"Unknown field '" + field + "' for dataset " + this.name + "; valid fields: " + counterNames());
	}

	/**
	 * Returns whether this dataset declares a persistent field with the given name that is not a counter.
	 * @param field a field name
	 * @return whether it is a non-counter attribute of this dataset
	 */
	boolean hasNonCounterAttribute(String field) {
		return this.otherAttributes.contains(field);
	}

	/**
	 * Returns whether this dataset declares a counter with the given name.
	 * @param field a field name
	 * @return whether it is a counter of this dataset
	 */
	public boolean hasCounter(String field) {
		return this.countersByName.containsKey(field);
	}

	public List<String> counterNames() {
		return this.counters.stream().map(Counter::name).toList();
	}

	public String name() {
		return this.name;
	}

	public Class<? extends TrackableData> dataClass() {
		return this.dataClass;
	}

	public Class<?> parentClass() {
		return this.parentClass;
	}

	/** @return the JPA entity name of the parent, stored in each row's {@code parentType} */
	public String parentType() {
		return this.parentType;
	}

	/** @return the period of a time series, or {@code null} for all-time totals */
	public @Nullable Period period() {
		return this.period;
	}

	public boolean isTimeSeries() {
		return this.period != null;
	}

	public List<Counter> counters() {
		return this.counters;
	}

	public TrackableAdmin admin() {
		return this.admin;
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * A counter field of a dataset.
	 *
	 * @param name the field name
	 * @param index the position of the field among the dataset's counters
	 * @param type the field's Java type: {@code int}, {@code long} or a wrapper
	 */
	public record Counter(String name, int index, Class<?> type) {

		/** @return the largest value the field can hold */
		public long maxValue() {
			return (this.type == int.class || this.type == Integer.class) ? Integer.MAX_VALUE : Long.MAX_VALUE;
		}

	}

}
