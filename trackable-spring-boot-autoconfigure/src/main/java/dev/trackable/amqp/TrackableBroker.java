package dev.trackable.amqp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.core.ChannelCallback;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Trackable's access to the broker: a durable direct exchange with one durable queue per dataset (routing key = the
 * dataset's name), persistent messages published with confirms, and channels for the collector.
 * <p>
 * Queues are declared before the first publish or get of a dataset on each new connection, so a message is never
 * routed to nowhere, whichever instance starts first and however often the broker restarts. No RabbitMQ-specific
 * {@code x-} arguments are declared, so any AMQP 0-9-1 broker works.
 */
public final class TrackableBroker {

	/** Header of a parked message: why it could not be folded. */
	public static final String REASON_HEADER = "x-trackable-reason";

	/** Header of a parked message: the error in words. */
	public static final String ERROR_HEADER = "x-trackable-error";

	/** Header of a parked message: the queue it came from. */
	public static final String ORIGIN_HEADER = "x-trackable-origin";

	private static final String VERSION_HEADER = "x-trackable-version";

	private final RabbitTemplate template;

	private final RabbitAdmin admin;

	private final String exchange;

	private final String queuePrefix;

	private final String malformedQueue;

	private final long confirmTimeoutMillis;

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	/**
	 * Creates broker access.
	 * @param connectionFactory a connection factory with simple publisher confirms
	 * @param exchange the exchange name
	 * @param queuePrefix the prefix of the dataset queues' names
	 * @param malformedQueue the queue malformed messages are parked in
	 * @param confirmTimeout how long a publish waits for its confirm
	 */
	public TrackableBroker(ConnectionFactory connectionFactory, String exchange, String queuePrefix,
			String malformedQueue, Duration confirmTimeout) {
		this.template = new RabbitTemplate(connectionFactory);
		this.admin = new RabbitAdmin(connectionFactory);
		this.exchange = exchange;
		this.queuePrefix = queuePrefix;
		this.malformedQueue = malformedQueue;
		this.confirmTimeoutMillis = confirmTimeout.toMillis();
		connectionFactory.addConnectionListener(new ConnectionListener() {
			@Override
			public void onCreate(org.springframework.amqp.rabbit.connection.Connection connection) {
				TrackableBroker.this.declared.clear();
			}
		});
	}

	/**
	 * Returns the queue of a dataset.
	 * @param dataset a dataset name
	 * @return its queue's name
	 */
	public String queueOf(String dataset) {
		return this.queuePrefix + dataset;
	}

	/** @return the queue malformed messages are parked in */
	public String malformedQueue() {
		return this.malformedQueue;
	}

	/**
	 * Publishes a message persistently and waits for the broker's confirm.
	 * @param message the message
	 * @param body its encoded body
	 * @throws org.springframework.amqp.AmqpException if the broker cannot be reached, nacks or does not confirm in time
	 */
	public void publish(CountMessage message, byte[] body) {
		declare(message.dataset());
		Message amqpMessage = MessageBuilder.withBody(body)
			.setContentType(CountMessageCodec.CONTENT_TYPE)
			.setMessageId(message.id())
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.setHeader(VERSION_HEADER, CountMessageCodec.VERSION)
			.build();
		confirmedSend(this.exchange, message.dataset(), amqpMessage);
	}

	/**
	 * Moves a message that cannot be folded to the malformed queue, with the reason in its headers.
	 * @param body the original body
	 * @param origin the queue it came from
	 * @param reason a short reason code
	 * @param error the error in words
	 */
	public void park(byte[] body, String origin, String reason, String error) {
		declareMalformedQueue();
		Message parked = MessageBuilder.withBody(body)
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.setHeader(REASON_HEADER, reason)
			.setHeader(ERROR_HEADER, (error.length() > 1000) ? error.substring(0, 1000) : error)
			.setHeader(ORIGIN_HEADER, origin)
			.build();
		confirmedSend("", this.malformedQueue, parked);
	}

	/**
	 * Puts a parked message back on the queue it came from, as a persistent message confirmed by the broker.
	 * @param queue the queue
	 * @param body the message body
	 */
	public void republish(String queue, byte[] body) {
		Message message = MessageBuilder.withBody(body)
			.setContentType(CountMessageCodec.CONTENT_TYPE)
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.build();
		confirmedSend("", queue, message);
	}

	private void confirmedSend(String exchange, String routingKey, Message message) {
		this.template.invoke((operations) -> {
			operations.send(exchange, routingKey, message);
			operations.waitForConfirmsOrDie(this.confirmTimeoutMillis);
			return null;
		});
	}

	/**
	 * Declares the exchange, a dataset's queue and their binding, once per connection.
	 * @param dataset the dataset name
	 */
	public void declare(String dataset) {
		if (this.declared.contains(dataset)) {
			return;
		}
		DirectExchange exchange = new DirectExchange(this.exchange, true, false);
		Queue queue = new Queue(queueOf(dataset), true, false, false, Map.of());
		this.admin.declareExchange(exchange);
		this.admin.declareQueue(queue);
		this.admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(dataset));
		this.declared.add(dataset);
	}

	/**
	 * Returns how many messages wait in a dataset's queue, declaring it first so that a queue nothing was published to
	 * yet counts as empty.
	 * @param dataset the dataset name
	 * @return the number of messages ready for the collector
	 * @throws org.springframework.amqp.AmqpException if the broker cannot be reached
	 */
	public long messageCount(String dataset) {
		declare(dataset);
		Long count = execute((channel) -> channel.messageCount(queueOf(dataset)));
		return (count != null) ? count : 0;
	}

	private void declareMalformedQueue() {
		// Tracked with the datasets so that a new connection declares it again; no dataset name starts with NUL.
		if (this.declared.add("\0" + this.malformedQueue)) {
			this.admin.declareQueue(new Queue(this.malformedQueue, true, false, false, Map.of()));
		}
	}

	/**
	 * Runs an action on a channel of trackable's connection.
	 * @param <T> the result type
	 * @param action the action
	 * @return its result
	 */
	public <T> @Nullable T execute(ChannelCallback<T> action) {
		return this.template.execute(action);
	}

}
