/**
 * Logging support.
 */
@NullMarked
package dev.trackable.log;

import org.jspecify.annotations.NullMarked;
