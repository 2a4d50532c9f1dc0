/**
 * Startup checks of the database schema the collector writes to.
 */
@NullMarked
package dev.trackable.schema;

import org.jspecify.annotations.NullMarked;
