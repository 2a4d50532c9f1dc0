package dev.trackable;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Static access to the running application's {@link Tracker}, for code that is not a bean:
 * {@code Trackable.increment(request, article, "impressions")}.
 */
public final class Trackable {

	private static volatile @Nullable Tracker tracker;

	private Trackable() {
	}

	/**
	 * Makes a tracker the one the static methods use. Called by the application's integration when it starts.
	 * @param running the application's tracker
	 */
	public static void bind(Tracker running) {
		tracker = running;
	}

	/**
	 * Stops the static methods from using a tracker, if it is the bound one. Called when the application stops.
	 * @param stopped the application's tracker
	 */
	public static void unbind(Tracker stopped) {
		if (tracker == stopped) {
			tracker = null;
		}
	}

	/** @return the application's registry, django-trackable's {@code trackable.site} */
	public static TrackableRegistry site() {
		return tracker().registry();
	}

	public static void increment(HttpServletRequest request, Object parent, String field) {
		tracker().increment(request, parent, field);
	}

	public static void increment(HttpServletRequest request, Object parent, String field, long amount) {
		tracker().increment(request, parent, field, amount);
	}

	public static void increment(HttpServletRequest request, Object parent, Class<? extends TrackableData> dataset,
			String field, long amount) {
		tracker().increment(request, parent, dataset, field, amount);
	}

	public static void decrement(HttpServletRequest request, Object parent, String field) {
		tracker().decrement(request, parent, field);
	}

	public static void decrement(HttpServletRequest request, Object parent, String field, long amount) {
		tracker().decrement(request, parent, field, amount);
	}

	public static void increment(Object parent, String field) {
		tracker().increment(parent, field);
	}

	public static void increment(Object parent, String field, long amount) {
		tracker().increment(parent, field, amount);
	}

	public static void increment(Object parent, Class<? extends TrackableData> dataset, String field, long amount) {
		tracker().increment(parent, dataset, field, amount);
	}

	public static void decrement(Object parent, String field) {
		tracker().decrement(parent, field);
	}

	public static void decrement(Object parent, String field, long amount) {
		tracker().decrement(parent, field, amount);
	}

	private static Tracker tracker() {
		Tracker current = tracker;
		if (current == null) {
			throw new IllegalStateException("Trackable is not bound to a running application: "
					+ "start a Spring Boot application with the trackable starter, or inject a Tracker");
		}
		return current;
	}

}
