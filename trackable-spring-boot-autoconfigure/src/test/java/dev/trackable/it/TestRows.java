package dev.trackable.it;

import java.time.LocalDateTime;
import java.util.Map;

import dev.trackable.Dataset;
import dev.trackable.TrackableRegistry;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes rows of the test datasets and parents directly, with HQL inserts: quicker to set up for reading than
 * increments through the broker, and the same on every database.
 */
final class TestRows {

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	TestRows(EntityManager entityManager, PlatformTransactionManager transactionManager) {
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** Deletes every row of every dataset, and every article. */
	void deleteAll(TrackableRegistry registry) {
		this.transactions.executeWithoutResult((status) -> {
			for (Dataset dataset : registry.datasets()) {
				this.entityManager.createQuery("delete from " + dataset.name()).executeUpdate();
			}
			this.entityManager.createQuery("delete from Article").executeUpdate();
		});
	}

	void daily(String parentId, LocalDateTime day, long impressions, int clickThroughs) {
		insert("insert into ArticleDailyData (parentType, parentId, collectedDuring, impressions, clickThroughs) "
				+ "values ('Article', :parentId, :period, :impressions, :clickThroughs)",
				Map.of("parentId", parentId, "period", day, "impressions", impressions, "clickThroughs",
						clickThroughs));
	}

	void hourly(String parentId, LocalDateTime hour, Integer views) {
		insert("insert into VideoHourlyData (parentType, parentId, collectedDuring, views) values ('Video', :parentId, "
				+ ":period, " + ((views != null) ? views : "null") + ")", Map.of("parentId", parentId, "period", hour));
	}

	void totals(String parentId, long impressions, Long downloads) {
		insert("insert into ArticleTotals (parentType, parentId, impressions, downloads) values ('Article', :parentId, "
				+ impressions + ", " + ((downloads != null) ? downloads : "null") + ")", Map.of("parentId", parentId));
	}

	void article(long id, String title) {
		insert("insert into Article (id, title) values (:id, :title)", Map.of("id", id, "title", title));
	}

	private void insert(String hql, Map<String, Object> parameters) {
		this.transactions.executeWithoutResult((status) -> {
			Query query = this.entityManager.createQuery(hql);
			parameters.forEach(query::setParameter);
			query.executeUpdate();
		});
	}

}
