package dev.trackable.filter;

import java.util.concurrent.atomic.LongAdder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Leaves out the increments of requests from bots, crawlers, spiders, monitors, preview fetchers and headless
 * browsers, judged by the {@code User-Agent} header with a {@link SpiderMatcher}. Each request it turns down is
 * counted in {@link #filteredCount()}.
 */
public final class UserAgentFilter implements RequestFilter {

	private final SpiderMatcher matcher;

	private final boolean missingIsBot;

	private final LongAdder filtered = new LongAdder();

	/**
	 * Creates a filter.
	 * @param matcher the compiled spider patterns, for example {@code SpiderPatterns.bundled().matcher()}
	 * @param missingIsBot whether a request without a {@code User-Agent} header, or with a blank one, is a bot's
	 * (browsers always send one; django-trackable counted such requests as bots)
	 */
	public UserAgentFilter(SpiderMatcher matcher, boolean missingIsBot) {
		this.matcher = matcher;
		this.missingIsBot = missingIsBot;
	}

	/**
	 * Creates a filter with the bundled patterns that counts a request without a user agent as a bot's.
	 * @return the filter
	 */
	public static UserAgentFilter withBundledPatterns() {
		return new UserAgentFilter(SpiderPatterns.bundled().matcher(), true);
	}

	@Override
	public boolean accepts(HttpServletRequest request) {
		String userAgent = request.getHeader("User-Agent");
		boolean bot = (userAgent == null || userAgent.isBlank()) ? this.missingIsBot : this.matcher.isBot(userAgent);
		if (bot) {
			this.filtered.increment();
		}
		return !bot;
	}

	/**
	 * Returns whether a request without a user agent is taken for a bot's.
	 * @return the flag given at construction
	 */
	public boolean missingIsBot() {
		return this.missingIsBot;
	}

	/**
	 * Returns how many requests this filter has turned down since it was created.
	 * @return the count, for metrics
	 */
	public long filteredCount() {
		return this.filtered.sum();
	}

}
