/**
 * A local, append-only, checksummed spool for messages the broker did not accept, replayed when it is back.
 * Plain Java: nothing here knows Spring or the broker.
 */
@NullMarked
package dev.trackable.spool;

import org.jspecify.annotations.NullMarked;
