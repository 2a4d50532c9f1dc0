package dev.trackable.autoconfigure;

import dev.trackable.amqp.TrackableBroker;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitConnectionFactoryBean;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.amqp.autoconfigure.CachingConnectionFactoryConfigurer;
import org.springframework.boot.amqp.autoconfigure.ConnectionFactoryCustomizer;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionFactoryBeanConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of trackable's broker access. The only class that refers to Spring Boot's RabbitMQ
 * auto-configuration, whose package moves between Boot versions.
 * <p>
 * Trackable gets a connection of its own, configured from the {@code spring.rabbitmq.*} properties and the
 * {@code ConnectionFactoryCustomizer} beans like the application's, but with publisher confirms, which its publishing relies on. It is not a default autowire candidate,
 * so the application's own {@code ConnectionFactory} injection points stay unambiguous.
 */
@AutoConfiguration(after = RabbitAutoConfiguration.class)
@ConditionalOnClass({ RabbitTemplate.class, TrackableBroker.class })
@ConditionalOnBean({ RabbitConnectionFactoryBeanConfigurer.class, CachingConnectionFactoryConfigurer.class })
@EnableConfigurationProperties(TrackableProperties.class)
public final class TrackableRabbitAutoConfiguration {

	/** The name of trackable's connection factory bean; define one with this name to replace it. */
	public static final String CONNECTION_FACTORY_BEAN_NAME = "trackableConnectionFactory";

	@Bean(name = CONNECTION_FACTORY_BEAN_NAME, defaultCandidate = false)
	@ConditionalOnMissingBean(name = CONNECTION_FACTORY_BEAN_NAME)
	CachingConnectionFactory trackableConnectionFactory(RabbitConnectionFactoryBeanConfigurer rabbitConfigurer,
			CachingConnectionFactoryConfigurer cachingConfigurer, ObjectProvider<ConnectionFactoryCustomizer> customizers)
			throws Exception {
		RabbitConnectionFactoryBean factoryBean = new RabbitConnectionFactoryBean();
		rabbitConfigurer.configure(factoryBean);
		factoryBean.afterPropertiesSet();
		com.rabbitmq.client.ConnectionFactory rabbitConnectionFactory = factoryBean.getObject();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(rabbitConnectionFactory));
		CachingConnectionFactory connectionFactory = new CachingConnectionFactory(rabbitConnectionFactory);
		cachingConfigurer.configure(connectionFactory);
		connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
		connectionFactory.setConnectionNameStrategy((factory) -> "trackable");
		return connectionFactory;
	}

	@Bean
	@ConditionalOnMissingBean
	TrackableBroker trackableBroker(@Qualifier(CONNECTION_FACTORY_BEAN_NAME) ConnectionFactory connectionFactory,
			TrackableProperties properties) {
		return new TrackableBroker(connectionFactory, properties.getExchange(), properties.getQueuePrefix(),
				properties.getMalformedQueue(), properties.getPublishConfirmTimeout(),
				properties.getQueueType() == TrackableProperties.QueueType.QUORUM);
	}

}
