package dev.trackable.fold;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The ids of the messages already folded, kept in the table {@code trackable_applied_message} and written in the
 * same transaction as the messages' upserts. A message the broker delivers again (its acknowledgement was lost, or a
 * spool replayed it after a crash) is then recognised and not counted twice. Ids older than the retention are pruned.
 */
public final class AppliedMessageLog {

	/** The table's name. */
	public static final String TABLE = "trackable_applied_message";

	private static final int ROWS_PER_INSERT = 256;

	/**
	 * Creates the table and its index where they do not exist yet.
	 * @param entityManager an entity manager joined to a transaction
	 */
	public void createTableIfMissing(EntityManager entityManager) {
		entityManager.createNativeQuery("CREATE TABLE IF NOT EXISTS " + TABLE
				+ " (id VARCHAR(128) NOT NULL PRIMARY KEY, applied_at TIMESTAMP NOT NULL)").executeUpdate();
		entityManager.createNativeQuery("CREATE INDEX IF NOT EXISTS " + TABLE + "_applied_at ON " + TABLE
				+ " (applied_at)").executeUpdate();
	}

	/**
	 * Returns which of the given ids were applied before.
	 * @param entityManager an entity manager joined to the folding transaction
	 * @param ids message ids
	 * @return the ones already applied
	 */
	public Set<String> applied(EntityManager entityManager, Collection<String> ids) {
		Set<String> applied = new HashSet<>();
		List<String> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
			List<?> found = entityManager.createNativeQuery("SELECT id FROM " + TABLE + " WHERE id IN (:ids)")
				.setParameter("ids", all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT)))
				.getResultList();
			found.forEach((id) -> applied.add(id.toString()));
		}
		return applied;
	}

	/**
	 * Records ids as applied.
	 * @param entityManager an entity manager joined to the folding transaction
	 * @param ids message ids
	 * @param appliedAt when, in UTC
	 */
	public void record(EntityManager entityManager, Collection<String> ids, LocalDateTime appliedAt) {
		List<String> all = new ArrayList<>(ids);
		for (int from = 0; from < all.size(); from += ROWS_PER_INSERT) {
			List<String> batch = all.subList(from, Math.min(all.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder("INSERT INTO " + TABLE + " (id, applied_at) VALUES ");
			for (int i = 0; i < batch.size(); i++) {
				sql.append((i > 0) ? ", (?" : "(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
			}
			Query insert = entityManager.createNativeQuery(sql.toString());
			for (int i = 0; i < batch.size(); i++) {
				insert.setParameter(2 * i + 1, batch.get(i));
				insert.setParameter(2 * i + 2, appliedAt);
			}
			insert.executeUpdate();
		}
	}

	/**
	 * Removes the ids applied before a point in time.
	 * @param entityManager an entity manager joined to a transaction
	 * @param before the oldest time to keep, in UTC
	 * @return the number of ids removed
	 */
	public int prune(EntityManager entityManager, LocalDateTime before) {
		return entityManager.createNativeQuery("DELETE FROM " + TABLE + " WHERE applied_at < ?1")
			.setParameter(1, before)
			.executeUpdate();
	}

}
