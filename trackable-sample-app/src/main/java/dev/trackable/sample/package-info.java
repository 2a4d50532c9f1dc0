/**
 * A sample blog that counts article impressions and click-throughs with trackable.
 */
@NullMarked
package dev.trackable.sample;

import org.jspecify.annotations.NullMarked;
