package dev.trackable.autoconfigure;

import dev.trackable.Trackable;
import dev.trackable.Tracker;
import dev.trackable.send.BatchingPublisher;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;

/**
 * Binds the static {@link Trackable} facade to the application's tracker while the application runs: from the
 * tracker's creation, so that code run during startup can count, until the application stops, and again whenever it
 * is started after a stop. A stopped application's publisher sends nothing, so the facade must not lead increments
 * there: this matters where several applications share a JVM (Spring's test context cache stops the contexts a test
 * does not use) and during shutdown, where the facade is released before the publisher's last send.
 */
final class TrackableFacadeBinding implements InitializingBean, SmartLifecycle, DisposableBean {

	/** Started after the publisher and stopped before it. */
	static final int PHASE = BatchingPublisher.PHASE + 1024;

	private final Tracker tracker;

	private volatile boolean running;

	TrackableFacadeBinding(Tracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void afterPropertiesSet() {
		Trackable.bind(this.tracker);
	}

	@Override
	public void start() {
		Trackable.bind(this.tracker);
		this.running = true;
	}

	@Override
	public void stop() {
		Trackable.unbind(this.tracker);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	@Override
	public void destroy() {
		Trackable.unbind(this.tracker);
	}

}
