package dev.trackable.autoconfigure;

import java.util.List;

import dev.trackable.collect.ParkedMessages;
import dev.trackable.command.CommandExit;
import dev.trackable.command.ReplayMalformedMessagesCommand;
import dev.trackable.command.TrackableCommand;
import dev.trackable.command.TrackableCommandRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

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
