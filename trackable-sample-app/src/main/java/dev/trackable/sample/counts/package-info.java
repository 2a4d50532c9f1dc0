/**
 * The two datasets that count things about articles, one registered by annotation and one programmatically, and
 * the endpoint that reads them back.
 */
@NullMarked
package dev.trackable.sample.counts;

import org.jspecify.annotations.NullMarked;
