/**
 * Reading what the collector wrote: series, totals, rankings and pages of rows of a registered dataset.
 */
@NullMarked
package dev.trackable.query;

import org.jspecify.annotations.NullMarked;
