package dev.trackable.filter;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Decides whether the increments of a request are recorded, for example to leave out crawlers or the application's
 * own health checks. Declare implementations as beans; an increment is recorded only if every filter accepts its
 * request. Filters run on the request path, so they must be fast and must not do I/O.
 */
@FunctionalInterface
public interface RequestFilter {

	/**
	 * Returns whether increments made while serving the request are recorded.
	 * @param request the current request
	 * @return {@code true} to record them
	 */
	boolean accepts(HttpServletRequest request);

}
