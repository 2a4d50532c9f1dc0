/**
 * Folding messages into rows and writing the rows as additive upserts.
 */
@NullMarked
package dev.trackable.fold;

import org.jspecify.annotations.NullMarked;
