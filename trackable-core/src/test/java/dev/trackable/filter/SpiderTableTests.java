package dev.trackable.filter;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpiderTableTests {

	private final JdbcDataSource dataSource = new JdbcDataSource();

	private final SpiderPatterns patterns = SpiderPatterns.of(List.of("bot", "curl/"));

	@BeforeEach
	void database() {
		this.dataSource.setURL("jdbc:h2:mem:spiders-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
	}

	@Test
	void aMissingTableChangesNothing() {
		assertThat(new SpiderTable(this.dataSource, SpiderTable.DEFAULT_NAME).applyTo(this.patterns))
			.isSameAs(this.patterns);
	}

	@Test
	void rowsAddPatternsOrRemoveThem() throws SQLException {
		execute("create table trackable_spider (pattern varchar(512) primary key, removed boolean not null default false)",
				"insert into trackable_spider (pattern) values ('uptime-checker')",
				"insert into trackable_spider (pattern, removed) values ('curl/', true)");
		SpiderPatterns changed = new SpiderTable(this.dataSource, "trackable_spider").applyTo(this.patterns);
		assertThat(changed.patterns()).containsExactly("bot", "uptime-checker");
		assertThat(changed.matcher().isBot("curl/8.5.0")).isFalse();
		assertThat(changed.matcher().isBot("Uptime-Checker/1.0")).isTrue();
	}

	@Test
	void invalidRowsAreSkippedAndTheOthersApplied() throws SQLException {
		execute("create table my_spiders (pattern varchar(512) primary key, removed boolean not null default false)",
				"insert into my_spiders (pattern) values ('a(?=b)')", "insert into my_spiders (pattern) values ('ok-bot')",
				"insert into my_spiders (pattern, removed) values ('not-in-the-list', true)");
		SpiderPatterns changed = new SpiderTable(this.dataSource, "my_spiders").applyTo(this.patterns);
		assertThat(changed.patterns()).containsExactly("bot", "curl/", "ok-bot");
	}

	@Test
	void aNameThatIsNotAnIdentifierIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SpiderTable(this.dataSource, "spiders; drop table article"))
			.withMessageContaining("Not a table name");
	}

	private void execute(String... statements) throws SQLException {
		try (Connection connection = this.dataSource.getConnection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

}
