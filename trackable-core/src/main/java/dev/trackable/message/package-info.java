/**
 * The messages that carry increments from the application to the collector: versioned JSON, never Java serialization.
 */
@NullMarked
package dev.trackable.message;

import org.jspecify.annotations.NullMarked;
