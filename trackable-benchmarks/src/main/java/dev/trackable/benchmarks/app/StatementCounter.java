package dev.trackable.benchmarks.app;

import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares, native ones included, so that the load tool can report how many
 * statements its increments cost. Hibernate instantiates it by name, hence the static count.
 */
public final class StatementCounter implements StatementInspector {

	private static final AtomicLong count = new AtomicLong();

	@Override
	public String inspect(String sql) {
		count.incrementAndGet();
		return sql;
	}

	/** @return the number of statements prepared so far in this JVM */
	public static long count() {
		return count.get();
	}

}
