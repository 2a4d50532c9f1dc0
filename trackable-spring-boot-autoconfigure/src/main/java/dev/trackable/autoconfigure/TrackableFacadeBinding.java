package dev.trackable.autoconfigure;

import dev.trackable.Trackable;
import dev.trackable.Tracker;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Binds the static {@link Trackable} facade to the application's tracker while the application runs.
 */
final class TrackableFacadeBinding implements InitializingBean, DisposableBean {

	private final Tracker tracker;

	TrackableFacadeBinding(Tracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public void afterPropertiesSet() {
		Trackable.bind(this.tracker);
	}

	@Override
	public void destroy() {
		Trackable.unbind(this.tracker);
	}

}
