package dev.trackable.filter;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SpiderPatternsTests {

	private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
			+ "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	@Test
	void bundledListIsReadOnceFromItsResource() {
		SpiderPatterns bundled = SpiderPatterns.bundled();
		assertThat(bundled.patterns()).hasSizeGreaterThan(1000).doesNotHaveDuplicates().noneMatch(String::isBlank);
		assertThat(SpiderPatterns.bundled()).isSameAs(bundled);
	}

	@Test
	void additionalPatternsAreMatched() {
		SpiderMatcher matcher = SpiderPatterns.bundled().withAdditional(List.of("my-uptime-checker/\\d")).matcher();
		assertThat(matcher.isBot("My-Uptime-Checker/2 " + CHROME)).isTrue();
		assertThat(matcher.isBot(CHROME)).isFalse();
	}

	@Test
	void removedPatternsNoLongerMatch() {
		String userAgent = "curl/8.5.0";
		List<String> matching = SpiderPatterns.bundled().patterns().stream()
			.filter((pattern) -> SpiderPatterns.of(List.of(pattern)).matcher().isBot(userAgent))
			.toList();
		assertThat(matching).isNotEmpty();
		assertThat(SpiderPatterns.bundled().without(matching).matcher().isBot(userAgent)).isFalse();
	}

	@Test
	void removingAPatternTheListDoesNotHaveIsAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpiderPatterns.bundled().without(List.of("no-such-bot")))
			.withMessageContaining("no-such-bot")
			.withMessageContaining("cannot be removed");
	}

	@Test
	void invalidPatternsAreRejectedWithTheReason() {
		assertThatIllegalArgumentException().isThrownBy(() -> SpiderPatterns.bundled().withAdditional(List.of("a(?!b)")))
			.withMessageContaining("a(?!b)")
			.withMessageContaining("RE2");
		assertThatIllegalArgumentException().isThrownBy(() -> SpiderPatterns.of(List.of(" ")))
			.withMessageContaining("blank");
	}

	@Test
	void aPatternAddedTwiceIsKeptOnce() {
		SpiderPatterns patterns = SpiderPatterns.of(List.of("bot")).withAdditional(List.of("bot", "spider"));
		assertThat(patterns.patterns()).containsExactly("bot", "spider");
	}

}
