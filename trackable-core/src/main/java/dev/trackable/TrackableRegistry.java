package dev.trackable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The datasets registered for parent entities: django-trackable's {@code trackable.site}.
 * <p>
 * Safe for concurrent use: registrations replace an immutable snapshot, so lookups on the request path take no lock.
 */
public final class TrackableRegistry {

	private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

	/** Parent lookups by runtime class, which may be a proxy subclass of the registered parent. */
	private final Map<Class<?>, List<Dataset>> byRuntimeClass = new ConcurrentHashMap<>();

	/**
	 * Registers a dataset for a parent entity, with the default period and admin presentation.
	 * @param parentClass the parent entity class
	 * @param dataClass the dataset's entity class
	 * @return the registered dataset
	 */
	public Dataset register(Class<?> parentClass, Class<? extends TrackableData> dataClass) {
		return register(parentClass, dataClass, Period.DAY, TrackableAdmin.DEFAULT);
	}

	public Dataset register(Class<?> parentClass, Class<? extends TrackableData> dataClass, TrackableAdmin admin) {
		return register(parentClass, dataClass, Period.DAY, admin);
	}

	public Dataset register(Class<?> parentClass, Class<? extends TrackableData> dataClass, Period period) {
		return register(parentClass, dataClass, period, TrackableAdmin.DEFAULT);
	}

	/**
	 * Registers a dataset for a parent entity.
	 * @param parentClass the parent entity class
	 * @param dataClass the dataset's entity class
	 * @param period the period of a time series (ignored for all-time totals)
	 * @param admin how the admin view shows the dataset
	 * @return the registered dataset
	 * @throws IllegalArgumentException if the pair is already registered, the dataset already belongs to another
	 * parent, or either class is not a usable entity
	 */
	public synchronized Dataset register(Class<?> parentClass, Class<? extends TrackableData> dataClass, Period period,
			TrackableAdmin admin) {
		Dataset dataset = new Dataset(parentClass, dataClass, period, admin);
		Dataset existing = this.snapshot.byName.get(dataset.name());
		if (existing != null) {
			throw new IllegalArgumentException((existing.parentClass() == parentClass)
					? dataset.name() + " is already registered for " + parentClass.getName()
					: dataset.name() + " is already registered for another parent, "
							+ existing.parentClass().getName() + "; a dataset belongs to one parent");
		}
		Map<String, Dataset> byName = new LinkedHashMap<>(this.snapshot.byName);
		byName.put(dataset.name(), dataset);
		Map<Class<?>, List<Dataset>> byParent = new LinkedHashMap<>(this.snapshot.byParent);
		List<Dataset> ofParent = new ArrayList<>(byParent.getOrDefault(parentClass, List.of()));
		ofParent.add(dataset);
		byParent.put(parentClass, List.copyOf(ofParent));
		publish(new Snapshot(byName, byParent));
		return dataset;
	}

	/**
	 * Registers every class annotated with {@link TrackableDataset}, in class name order.
	 * @param entityClasses the persistence unit's entity classes
	 * @return the registered datasets
	 */
	public List<Dataset> registerAnnotated(Collection<Class<?>> entityClasses) {
		return entityClasses.stream()
			.filter((type) -> type.isAnnotationPresent(TrackableDataset.class))
			.sorted(java.util.Comparator.comparing(Class::getName))
			.map((type) -> {
				if (!TrackableData.class.isAssignableFrom(type)) {
					throw new IllegalArgumentException(type.getName()
							+ " is annotated with @TrackableDataset but does not extend TrackableData");
				}
				TrackableDataset annotation = type.getAnnotation(TrackableDataset.class);
				return register(annotation.parent(), type.asSubclass(TrackableData.class), annotation.period(),
						TrackableAdmin.DEFAULT);
			})
			.toList();
	}

	/**
	 * Removes every dataset of a parent entity.
	 * @param parentClass the parent entity class
	 * @return the datasets removed
	 */
	public synchronized List<Dataset> unregister(Class<?> parentClass) {
		List<Dataset> removed = this.snapshot.byParent.getOrDefault(parentClass, List.of());
		Map<String, Dataset> byName = new LinkedHashMap<>(this.snapshot.byName);
		removed.forEach((dataset) -> byName.remove(dataset.name()));
		Map<Class<?>, List<Dataset>> byParent = new LinkedHashMap<>(this.snapshot.byParent);
		byParent.remove(parentClass);
		publish(new Snapshot(byName, byParent));
		return removed;
	}

	private void publish(Snapshot snapshot) {
		this.snapshot = snapshot;
		this.byRuntimeClass.clear();
	}

	/**
	 * Returns the datasets of an object's class, or of its closest registered superclass (a lazy-loading proxy's
	 * class is a subclass of the entity's).
	 * @param parentClass the runtime class of a parent object
	 * @return its datasets, empty if the class is not registered
	 */
	public List<Dataset> datasetsOf(Class<?> parentClass) {
		List<Dataset> cached = this.byRuntimeClass.get(parentClass);
		if (cached != null) {
			return cached;
		}
		Snapshot current = this.snapshot;
		List<Dataset> found = List.of();
		for (Class<?> type = parentClass; type != null && type != Object.class; type = type.getSuperclass()) {
			List<Dataset> datasets = current.byParent.get(type);
			if (datasets != null) {
				found = datasets;
				break;
			}
		}
		this.byRuntimeClass.put(parentClass, found);
		if (current != this.snapshot) {
			// A registration published a new snapshot (and cleared the cache) while this lookup ran: do not leave a
			// stale entry behind. Checking after the put closes the window between a check and the put.
			this.byRuntimeClass.remove(parentClass, found);
		}
		return found;
	}

	/**
	 * Returns the parent entity class of a dataset.
	 * @param dataClass a dataset's entity class
	 * @return the parent class, empty if the dataset is not registered
	 */
	public Optional<Class<?>> parentOf(Class<? extends TrackableData> dataClass) {
		return this.snapshot.byName.values()
			.stream()
			.filter((dataset) -> dataset.dataClass() == dataClass)
			.<Class<?>>map(Dataset::parentClass)
			.findFirst();
	}

	/**
	 * Returns a dataset by its name.
	 * @param name a dataset name (the JPA entity name of its class)
	 * @return the dataset, or {@code null}
	 */
	public @Nullable Dataset dataset(String name) {
		return this.snapshot.byName.get(name);
	}

	/** @return every registered dataset, in registration order */
	public Collection<Dataset> datasets() {
		return this.snapshot.byName.values();
	}

	private record Snapshot(Map<String, Dataset> byName, Map<Class<?>, List<Dataset>> byParent) {

		Snapshot {
			byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
			byParent = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byParent));
		}

	}

}
