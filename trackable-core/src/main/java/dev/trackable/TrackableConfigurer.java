package dev.trackable;

/**
 * Registers datasets programmatically, as django-trackable's {@code trackable.site.register(...)} did. Declare one or
 * more as beans.
 */
@FunctionalInterface
public interface TrackableConfigurer {

	/**
	 * Registers datasets with the application's registry.
	 * @param site the registry
	 */
	void configure(TrackableRegistry site);

}
