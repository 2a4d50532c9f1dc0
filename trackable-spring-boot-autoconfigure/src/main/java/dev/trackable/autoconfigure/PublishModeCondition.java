package dev.trackable.autoconfigure;

import dev.trackable.autoconfigure.TrackableProperties.PublishMode;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches one {@code trackable.publish-mode}, read with the same relaxed binding as {@link TrackableProperties}, so
 * every value that binds selects exactly one publisher and a value that does not bind fails with the binder's
 * message.
 */
abstract class PublishModeCondition extends SpringBootCondition {

	private final PublishMode mode;

	PublishModeCondition(PublishMode mode) {
		this.mode = mode;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		PublishMode configured = Binder.get(context.getEnvironment())
			.bind("trackable.publish-mode", PublishMode.class)
			.orElse(PublishMode.BATCHED);
		String message = "trackable.publish-mode is " + configured;
		return (configured == this.mode) ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
	}

	static final class Batched extends PublishModeCondition {

		Batched() {
			super(PublishMode.BATCHED);
		}

	}

	static final class Immediate extends PublishModeCondition {

		Immediate() {
			super(PublishMode.IMMEDIATE);
		}

	}

}
