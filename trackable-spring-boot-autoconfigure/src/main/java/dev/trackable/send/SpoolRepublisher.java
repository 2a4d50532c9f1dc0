package dev.trackable.send;

import dev.trackable.amqp.TrackableBroker;
import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import dev.trackable.spool.RecordSink;

/**
 * Publishes spooled messages again exactly as they were, id included, so that the collector recognises one the broker
 * had received after all, and counts them by dataset.
 */
final class SpoolRepublisher implements RecordSink {

	private final TrackableBroker broker;

	private final CountMessageCodec codec;

	private final PublishCounters counters;

	SpoolRepublisher(TrackableBroker broker, CountMessageCodec codec, PublishCounters counters) {
		this.broker = broker;
		this.codec = codec;
		this.counters = counters;
	}

	@Override
	public void publish(byte[] record) {
		CountMessage message = this.codec.decode(record);
		this.broker.publish(message, record);
		this.counters.replayed(message.dataset());
	}

}
