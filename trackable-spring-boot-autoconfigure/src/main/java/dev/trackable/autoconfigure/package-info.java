/**
 * Auto-configuration of trackable.
 */
@NullMarked
package dev.trackable.autoconfigure;

import org.jspecify.annotations.NullMarked;
