package dev.trackable.autoconfigure;

import java.util.List;

import dev.trackable.IncrementSink;
import dev.trackable.TrackableRegistry;
import dev.trackable.collect.Collector;
import dev.trackable.collect.ParkedMessages;
import dev.trackable.command.CommandExit;
import dev.trackable.command.ConvertTrackingDataCommand;
import dev.trackable.command.FoldTrackableMessagesCommand;
import dev.trackable.command.ReplayMalformedMessagesCommand;
import dev.trackable.command.TrackableCommand;
import dev.trackable.command.TrackableCommandRunner;
import dev.trackable.convert.TrackingDataConverter;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Auto-configuration of trackable's management commands.
 */
@AutoConfiguration(after = TrackableAutoConfiguration.class)
@ConditionalOnBean(ParkedMessages.class)
public final class TrackableCommandAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ReplayMalformedMessagesCommand trackableReplayMalformedMessagesCommand(ParkedMessages parked) {
		return new ReplayMalformedMessagesCommand(parked);
	}

	@Bean
	@ConditionalOnMissingBean
	FoldTrackableMessagesCommand trackableFoldTrackableMessagesCommand(Collector collector,
			TrackableRegistry registry, IncrementSink sink, TrackableProperties properties) {
		return new FoldTrackableMessagesCommand(collector, registry, sink, properties.maxMessagesPerQueue());
	}

	@Bean
	@ConditionalOnMissingBean
	TrackingDataConverter trackableTrackingDataConverter(EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, TrackableProperties properties) {
		return new TrackingDataConverter(entityManagerFactory, transactionManager, properties.getTimeZone(),
				TrackingDataConverter.DEFAULT_BATCH_SIZE);
	}

	@Bean
	@ConditionalOnMissingBean
	ConvertTrackingDataCommand trackableConvertTrackingDataCommand(TrackingDataConverter converter,
			TrackableRegistry registry) {
		return new ConvertTrackingDataCommand(converter, registry);
	}

	@Bean
	@ConditionalOnMissingBean
	CommandExit trackableCommandExit() {
		return System::exit;
	}

	@Bean
	@ConditionalOnMissingBean
	TrackableCommandRunner trackableCommandRunner(ObjectProvider<TrackableCommand> commands,
			ApplicationContext context, CommandExit exit) {
		return new TrackableCommandRunner(commands.orderedStream().toList(), context, exit);
	}

}
