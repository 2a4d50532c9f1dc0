package dev.trackable.spool;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures the spool package's warnings in a test.
 */
final class LogCapture implements AutoCloseable {

	private final Logger logger = (Logger) LoggerFactory.getLogger("dev.trackable.spool");

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	LogCapture() {
		this.appender.start();
		this.logger.addAppender(this.appender);
		// Captured warnings are asserted, not printed.
		this.logger.setAdditive(false);
	}

	List<String> warnings() {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	@Override
	public void close() {
		this.logger.setAdditive(true);
		this.logger.detachAppender(this.appender);
	}

}
