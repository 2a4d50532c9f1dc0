package dev.trackable.spool;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a spool did since it was opened, for metrics.
 */
final class SpoolCounters {

	final AtomicLong spooled = new AtomicLong();

	final AtomicLong replayed = new AtomicLong();

	final AtomicLong skipped = new AtomicLong();

	final AtomicLong refused = new AtomicLong();

}
