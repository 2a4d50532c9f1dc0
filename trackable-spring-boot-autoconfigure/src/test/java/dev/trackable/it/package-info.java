/**
 * Integration tests through the real path: tracker, publisher, broker, collector, database.
 */
@NullUnmarked
package dev.trackable.it;

import org.jspecify.annotations.NullUnmarked;
