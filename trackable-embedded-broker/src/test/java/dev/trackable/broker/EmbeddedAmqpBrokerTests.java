package dev.trackable.broker;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class EmbeddedAmqpBrokerTests {

	@Test
	void publishesWithConfirmsAndGetsWithManualAckOnTheDefaultVirtualHost() {
		try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start()) {
			CachingConnectionFactory connectionFactory = connectionFactory(broker);
			try {
				assertThat(connectionFactory.getVirtualHost()).isEqualTo("/");
				DirectExchange exchange = new DirectExchange("trackable.test", true, false);
				Queue queue = new Queue("trackable.test.counts", true, false, false);
				RabbitAdmin admin = new RabbitAdmin(connectionFactory);
				admin.declareExchange(exchange);
				admin.declareQueue(queue);
				admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("counts"));

				Message message = MessageBuilder.withBody("hello".getBytes(StandardCharsets.UTF_8))
					.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
					.build();
				RabbitTemplate template = new RabbitTemplate(connectionFactory);
				template.invoke((operations) -> {
					operations.send(exchange.getName(), "counts", message);
					operations.waitForConfirmsOrDie(10_000);
					return null;
				});

				// The ack must go out on the channel the message was delivered on.
				GetResponse response = template.execute((channel) -> {
					GetResponse got = channel.basicGet(queue.getName(), false);
					if (got != null) {
						channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
					}
					return got;
				});
				assertThat(response).isNotNull();
				assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
				assertThat(response.getProps().getDeliveryMode()).isEqualTo(2);
				assertThat(admin.getQueueInfo(queue.getName()).getMessageCount()).isZero();
			}
			finally {
				connectionFactory.destroy();
			}
		}
	}

	@Test
	void reportsAProductOtherThanRabbitMq() {
		try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start()) {
			CachingConnectionFactory connectionFactory = connectionFactory(broker);
			try (Connection connection = connectionFactory.createConnection()) {
				Object product = connection.getDelegate().getServerProperties().get("product");
				assertThat(product).hasToString("Apache Qpid Broker-J Core");
			}
			finally {
				connectionFactory.destroy();
			}
		}
	}

	@Test
	void listensOnLoopbackOnlyAndNotOnTheRabbitMqPort() throws IOException {
		try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start()) {
			assertThat(broker.host()).isEqualTo("127.0.0.1");
			assertThat(broker.port()).isPositive().isNotEqualTo(5672);
			try (Socket socket = new Socket(broker.host(), broker.port())) {
				assertThat(socket.isConnected()).isTrue();
			}
			Optional<InetAddress> external = nonLoopbackAddress();
			assumeThat(external).as("a non-loopback IPv4 address on this machine").isPresent();
			assertThatExceptionOfType(ConnectException.class)
				.isThrownBy(() -> connect(new InetSocketAddress(external.get(), broker.port())));
		}
	}

	@Test
	void twoBrokersRunAtOnceOnDifferentPorts() {
		try (EmbeddedAmqpBroker first = EmbeddedAmqpBroker.start();
				EmbeddedAmqpBroker second = EmbeddedAmqpBroker.start()) {
			assertThat(first.port()).isNotEqualTo(second.port());
			assertThat(productOf(first)).isEqualTo(productOf(second));
		}
	}

	@Test
	void closeFreesThePortAndCanBeRepeated() throws IOException {
		EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start();
		int port = broker.port();
		broker.close();
		broker.close();
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
		try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
			assertThat(socket.getLocalPort()).isEqualTo(port);
		}
	}

	@Test
	void usesTheGuestUser() {
		try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start()) {
			assertThat(broker.username()).isEqualTo("guest");
			assertThat(broker.password()).isEqualTo("guest");
		}
	}

	private static CachingConnectionFactory connectionFactory(EmbeddedAmqpBroker broker) {
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory(broker.host(), broker.port());
		connectionFactory.setUsername(broker.username());
		connectionFactory.setPassword(broker.password());
		connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
		return connectionFactory;
	}

	private static String productOf(EmbeddedAmqpBroker broker) {
		CachingConnectionFactory connectionFactory = connectionFactory(broker);
		try (Connection connection = connectionFactory.createConnection()) {
			return connection.getDelegate().getServerProperties().get("product").toString();
		}
		finally {
			connectionFactory.destroy();
		}
	}

	private static void connect(InetSocketAddress address) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(address, 2_000);
		}
	}

	private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
		return NetworkInterface.networkInterfaces()
			.filter(EmbeddedAmqpBrokerTests::isUp)
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address && !address.isLoopbackAddress())
			.findFirst();
	}

	private static boolean isUp(NetworkInterface networkInterface) {
		try {
			return networkInterface.isUp() && !networkInterface.isLoopback();
		}
		catch (SocketException ex) {
			return false;
		}
	}

}
