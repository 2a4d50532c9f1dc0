/**
 * The statistics the blog kept before it used trackable, for {@code convert_tracking_data} to import.
 */
@NullMarked
package dev.trackable.sample.legacy;

import org.jspecify.annotations.NullMarked;
