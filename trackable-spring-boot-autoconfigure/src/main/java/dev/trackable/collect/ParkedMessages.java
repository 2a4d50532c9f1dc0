package dev.trackable.collect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import dev.trackable.amqp.TrackableBroker;

/**
 * Lists the messages parked in the malformed queue and moves them back to the queues they came from, once the
 * application has been fixed (a field added, a dataset registered) so that they can be folded.
 */
public final class ParkedMessages {

	private static final int PREVIEW_LENGTH = 200;

	private final TrackableBroker broker;

	public ParkedMessages(TrackableBroker broker) {
		this.broker = broker;
	}

	/** @return the number of messages parked */
	public long count() {
		Long count = this.broker.execute((channel) -> {
			declare(channel);
			return channel.messageCount(this.broker.malformedQueue());
		});
		return (count != null) ? count : 0;
	}

	/**
	 * Returns the first parked messages, leaving them parked.
	 * @param max the most messages to return
	 * @return the messages
	 */
	public List<ParkedMessage> list(int max) {
		List<ParkedMessage> parked = this.broker.execute((channel) -> {
			declare(channel);
			List<ParkedMessage> messages = new ArrayList<>();
			long lastTag = -1;
			for (int i = 0; i < max; i++) {
				GetResponse response = channel.basicGet(this.broker.malformedQueue(), false);
				if (response == null) {
					break;
				}
				lastTag = response.getEnvelope().getDeliveryTag();
				messages.add(describe(response));
			}
			if (lastTag >= 0) {
				channel.basicNack(lastTag, true, true);
			}
			return messages;
		});
		return (parked != null) ? parked : List.of();
	}

	/**
	 * Moves parked messages back to the queues they came from, each confirmed by the broker before it leaves the
	 * malformed queue. Only the messages parked when the replay starts are moved, so one that is malformed still and
	 * parked again is not replayed twice.
	 * @param max the most messages to move
	 * @return the number of messages moved
	 */
	public int replay(int max) {
		Integer moved = this.broker.execute((channel) -> {
			declare(channel);
			long parked = Math.min(max, channel.messageCount(this.broker.malformedQueue()));
			int count = 0;
			for (long i = 0; i < parked; i++) {
				GetResponse response = channel.basicGet(this.broker.malformedQueue(), false);
				if (response == null) {
					break;
				}
				String origin = header(response, TrackableBroker.ORIGIN_HEADER);
				if (origin.isEmpty()) {
					channel.basicNack(response.getEnvelope().getDeliveryTag(), false, true);
					continue;
				}
				this.broker.republish(origin, response.getBody());
				channel.basicAck(response.getEnvelope().getDeliveryTag(), false);
				count++;
			}
			return count;
		});
		return (moved != null) ? moved : 0;
	}

	private void declare(Channel channel) throws java.io.IOException {
		channel.queueDeclare(this.broker.malformedQueue(), true, false, false, null);
	}

	private static ParkedMessage describe(GetResponse response) {
		byte[] body = response.getBody();
		String text = new String(body, 0, Math.min(body.length, PREVIEW_LENGTH), StandardCharsets.UTF_8);
		return new ParkedMessage(header(response, TrackableBroker.REASON_HEADER),
				header(response, TrackableBroker.ERROR_HEADER), header(response, TrackableBroker.ORIGIN_HEADER),
				body.length, text);
	}

	private static String header(GetResponse response, String name) {
		Map<String, Object> headers = response.getProps().getHeaders();
		Object value = (headers != null) ? headers.get(name) : null;
		return (value != null) ? value.toString() : "";
	}

}
