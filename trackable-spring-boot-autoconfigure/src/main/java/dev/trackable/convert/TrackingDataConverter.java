package dev.trackable.convert;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongConsumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Query;
import org.jspecify.annotations.Nullable;

import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports tracking data an application kept before trackable into a registered dataset, with django-trackable's
 * {@code convert_tracking_data} semantics: for each source row, find its parent, get or create the dataset's row of
 * that parent (and period), and set its counters to the source row's values.
 * <p>
 * Rows are read and written in batches, one transaction each, so that a large import neither holds one long
 * transaction nor keeps every row in memory; a failure leaves the earlier batches written. Because values are set
 * rather than added, running the same import again writes the same values: an interrupted import is simply run
 * again. When several source rows map to the same destination row, the last one read wins.
 */
public final class TrackingDataConverter {

	/** Source rows per transaction unless configured otherwise: small enough for short transactions. */
	public static final int DEFAULT_BATCH_SIZE = 500;

	private final EntityManagerFactory entityManagerFactory;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final ZoneId timeZone;

	private final int batchSize;

	/**
	 * Creates a converter.
	 * @param entityManagerFactory the persistence unit of the source entities and datasets
	 * @param transactionManager the transactions to write in
	 * @param timeZone the zone of the datasets' periods, which turns source instants into local periods
	 * @param batchSize the source rows read and written per transaction
	 */
	public TrackingDataConverter(EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ZoneId timeZone, int batchSize) {
		this.entityManagerFactory = entityManagerFactory;
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		this.transactions = new TransactionTemplate(transactionManager);
		this.timeZone = timeZone;
		this.batchSize = batchSize;
	}

	/**
	 * Checks a spec against the entities and the dataset, so that bad arguments are reported before anything is
	 * written.
	 * @param spec what to import
	 * @return the plan to run
	 * @throws IllegalArgumentException if the spec names an unknown entity or attribute, or one of the wrong kind
	 */
	public ConversionPlan plan(ConversionSpec spec) {
		return ConversionPlan.of(spec, this.entityManagerFactory.getMetamodel(), this.timeZone);
	}

	/**
	 * @param plan a plan
	 * @return how many source rows the plan reads
	 */
	public long count(ConversionPlan plan) {
		Long rows = this.transactions
			.execute((status) -> this.entityManager.createQuery(plan.count(), Long.class).getSingleResult());
		long all = (rows != null) ? rows : 0;
		return (plan.maxRecords() > 0) ? Math.min(all, plan.maxRecords()) : all;
	}

	/**
	 * Runs a plan.
	 * @param plan the plan
	 * @param dryRun whether to only report what would be written
	 * @param progress told the number of source rows done after each batch
	 * @return what was done, or would be on a dry run
	 * @throws ConversionException if a batch failed; the earlier batches stay written
	 */
	public ConversionSummary convert(ConversionPlan plan, boolean dryRun, LongConsumer progress) {
		long total = count(plan);
		Tally tally = new Tally();
		while (tally.read < total) {
			long read = tally.read;
			@Nullable Object after = tally.lastId;
			int size = (int) Math.min(this.batchSize, total - read);
			Tally batch;
			try {
				batch = this.transactions.execute((status) -> convertBatch(plan, read, after, size, dryRun));
			}
			catch (RuntimeException ex) {
				throw new ConversionException("Stopped after writing " + tally.migrated + " of " + total + " rows: "
						+ ex.getMessage() + "; the import can be run again as it is", ex);
			}
			if (batch == null || batch.read == 0) {
				// Rows deleted since they were counted.
				break;
			}
			tally.add(batch);
			progress.accept(tally.read);
		}
		return new ConversionSummary(tally.read, tally.migrated, tally.skipped);
	}

	private Tally convertBatch(ConversionPlan plan, long read, @Nullable Object after, int size, boolean dryRun) {
		List<Object[]> rows = plan.batch(this.entityManager, read, after, size).getResultList();
		Function<Object[], List<Object>> parents = parents(plan, rows);
		PersistenceUnitUtil util = this.entityManagerFactory.getPersistenceUnitUtil();
		Tally tally = new Tally();
		for (Object[] row : rows) {
			tally.read++;
			tally.lastId = plan.id(row);
			List<Object> found = parents.apply(row);
			if (found.size() != 1) {
				tally.skip(found.isEmpty() ? "no parent found" : "several parents match");
				continue;
			}
			ConversionPlan.Converted converted = plan.convert(row, String.valueOf(util.getIdentifier(found.get(0))));
			if (converted.skipReason() != null) {
				tally.skip(converted.skipReason());
				continue;
			}
			if (!dryRun) {
				Query upsert = this.entityManager.createQuery(plan.upsert());
				for (int i = 0; i < converted.parameters().size(); i++) {
					upsert.setParameter(i + 1, converted.parameters().get(i));
				}
				upsert.executeUpdate();
			}
			tally.migrated++;
		}
		return tally;
	}

	/**
	 * Finds the parents of a batch's rows: the entity a row links to, or those whose attribute equals the row's
	 * value, looked up for the whole batch in one query.
	 * @return the parents of a row: one, or none or several, which skip the row
	 */
	private Function<Object[], List<Object>> parents(ConversionPlan plan, List<Object[]> rows) {
		String lookup = plan.parentLookup();
		if (lookup == null) {
			return (row) -> (row[0] != null) ? List.of(row[0]) : List.of();
		}
		Set<Object> values = new LinkedHashSet<>();
		rows.stream().filter((row) -> row[0] != null).forEach((row) -> values.add(row[0]));
		Map<Object, List<Object>> parents = new HashMap<>();
		if (!values.isEmpty()) {
			for (Object[] match : this.entityManager.createQuery(lookup, Object[].class)
				.setParameter("values", values)
				.getResultList()) {
				parents.computeIfAbsent(match[0], (value) -> new ArrayList<>()).add(match[1]);
			}
		}
		return (row) -> parents.getOrDefault(row[0], List.of());
	}

	/** Counts of one batch, and the source id it ended at, added to the run's only once the batch is committed. */
	private static final class Tally {

		private long read;

		private long migrated;

		private final Map<String, Long> skipped = new LinkedHashMap<>();

		private @Nullable Object lastId;

		void skip(String reason) {
			this.skipped.merge(reason, 1L, Long::sum);
		}

		void add(Tally batch) {
			this.read += batch.read;
			this.migrated += batch.migrated;
			this.lastId = batch.lastId;
			batch.skipped.forEach((reason, count) -> this.skipped.merge(reason, count, Long::sum));
		}

	}

}
