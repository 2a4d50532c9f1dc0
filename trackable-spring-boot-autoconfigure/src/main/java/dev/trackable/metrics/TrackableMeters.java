package dev.trackable.metrics;

import java.util.function.ToDoubleFunction;

import dev.trackable.Dataset;
import dev.trackable.Tracker;
import dev.trackable.TrackableRegistry;
import dev.trackable.amqp.TrackableBroker;
import dev.trackable.send.PublishCounters;
import dev.trackable.spool.Spool;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.amqp.AmqpException;

/**
 * Binds the counts that the request path and the publisher keep anyway, so that metrics add nothing to their work:
 * each meter reads a counter when the registry asks for it. Meters are tagged with the dataset's name, for the
 * datasets registered when the meters are bound.
 * <p>
 * The queue depth gauge asks the broker whenever it is read, and reads NaN while the broker cannot be reached.
 */
public final class TrackableMeters implements MeterBinder {

	private final TrackableRegistry registry;

	private final Tracker tracker;

	private final PublishCounters publishCounters;

	private final TrackableBroker broker;

	private final Spool spool;

	public TrackableMeters(TrackableRegistry registry, Tracker tracker, PublishCounters publishCounters,
			TrackableBroker broker, Spool spool) {
		this.registry = registry;
		this.tracker = tracker;
		this.publishCounters = publishCounters;
		this.broker = broker;
		this.spool = spool;
	}

	@Override
	public void bindTo(MeterRegistry meterRegistry) {
		for (Dataset dataset : this.registry.datasets()) {
			String name = dataset.name();
			Tags tags = Tags.of("dataset", name);
			counter(meterRegistry, "trackable.increments.recorded", "Increments and decrements recorded", tags,
					this.tracker, (tracker) -> tracker.recordedIncrements(name));
			counter(meterRegistry, "trackable.increments.filtered",
					"Increments and decrements left out because a request filter turned the request down (bots)",
					tags, this.tracker, (tracker) -> tracker.filteredIncrements(name));
			counter(meterRegistry, "trackable.messages.published", "Messages the broker confirmed when first published",
					tags, this.publishCounters, (counters) -> counters.publishedMessages(name));
			counter(meterRegistry, "trackable.messages.spooled",
					"Messages written to the local spool because the broker did not confirm them", tags,
					this.publishCounters, (counters) -> counters.spooledMessages(name));
			counter(meterRegistry, "trackable.messages.replayed",
					"Spooled messages the broker confirmed on replay", tags, this.publishCounters,
					(counters) -> counters.replayedMessages(name));
			counter(meterRegistry, "trackable.increments.dropped",
					"Counter increments dropped because the spool was full or failed", tags, this.publishCounters,
					(counters) -> counters.droppedIncrements(name));
			Gauge.builder("trackable.queue.depth", this.broker, (broker) -> queueDepth(broker, name))
				.description("Messages waiting in the dataset's queue for the collector")
				.baseUnit("messages")
				.tags(tags)
				.register(meterRegistry);
		}
		Gauge.builder("trackable.spool.size", this.spool, Spool::sizeBytes)
			.description("Bytes held by the local spool of messages the broker did not confirm")
			.baseUnit(BaseUnits.BYTES)
			.register(meterRegistry);
	}

	private static <T> void counter(MeterRegistry meterRegistry, String name, String description, Tags tags, T source,
			ToDoubleFunction<T> count) {
		FunctionCounter.builder(name, source, count)
			.description(description)
			.tags(tags)
			.register(meterRegistry);
	}

	private static double queueDepth(TrackableBroker broker, String dataset) {
		try {
			return broker.messageCount(dataset);
		}
		catch (AmqpException ex) {
			return Double.NaN;
		}
	}

}
