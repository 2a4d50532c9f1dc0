package dev.trackable.collect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import dev.trackable.amqp.TrackableBroker;
import dev.trackable.log.ThrottledLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens to a message that cannot be folded: parked in the malformed queue with its reason (the default), or,
 * with {@code trackable.remove-malformed-messages=true}, discarded with a warning. Either way it never comes back to
 * the collector, so it cannot stall collection, and it is counted by reason.
 */
public final class MalformedMessageHandler {

	private static final Logger logger = LoggerFactory.getLogger(MalformedMessageHandler.class);

	private final ThrottledLogger warnings = new ThrottledLogger(logger, 10, TimeUnit.SECONDS);

	private final TrackableBroker broker;

	private final boolean remove;

	private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	/**
	 * Creates a handler.
	 * @param broker the broker to park messages with
	 * @param remove whether to discard malformed messages instead of parking them
	 */
	public MalformedMessageHandler(TrackableBroker broker, boolean remove) {
		this.broker = broker;
		this.remove = remove;
	}

	/**
	 * Parks or discards a message. Parking is confirmed by the broker before this returns, so the caller may then
	 * acknowledge the original.
	 * @param body the message body
	 * @param origin the queue it came from
	 * @param reason a short reason code
	 * @param error what is wrong, in words
	 */
	void handle(byte[] body, String origin, String reason, String error) {
		if (this.remove) {
			this.warnings.warn("Discarded a malformed message from {} ({}): {}", origin, reason, error);
		}
		else {
			this.broker.park(body, origin, reason, error);
			this.warnings.warn("Parked a malformed message from {} in {} ({}): {}", origin,
					this.broker.malformedQueue(), reason, error);
		}
		this.counts.computeIfAbsent(reason, (key) -> new LongAdder()).increment();
	}

	/** @return the number of malformed messages handled so far, by reason */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new java.util.TreeMap<>();
		this.counts.forEach((reason, count) -> counts.put(reason, count.sum()));
		return counts;
	}

	/** @return whether malformed messages are discarded rather than parked */
	public boolean removes() {
		return this.remove;
	}

}
