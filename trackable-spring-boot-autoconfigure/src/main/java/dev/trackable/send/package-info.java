/**
 * Getting increments from the request path to the broker.
 */
@NullMarked
package dev.trackable.send;

import org.jspecify.annotations.NullMarked;
