package dev.trackable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated {@link TrackableData} entity as a dataset of a parent entity when the application starts,
 * as an alternative to registering it with a {@link TrackableConfigurer}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TrackableDataset {

	/**
	 * The entity whose objects are counted.
	 * @return the parent entity class
	 */
	Class<?> parent();

	/**
	 * The period of a {@link TrackableTimeSeriesData} dataset; ignored for all-time totals.
	 * @return the period
	 */
	Period period() default Period.DAY;

}
