package dev.trackable;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.trackable.filter.RequestFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Records increments of the counters of registered parent objects. Inject it, or use the static {@link Trackable}
 * facade, which delegates to the running application's tracker.
 * <p>
 * Every method validates its arguments at once and throws {@link IllegalArgumentException} for an unregistered
 * parent, an unknown or non-integer field, or a parent without an id; it then hands the increment to an
 * {@link IncrementSink}, which in the default batched mode does no I/O and takes no lock.
 */
public final class Tracker {

	/** Parent ids are stored in a 255-character column. */
	static final int MAX_PARENT_ID_LENGTH = 255;

	private final TrackableRegistry registry;

	private final ParentIdentifier parentIdentifier;

	private final IncrementSink sink;

	private final PeriodClock periods;

	private final List<RequestFilter> filters;

	private final DatasetCounter recorded = new DatasetCounter();

	private final DatasetCounter filtered = new DatasetCounter();

	public Tracker(TrackableRegistry registry, ParentIdentifier parentIdentifier, IncrementSink sink, Clock clock,
			ZoneId zone, List<RequestFilter> filters) {
		this.registry = registry;
		this.parentIdentifier = parentIdentifier;
		this.sink = sink;
		this.periods = new PeriodClock(clock, zone);
		this.filters = List.copyOf(filters);
	}

	public void increment(HttpServletRequest request, Object parent, String field) {
		record(request, parent, null, field, 1);
	}

	public void increment(HttpServletRequest request, Object parent, String field, long amount) {
		record(request, parent, null, field, checkAmount(amount));
	}

	public void decrement(HttpServletRequest request, Object parent, String field) {
		record(request, parent, null, field, -1);
	}

	public void decrement(HttpServletRequest request, Object parent, String field, long amount) {
		record(request, parent, null, field, -checkAmount(amount));
	}

	/**
	 * Increments a counter of one dataset only, when a parent has several that declare the field.
	 * @param request the current request
	 * @param parent the parent object
	 * @param dataset the dataset's entity class
	 * @param field the counter field
	 * @param amount the amount to add, zero or positive
	 */
	public void increment(HttpServletRequest request, Object parent, Class<? extends TrackableData> dataset,
			String field, long amount) {
		record(request, parent, dataset, field, checkAmount(amount));
	}

	public void increment(Object parent, String field) {
		record(null, parent, null, field, 1);
	}

	public void increment(Object parent, String field, long amount) {
		record(null, parent, null, field, checkAmount(amount));
	}

	public void decrement(Object parent, String field) {
		record(null, parent, null, field, -1);
	}

	public void decrement(Object parent, String field, long amount) {
		record(null, parent, null, field, -checkAmount(amount));
	}

	public void increment(Object parent, Class<? extends TrackableData> dataset, String field, long amount) {
		record(null, parent, dataset, field, checkAmount(amount));
	}

	/** @return the registry this tracker resolves datasets in */
	public TrackableRegistry registry() {
		return this.registry;
	}

	/**
	 * Returns how many calls have added to a dataset's counters since this tracker was created.
	 * @param dataset the dataset's name
	 * @return the number of increments and decrements handed on for it, whatever their amounts
	 */
	public long recordedIncrements(String dataset) {
		return this.recorded.count(dataset);
	}

	/**
	 * Returns how many calls for a dataset a {@link RequestFilter} turned down since this tracker was created, such as
	 * those of bots.
	 * @param dataset the dataset's name
	 * @return the number of increments and decrements left out for it
	 */
	public long filteredIncrements(String dataset) {
		return this.filtered.count(dataset);
	}

	private static long checkAmount(long amount) {
		if (amount < 0 || amount == Long.MAX_VALUE) {
			throw new IllegalArgumentException("Amount must be zero or positive and below Long.MAX_VALUE, was "
					+ amount + "; use decrement to subtract");
		}
		return amount;
	}

	private void record(@Nullable HttpServletRequest request, Object parent,
			@Nullable Class<? extends TrackableData> only, String field, long amount) {
		List<Dataset> datasets = datasetsOf(parent);
		Object parentId = parentIdOf(parent);
		checkField(parent, datasets, only, field);
		if (amount == 0) {
			return;
		}
		boolean accepted = request == null || accepted(request);
		// Loops rather than streams, and no list of targets: this runs on every request.
		for (Dataset dataset : datasets) {
			if ((only != null) ? dataset.dataClass() == only : dataset.hasCounter(field)) {
				if (!accepted) {
					this.filtered.increment(dataset.name());
					continue;
				}
				Period period = dataset.period();
				this.sink.add(dataset, parentId, (period != null) ? this.periods.start(period) : null,
						dataset.counter(field), amount);
				this.recorded.increment(dataset.name());
			}
		}
	}

	private List<Dataset> datasetsOf(Object parent) {
		List<Dataset> datasets = this.registry.datasetsOf(parent.getClass());
		if (datasets.isEmpty()) {
			String type = parent.getClass().getName();
			throw new IllegalArgumentException(type + " is not a registered parent: annotate a TrackableData entity "
					+ "with @TrackableDataset(parent = ...) or register one with a TrackableConfigurer");
		}
		return datasets;
	}

	/**
	 * Returns the parent's id, checked: itself when it is a boxed integer or a UUID, whose strings always fit and
	 * which then need not be made on every call, otherwise its string.
	 */
	private Object parentIdOf(Object parent) {
		Object id = this.parentIdentifier.idOf(parent);
		if (id == null) {
			throw new IllegalArgumentException(
					"Cannot count " + parent.getClass().getName() + " without an id: persist it first");
		}
		if (!(id instanceof Number || id instanceof CharSequence || id instanceof UUID)) {
			throw new IllegalArgumentException("Unsupported id type " + id.getClass().getName() + " of "
					+ parent.getClass().getName() + ": ids must be numbers, strings or UUIDs");
		}
		if (id instanceof Long || id instanceof Integer || id instanceof Short || id instanceof Byte
				|| id instanceof UUID) {
			return id;
		}
		String parentId = id.toString();
		if (parentId.isEmpty() || parentId.length() > MAX_PARENT_ID_LENGTH) {
			throw new IllegalArgumentException("The id of " + parent.getClass().getName()
					+ " must be 1 to " + MAX_PARENT_ID_LENGTH + " characters long");
		}
		return parentId;
	}

	/**
	 * Checks that the field is a counter of the dataset named, or of at least one dataset of the parent.
	 * @throws IllegalArgumentException if it is not; the message lists the valid fields
	 */
	private static void checkField(Object parent, List<Dataset> datasets,
			@Nullable Class<? extends TrackableData> only, String field) {
		if (only != null) {
			Dataset dataset = datasets.stream()
				.filter((candidate) -> candidate.dataClass() == only)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(only.getName() + " is not a dataset of "
						+ parent.getClass().getName() + "; its datasets are " + datasets));
			dataset.counter(field);
			return;
		}
		for (Dataset dataset : datasets) {
			if (dataset.hasCounter(field)) {
				return;
			}
		}
		datasets.stream()
			.filter((dataset) -> dataset.hasNonCounterAttribute(field))
			.findFirst()
			.ifPresent((dataset) -> dataset.counter(field));
		throw new IllegalArgumentException("Unknown field '" + field + "' for " + parent.getClass().getName()
				+ "; valid fields: " + datasets.stream().map((d) -> d.name() + " " + d.counterNames()).toList());
	}

	private boolean accepted(HttpServletRequest request) {
		for (RequestFilter filter : this.filters) {
			if (!filter.accepts(request)) {
				return false;
			}
		}
		return true;
	}

}
