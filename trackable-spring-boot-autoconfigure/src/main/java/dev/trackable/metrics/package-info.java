/**
 * Micrometer meters of trackable, tagged by dataset.
 */
@NullMarked
package dev.trackable.metrics;

import org.jspecify.annotations.NullMarked;
