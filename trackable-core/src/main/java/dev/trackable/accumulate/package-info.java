/**
 * The in-memory accumulator between the request path and the publisher.
 */
@NullMarked
package dev.trackable.accumulate;

import org.jspecify.annotations.NullMarked;
