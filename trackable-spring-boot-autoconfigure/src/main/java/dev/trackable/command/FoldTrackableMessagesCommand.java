package dev.trackable.command;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.trackable.Dataset;
import dev.trackable.IncrementSink;
import dev.trackable.TrackableRegistry;
import dev.trackable.collect.CollectionResult;
import dev.trackable.collect.Collector;

import org.springframework.boot.ApplicationArguments;

/**
 * {@code fold_trackable_messages [DATASET ...]}: folds what is queued into the tables now rather than at the next
 * scheduled collection, e.g. from cron on instances that run with {@code trackable.disable-collection-task=true}, or
 * before reading the counts in a deployment step. The local spool is replayed first, so increments held back during
 * an outage are folded too.
 */
public final class FoldTrackableMessagesCommand implements TrackableCommand {

	static final String NAME = "fold_trackable_messages";

	private final Collector collector;

	private final DatasetNames datasets;

	private final TrackableRegistry registry;

	private final IncrementSink sink;

	private final long maxMessagesPerQueue;

	/**
	 * Creates the command.
	 * @param collector the collector
	 * @param registry the registered datasets
	 * @param sink the publisher, whose pending increments and spool are published before collecting
	 * @param maxMessagesPerQueue the most messages to take from each queue, as a scheduled run would
	 */
	public FoldTrackableMessagesCommand(Collector collector, TrackableRegistry registry, IncrementSink sink,
			long maxMessagesPerQueue) {
		this.collector = collector;
		this.registry = registry;
		this.datasets = new DatasetNames(registry);
		this.sink = sink;
		this.maxMessagesPerQueue = maxMessagesPerQueue;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String usage() {
		return NAME + " [DATASET ...]\n"
				+ "  Publishes the local spool, then folds the queued messages into the datasets' tables and prints\n"
				+ "  'Processed N', N being the number of messages taken from the queues.\n"
				+ "  DATASET  only these datasets, by entity name or class name (default: all)";
	}

	@Override
	public int run(ApplicationArguments arguments, PrintStream out) {
		CommandArguments options = new CommandArguments(arguments, Set.of());
		Collection<Dataset> selected = selected(options.operands());
		if (!this.sink.publishPending()) {
			out.println("The broker did not take the spooled increments; they stay in the spool and nothing was "
					+ "collected");
			return FAILED;
		}
		CollectionResult result = this.collector.collect(selected, this.maxMessagesPerQueue);
		out.printf("Processed %d messages (%d increments into %d rows, %d malformed, %d folded before) in %d ms%n",
				result.taken(), result.increments(), result.rows(), result.malformed(), result.duplicates(),
				result.duration().toMillis());
		return OK;
	}

	private Collection<Dataset> selected(List<String> names) {
		if (names.isEmpty()) {
			return this.registry.datasets();
		}
		Set<Dataset> selected = new LinkedHashSet<>();
		names.forEach((name) -> selected.add(this.datasets.find(name)));
		return selected;
	}

}
