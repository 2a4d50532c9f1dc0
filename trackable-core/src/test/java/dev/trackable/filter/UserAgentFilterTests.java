package dev.trackable.filter;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class UserAgentFilterTests {

	private final SpiderMatcher matcher = SpiderPatterns.of(List.of("bot")).matcher();

	@Test
	void turnsDownBotsAndCountsThem() {
		UserAgentFilter filter = new UserAgentFilter(this.matcher, true);
		assertThat(filter.accepts(request("Googlebot/2.1"))).isFalse();
		assertThat(filter.accepts(request("Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"))).isTrue();
		assertThat(filter.filteredCount()).isOne();
	}

	@Test
	void aMissingOrBlankUserAgentIsABotsUnlessConfiguredOtherwise() {
		UserAgentFilter strict = new UserAgentFilter(this.matcher, true);
		assertThat(strict.accepts(request(null))).isFalse();
		assertThat(strict.accepts(request("  "))).isFalse();
		assertThat(strict.filteredCount()).isEqualTo(2);
		UserAgentFilter lenient = new UserAgentFilter(this.matcher, false);
		assertThat(lenient.accepts(request(null))).isTrue();
		assertThat(lenient.accepts(request(""))).isTrue();
		assertThat(lenient.filteredCount()).isZero();
	}

	private static MockHttpServletRequest request(String userAgent) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		if (userAgent != null) {
			request.addHeader("User-Agent", userAgent);
		}
		return request;
	}

}
