/**
 * Management commands run through the application's own jar, as django-trackable's management commands were:
 * {@code java -jar app.jar <command> [arguments]}.
 */
@NullMarked
package dev.trackable.command;

import org.jspecify.annotations.NullMarked;
