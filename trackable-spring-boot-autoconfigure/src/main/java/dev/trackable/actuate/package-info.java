/**
 * The {@code trackable} Actuator endpoint.
 */
@NullMarked
package dev.trackable.actuate;

import org.jspecify.annotations.NullMarked;
