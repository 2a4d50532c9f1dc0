package dev.trackable.metrics;

import java.time.Duration;
import java.time.Instant;

import dev.trackable.Dataset;
import dev.trackable.collect.CollectionListener;
import dev.trackable.collect.CollectionResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Meters of the collector, recorded as it reports what it did: messages folded and rows upserted by dataset,
 * malformed messages by dataset and reason (a tag whose values are only known when a message turns up), and the
 * duration of each run by outcome. Only the collector's thread records them.
 */
public final class CollectionMeters implements CollectionListener {

	private final MeterRegistry meterRegistry;

	public CollectionMeters(MeterRegistry meterRegistry) {
		this.meterRegistry = meterRegistry;
	}

	@Override
	public void chunkCollected(Dataset dataset, CollectionResult chunk) {
		Counter.builder("trackable.messages.folded")
			.description("Messages folded into the dataset's table")
			.tag("dataset", dataset.name())
			.register(this.meterRegistry)
			.increment(chunk.messages());
		Counter.builder("trackable.rows.upserted")
			.description("Rows of the dataset's table inserted or added to")
			.tag("dataset", dataset.name())
			.register(this.meterRegistry)
			.increment(chunk.rows());
	}

	@Override
	public void messageMalformed(Dataset dataset, String reason) {
		Counter.builder("trackable.messages.malformed")
			.description("Messages that could not be folded, parked or discarded")
			.tag("dataset", dataset.name())
			.tag("reason", reason)
			.register(this.meterRegistry)
			.increment();
	}

	@Override
	public void collectionSucceeded(CollectionResult result) {
		timer("success").record(result.duration());
	}

	@Override
	public void collectionFailed(Instant startedAt, Duration duration, RuntimeException failure) {
		timer("failure").record(duration);
	}

	private Timer timer(String outcome) {
		return Timer.builder("trackable.collection.duration")
			.description("How long collection runs take")
			.tag("outcome", outcome)
			.register(this.meterRegistry);
	}

}
