/**
 * The {@code trackable} health indicator.
 */
@NullMarked
package dev.trackable.health;

import org.jspecify.annotations.NullMarked;
