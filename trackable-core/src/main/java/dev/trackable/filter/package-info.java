/**
 * Decides which requests are counted.
 */
@NullMarked
package dev.trackable.filter;

import org.jspecify.annotations.NullMarked;
