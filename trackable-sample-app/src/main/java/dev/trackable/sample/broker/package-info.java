/**
 * Starts an embedded AMQP broker when no RabbitMQ is configured, so that the sample runs without external services.
 */
@NullMarked
package dev.trackable.sample.broker;

import org.jspecify.annotations.NullMarked;
