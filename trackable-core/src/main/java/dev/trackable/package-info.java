/**
 * The API an application uses: entity base classes, dataset registration and the {@link dev.trackable.Trackable}
 * facade.
 */
@NullMarked
package dev.trackable;

import org.jspecify.annotations.NullMarked;
