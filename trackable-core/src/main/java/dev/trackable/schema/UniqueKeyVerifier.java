package dev.trackable.schema;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.trackable.Dataset;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.persister.entity.EntityPersister;

/**
 * Checks that each dataset's table has a unique key on exactly its row key columns ({@code parent_type},
 * {@code parent_id} and, for time series, {@code collected_during}).
 * <p>
 * Hibernate creates that key whenever it generates the schema; this check matters when the schema is managed
 * elsewhere (Flyway, Liquibase, {@code ddl-auto=none|validate}), where a missing key would otherwise only show as
 * failing upserts, long after startup.
 */
public final class UniqueKeyVerifier {

	private final SessionFactoryImplementor sessionFactory;

	public UniqueKeyVerifier(EntityManagerFactory entityManagerFactory) {
		this.sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
	}

	/**
	 * Checks the tables of the given datasets.
	 * @param datasets the datasets
	 * @throws MissingUniqueKeyException if a table has no such key
	 */
	public void verify(Iterable<Dataset> datasets) {
		for (Dataset dataset : datasets) {
			EntityPersister persister = this.sessionFactory.getMappingMetamodel()
				.getEntityDescriptor(dataset.dataClass());
			List<String> keyAttributes = new ArrayList<>(List.of("parentType", "parentId"));
			if (dataset.isTimeSeries()) {
				keyAttributes.add("collectedDuring");
			}
			String table = null;
			List<String> columns = new ArrayList<>();
			for (String attribute : keyAttributes) {
				SelectableMapping mapping = (SelectableMapping) persister.findAttributeMapping(attribute);
				table = mapping.getContainingTableExpression();
				columns.add(mapping.getSelectionExpression());
			}
			verify(dataset, table, columns);
		}
	}

	private void verify(Dataset dataset, String table, List<String> columns) {
		Set<String> expected = normalized(columns);
		List<Set<String>> uniqueKeys;
		try (Session session = this.sessionFactory.openSession()) {
			uniqueKeys = session.doReturningWork((connection) -> uniqueKeys(connection.getMetaData(), table));
		}
		if (!uniqueKeys.contains(expected)) {
			String ddl = "ALTER TABLE " + table + " ADD CONSTRAINT uk_" + unqualified(table).toLowerCase(Locale.ROOT)
					+ "_row UNIQUE (" + String.join(", ", columns) + ")";
			throw new MissingUniqueKeyException("Table " + table + " of dataset " + dataset.name()
					+ " has no unique key on exactly " + columns + ", which trackable's upserts need", ddl);
		}
	}

	private static List<Set<String>> uniqueKeys(DatabaseMetaData metaData, String table) throws SQLException {
		String name = unqualified(table);
		String schema = table.contains(".") ? table.substring(0, table.lastIndexOf('.')) : null;
		for (String candidate : new LinkedHashSet<>(
				List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT)))) {
			Map<String, Set<String>> byIndex = new HashMap<>();
			try (ResultSet rows = metaData.getIndexInfo(null, schema, candidate, true, false)) {
				while (rows.next()) {
					String column = rows.getString("COLUMN_NAME");
					if (column != null) {
						byIndex.computeIfAbsent(rows.getString("INDEX_NAME"), (index) -> new HashSet<>())
							.add(column.toLowerCase(Locale.ROOT));
					}
				}
			}
			if (!byIndex.isEmpty()) {
				return new ArrayList<>(byIndex.values());
			}
		}
		return List.of();
	}

	private static Set<String> normalized(List<String> columns) {
		Set<String> names = new HashSet<>();
		columns.forEach((column) -> names.add(column.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT)));
		return names;
	}

	private static String unqualified(String table) {
		return table.substring(table.lastIndexOf('.') + 1).replace("\"", "").replace("`", "");
	}

}
