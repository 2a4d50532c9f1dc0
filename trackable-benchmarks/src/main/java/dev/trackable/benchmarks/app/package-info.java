/**
 * The application the benchmarks and load tools run: one parent entity with two datasets, started against RabbitMQ
 * and PostgreSQL with queues of its own.
 */
@NullMarked
package dev.trackable.benchmarks.app;

import org.jspecify.annotations.NullMarked;
