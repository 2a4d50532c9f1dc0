/**
 * An AMQP 0-9-1 broker that runs inside the JVM, for the sample application and for integration tests on machines
 * without RabbitMQ.
 */
@NullMarked
package dev.trackable.broker;

import org.jspecify.annotations.NullMarked;
