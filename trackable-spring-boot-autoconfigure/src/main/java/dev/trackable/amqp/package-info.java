/**
 * Trackable's use of the AMQP broker: topology, confirmed publishing and channel access.
 */
@NullMarked
package dev.trackable.amqp;

import org.jspecify.annotations.NullMarked;
