package dev.trackable.filter;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application's own changes to the spider list, kept in an optional table, as django-trackable kept its list in
 * the database: {@code pattern VARCHAR(512) PRIMARY KEY, removed BOOLEAN NOT NULL DEFAULT FALSE}. A row adds its
 * pattern, or removes it from the list when {@code removed} is true. A table that does not exist changes nothing.
 * <p>
 * Rows are data that anyone with database access may have written, so a row that is not a valid RE2 pattern, or
 * removes a pattern the list does not have, is skipped with a warning instead of stopping the application.
 */
public final class SpiderTable {

	/** The table's default name. */
	public static final String DEFAULT_NAME = "trackable_spider";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private static final Logger logger = LoggerFactory.getLogger(SpiderTable.class);

	private final DataSource dataSource;

	private final String name;

	/**
	 * Creates a reader of a table.
	 * @param dataSource the application's database
	 * @param name the table's name, in the connection's default schema
	 * @throws IllegalArgumentException if the name is not a plain SQL identifier
	 */
	public SpiderTable(DataSource dataSource, String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a table name: '" + name + "' (letters, digits and _ only)");
		}
		this.dataSource = dataSource;
		this.name = name;
	}

	/**
	 * Returns a list with the table's additions and removals applied.
	 * @param patterns the list to change, usually the bundled one with the configured changes
	 * @return the changed list, or the given one if the table does not exist
	 * @throws IllegalStateException if the table exists but cannot be read
	 */
	public SpiderPatterns applyTo(SpiderPatterns patterns) {
		try (Connection connection = this.dataSource.getConnection()) {
			if (!exists(connection)) {
				return patterns;
			}
			List<String> added = new ArrayList<>();
			List<String> removed = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("select pattern, removed from " + this.name)) {
				while (rows.next()) {
					(rows.getBoolean(2) ? removed : added).add(rows.getString(1));
				}
			}
			return patterns.without(known(patterns, removed)).withAdditional(valid(added));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the spider patterns of table " + this.name, ex);
		}
	}

	private List<String> known(SpiderPatterns patterns, List<String> removed) {
		return removed.stream().filter((pattern) -> {
			boolean known = patterns.contains(pattern);
			if (!known) {
				logger.warn("Table {} removes '{}', which is not a spider pattern: row skipped", this.name, pattern);
			}
			return known;
		}).toList();
	}

	private List<String> valid(List<String> added) {
		return added.stream().filter((pattern) -> {
			try {
				SpiderPatterns.of(List.of(pattern));
				return true;
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Table {}: {}: row skipped", this.name, ex.getMessage());
				return false;
			}
		}).toList();
	}

	/** Databases store unquoted names in upper (H2) or lower case (PostgreSQL), or as written (MariaDB). */
	private boolean exists(Connection connection) throws SQLException {
		DatabaseMetaData metaData = connection.getMetaData();
		for (String candidate : List.of(this.name, this.name.toUpperCase(Locale.ROOT),
				this.name.toLowerCase(Locale.ROOT))) {
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), null, candidate, null)) {
				if (tables.next()) {
					return true;
				}
			}
		}
		return false;
	}

}
