package dev.trackable.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.trackable.fold.AppliedMessageLog;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate sends, so that tests can see how an upsert was rendered for their database.
 */
public class RecordingStatementInspector implements StatementInspector {

	private static final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public String inspect(String sql) {
		statements.add(sql);
		return sql;
	}

	static void clear() {
		statements.clear();
	}

	/** @return the counter upserts recorded, leaving out the inserts of applied message ids */
	static List<String> upserts() {
		return statements.stream()
			.filter((sql) -> sql.regionMatches(true, 0, "insert", 0, 6) || sql.regionMatches(true, 0, "merge", 0, 5))
			.filter((sql) -> !sql.contains(AppliedMessageLog.TABLE))
			.toList();
	}

}
