package dev.trackable.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

import dev.trackable.Dataset;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Writes folded rows as multi-row HQL upserts that add the deltas to the stored counters, creating missing rows:
 * <pre>insert into E (parentType, parentId, collectedDuring, c1, …) values (…), (…)
 * on conflict (parentType, parentId, collectedDuring) do update set c1 = coalesce(c1, 0) + excluded.c1, …</pre>
 * Hibernate renders this as {@code ON CONFLICT} on PostgreSQL, {@code MERGE} on H2 and
 * {@code ON DUPLICATE KEY UPDATE} on MySQL and MariaDB. Statement sizes are powers of two up to a maximum, so a
 * handful of query plans serve every chunk and the statement count grows with the number of rows, not increments.
 */
public final class CounterUpserter {

	private final int maxRowsPerStatement;

	private final Map<String, String> statements = new ConcurrentHashMap<>();

	/**
	 * Creates an upserter.
	 * @param maxRowsPerStatement the most rows one statement writes, rounded down to a power of two
	 */
	public CounterUpserter(int maxRowsPerStatement) {
		if (maxRowsPerStatement < 1) {
			throw new IllegalArgumentException("maxRowsPerStatement must be positive");
		}
		this.maxRowsPerStatement = Integer.highestOneBit(maxRowsPerStatement);
	}

	/**
	 * Writes the rows of one dataset in the current transaction, in the rows' order.
	 * @param entityManager an entity manager joined to the transaction
	 * @param dataset the dataset
	 * @param rows the deltas per row, in key order
	 * @return the number of statements executed
	 */
	public int upsert(EntityManager entityManager, Dataset dataset, SortedMap<RowKey, long[]> rows) {
		List<Map.Entry<RowKey, long[]>> entries = new ArrayList<>(rows.entrySet());
		int statements = 0;
		int from = 0;
		while (from < entries.size()) {
			int size = Math.min(this.maxRowsPerStatement, Integer.highestOneBit(entries.size() - from));
			execute(entityManager, dataset, entries.subList(from, from + size));
			from += size;
			statements++;
		}
		return statements;
	}

	private void execute(EntityManager entityManager, Dataset dataset, List<Map.Entry<RowKey, long[]>> rows) {
		Query query = entityManager.createQuery(statement(dataset, rows.size()));
		int position = 1;
		for (Map.Entry<RowKey, long[]> row : rows) {
			query.setParameter(position++, dataset.parentType());
			query.setParameter(position++, row.getKey().parentId());
			if (dataset.isTimeSeries()) {
				query.setParameter(position++, row.getKey().period());
			}
			for (Dataset.Counter counter : dataset.counters()) {
				long delta = row.getValue()[counter.index()];
				query.setParameter(position++, (counter.maxValue() == Integer.MAX_VALUE) ? (Object) Math.toIntExact(delta)
						: (Object) delta);
			}
		}
		query.executeUpdate();
	}

	String statement(Dataset dataset, int rowCount) {
		return this.statements.computeIfAbsent(dataset.dataClass().getName() + '/' + rowCount,
				(key) -> render(dataset, rowCount));
	}

	private static String render(Dataset dataset, int rowCount) {
		List<String> keyColumns = new ArrayList<>(List.of("parentType", "parentId"));
		if (dataset.isTimeSeries()) {
			keyColumns.add("collectedDuring");
		}
		List<String> columns = new ArrayList<>(keyColumns);
		columns.addAll(dataset.counterNames());
		StringBuilder hql = new StringBuilder("insert into ").append(dataset.name())
			.append(" (")
			.append(String.join(", ", columns))
			.append(") values ");
		int position = 1;
		for (int row = 0; row < rowCount; row++) {
			hql.append((row > 0) ? ", (" : "(");
			for (int column = 0; column < columns.size(); column++) {
				hql.append((column > 0) ? ", ?" : "?").append(position++);
			}
			hql.append(')');
		}
		hql.append(" on conflict (").append(String.join(", ", keyColumns)).append(") do update set ");
		List<String> updates = dataset.counterNames()
			.stream()
			.map((counter) -> counter + " = coalesce(" + counter + ", 0) + excluded." + counter)
			.toList();
		return hql.append(String.join(", ", updates)).toString();
	}

}
