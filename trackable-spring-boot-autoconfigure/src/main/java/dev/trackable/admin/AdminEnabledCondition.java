package dev.trackable.admin;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code trackable.admin.enabled} is true, or, when it is not set, when Spring Boot's {@code debug}
 * property is: django-trackable registered its admin only under {@code DEBUG}. {@code debug} counts as set as Spring
 * Boot's logging reads it: present and not {@code false}, so {@code --debug} alone turns it on.
 */
final class AdminEnabledCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		Boolean enabled = Binder.get(environment).bind("trackable.admin.enabled", Boolean.class).orElse(null);
		if (enabled != null) {
			String message = "trackable.admin.enabled is " + enabled;
			return enabled ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
		}
		String debug = environment.getProperty("debug");
		boolean debugSet = debug != null && !debug.equals("false");
		String message = "trackable.admin.enabled is not set and debug is " + (debugSet ? "on" : "off");
		return debugSet ? ConditionOutcome.match(message) : ConditionOutcome.noMatch(message);
	}

}
