/**
 * Imports tracking data an application kept before trackable, from any entity into a registered dataset, as
 * django-trackable's {@code convert_tracking_data} did.
 */
@NullMarked
package dev.trackable.convert;

import org.jspecify.annotations.NullMarked;
