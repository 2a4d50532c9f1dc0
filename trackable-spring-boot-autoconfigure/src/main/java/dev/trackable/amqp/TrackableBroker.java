package dev.trackable.amqp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.trackable.message.CountMessage;
import dev.trackable.message.CountMessageCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionListener;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.amqp.rabbit.core.ChannelCallback;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Trackable's access to the broker: a durable direct exchange with one durable queue per dataset (routing key = the
 * dataset's name), persistent messages published with confirms, and channels for the collector.
 * <p>
 * Queues are declared before the first publish or get of a dataset on each new connection, so a message is never
 * routed to nowhere, whichever instance starts first and however often the broker restarts. The only
 * RabbitMQ-specific argument, {@code x-queue-type: quorum}, is declared only when asked for and when the broker says
 * it is RabbitMQ, so any AMQP 0-9-1 broker works.
 */
public final class TrackableBroker {

	/** Header of a parked message: why it could not be folded. */
	public static final String REASON_HEADER = "x-trackable-reason";

	/** Header of a parked message: the error in words. */
	public static final String ERROR_HEADER = "x-trackable-error";

	/** Header of a parked message: the queue it came from. */
	public static final String ORIGIN_HEADER = "x-trackable-origin";

	private static final String VERSION_HEADER = "x-trackable-version";

	private static final Logger logger = LoggerFactory.getLogger(TrackableBroker.class);

	private final RabbitTemplate template;

	private final RabbitAdmin admin;

	private final String exchange;

	private final String queuePrefix;

	private final String malformedQueue;

	private final long confirmTimeoutMillis;

	private final boolean quorum;

	private final AtomicBoolean quorumIgnoredLogged = new AtomicBoolean();

	private final Set<String> declared = ConcurrentHashMap.newKeySet();

	/** The arguments of the queues on the current connection, which depend on the broker it reached. */
	private volatile @Nullable Map<String, Object> queueArguments;

	/**
	 * Creates broker access.
	 * @param connectionFactory a connection factory with simple publisher confirms
	 * @param exchange the exchange name
	 * @param queuePrefix the prefix of the dataset queues' names
	 * @param malformedQueue the queue malformed messages are parked in
	 * @param confirmTimeout how long a publish waits for its confirm
	 * @param quorum whether to declare quorum queues where the broker is RabbitMQ
	 */
	public TrackableBroker(ConnectionFactory connectionFactory, String exchange, String queuePrefix,
			String malformedQueue, Duration confirmTimeout, boolean quorum) {
		this.template = new RabbitTemplate(connectionFactory);
		this.admin = new RabbitAdmin(connectionFactory);
		this.exchange = exchange;
		this.queuePrefix = queuePrefix;
		this.malformedQueue = malformedQueue;
		this.confirmTimeoutMillis = confirmTimeout.toMillis();
		this.quorum = quorum;
		connectionFactory.addConnectionListener(new ConnectionListener() {
			@Override
			public void onCreate(org.springframework.amqp.rabbit.connection.Connection connection) {
				TrackableBroker.this.declared.clear();
				TrackableBroker.this.queueArguments = null;
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
		this.admin.declareExchange(exchange);
		Queue queue = declareQueue(queueOf(dataset));
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
		if (!this.declared.contains("\0" + this.malformedQueue)) {
			declareQueue(this.malformedQueue);
			this.declared.add("\0" + this.malformedQueue);
		}
	}

	/**
	 * Declares a durable queue of the configured type.
	 * @throws IllegalStateException if the queue exists with another type, which the broker refuses to change
	 */
	private Queue declareQueue(String name) {
		Queue queue = new Queue(name, true, false, false, queueArguments());
		try {
			this.admin.declareQueue(queue);
			return queue;
		}
		catch (AmqpException ex) {
			if (!RabbitUtils.isMismatchedQueueArgs(ex)) {
				throw ex;
			}
			throw new IllegalStateException("Queue '" + name + "' exists with another type than "
					+ "trackable.queue-type=" + (this.quorum ? "quorum" : "classic") + " declares, and a queue's type "
					+ "cannot change: set trackable.queue-type to the type it has, or let the collector drain it, "
					+ "delete it (rabbitmqctl delete_queue " + name + ") and restart", ex);
		}
	}

	private Map<String, Object> queueArguments() {
		Map<String, Object> arguments = this.queueArguments;
		if (arguments == null) {
			arguments = (this.quorum && isRabbitMq()) ? Map.of("x-queue-type", "quorum") : Map.of();
			this.queueArguments = arguments;
		}
		return arguments;
	}

	/**
	 * Whether the broker is RabbitMQ, by the {@code product} it names on connecting: quorum queues exist only there,
	 * and other AMQP 0-9-1 brokers, such as the embedded one, would refuse their argument.
	 */
	private boolean isRabbitMq() {
		String product = this.template
			.execute((channel) -> String.valueOf(channel.getConnection().getServerProperties().get("product")));
		if ("RabbitMQ".equals(product)) {
			return true;
		}
		if (this.quorumIgnoredLogged.compareAndSet(false, true)) {
			logger.info("trackable.queue-type=quorum is ignored: the broker is {}, not RabbitMQ, and its queues are "
					+ "declared without arguments", product);
		}
		return false;
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
