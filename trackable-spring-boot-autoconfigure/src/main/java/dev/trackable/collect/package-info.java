/**
 * Draining the queues and folding their messages into the datasets' tables.
 */
@NullMarked
package dev.trackable.collect;

import org.jspecify.annotations.NullMarked;
