package dev.trackable.filter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Tells bot user agents from people's, with {@link SpiderPatterns} compiled once. Thread-safe, no I/O, no locks.
 * <p>
 * Checking some 1,800 regular expressions one after the other would take tens of microseconds, so each pattern is
 * indexed by literals one of which every match must contain ({@code "bot"}, {@code "crawl"}, {@code "http"}...): a
 * single pass over the user agent finds the literals present, and only the patterns of those (plus the few that have
 * no literal) are run. A pattern that is nothing but its literal matches as soon as the literal is found. Patterns run
 * on RE2/J, whose time is linear in the input, and only on the first {@value #MAX_LENGTH} characters: no user agent
 * can make a check backtrack catastrophically, whatever the patterns.
 */
public final class SpiderMatcher {

	/** Only this many leading characters of a user agent are looked at. */
	public static final int MAX_LENGTH = 512;

	/** Some 1,800 literals fit in tables of 4,096 buckets, which stay in the CPU's caches. */
	private static final int TABLE_BITS = 12;

	private final Pattern[] patterns;

	private final PatternAnalysis[] analyses;

	/** Literals of two characters, bucketed by a hash of them. */
	private final Literal[][] pairs = new Literal[1 << TABLE_BITS][];

	/**
	 * Literals of three or more characters, bucketed by a hash of their first three: two would put hundreds of
	 * literals in the buckets of common pairs such as "mo" or "ap", all compared at every position they occur.
	 */
	private final Literal[][] longer = new Literal[1 << TABLE_BITS][];

	/**
	 * One bit for each pair of ASCII characters that begins a literal: two in three positions of a browser's user
	 * agent begin none, and this L1-sized test spares them the table lookups.
	 */
	private final long[] leadingPairs = new long[128 * 128 / 64];

	/** Literals of one ASCII character, by that character. */
	private final Literal[] singles = new Literal[128];

	/** Patterns that have no literal and run on every user agent. */
	private final int[] unindexed;

	SpiderMatcher(List<String> patterns) {
		this.patterns = new Pattern[patterns.size()];
		this.analyses = new PatternAnalysis[patterns.size()];
		Map<String, Literal> literals = new LinkedHashMap<>();
		List<Integer> unindexed = new ArrayList<>();
		for (int i = 0; i < this.patterns.length; i++) {
			String regex = patterns.get(i);
			this.patterns[i] = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
			PatternAnalysis analysis = PatternAnalysis.of(regex);
			this.analyses[i] = analysis;
			Set<String> required = analysis.literals();
			boolean indexable = required != null
					&& required.stream().allMatch((literal) -> literal.length() > 1 || literal.charAt(0) < 128);
			if (!indexable) {
				unindexed.add(i);
				continue;
			}
			for (String literal : required) {
				literals.computeIfAbsent(literal, Literal::new).add(i, analysis.plain());
			}
		}
		this.unindexed = unindexed.stream().mapToInt(Integer::intValue).toArray();
		Map<Integer, List<Literal>> pairs = new HashMap<>();
		Map<Integer, List<Literal>> longer = new HashMap<>();
		for (Literal literal : literals.values()) {
			char[] text = literal.text;
			if (text.length == 1) {
				this.singles[text[0]] = literal;
				continue;
			}
			if ((text[0] | text[1]) < 128) {
				this.leadingPairs[(text[0] << 1) | (text[1] >>> 6)] |= 1L << text[1];
			}
			if (text.length == 2) {
				pairs.computeIfAbsent(bucket(text[0], text[1], '\0'), (key) -> new ArrayList<>()).add(literal);
			}
			else {
				longer.computeIfAbsent(bucket(text[0], text[1], text[2]), (key) -> new ArrayList<>()).add(literal);
			}
		}
		pairs.forEach((key, list) -> this.pairs[key] = list.toArray(Literal[]::new));
		longer.forEach((key, list) -> this.longer[key] = list.toArray(Literal[]::new));
	}

	/**
	 * Returns whether a user agent is a bot's.
	 * @param userAgent the {@code User-Agent} header
	 * @return {@code true} if one of the patterns matches its first {@value #MAX_LENGTH} characters; {@code false}
	 * for a missing or blank user agent, about which the caller decides
	 */
	public boolean isBot(@Nullable CharSequence userAgent) {
		if (userAgent == null) {
			return false;
		}
		String text = ((userAgent.length() > MAX_LENGTH) ? userAgent.subSequence(0, MAX_LENGTH) : userAgent).toString();
		int length = text.length();
		Input input = new Input(text, this.patterns.length);
		char[] folded = input.folded;
		for (int i = 0; i < length; i++) {
			char c = folded[i];
			if (c < 128 && this.singles[c] != null && this.singles[c].matches(this, input)) {
				return true;
			}
			if (i + 1 < length && mayBeginLiteral(c, folded[i + 1])
					&& (found(this.pairs[bucket(c, folded[i + 1], '\0')], input, i) || i + 2 < length
							&& found(this.longer[bucket(c, folded[i + 1], folded[i + 2])], input, i))) {
				return true;
			}
		}
		for (int index : this.unindexed) {
			if (run(index, input)) {
				return true;
			}
		}
		return false;
	}

	/** @return how many patterns run on every user agent because they have no literal (for tests) */
	int unindexedCount() {
		return this.unindexed.length;
	}

	/**
	 * Folds a character for comparing literals, consistently with RE2's case-insensitive matching: lower case of
	 * upper case maps each of K, k and the Kelvin sign, or S, s and the long s, to one character.
	 */
	static char fold(char c) {
		if (c < 128) {
			return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
		}
		return Character.toLowerCase(Character.toUpperCase(c));
	}

	private boolean mayBeginLiteral(char first, char second) {
		// Pairs with a character beyond ASCII are not in the bitmap: the tables decide.
		return (first | second) >= 128 || (this.leadingPairs[(first << 1) | (second >>> 6)] & (1L << second)) != 0;
	}

	private static int bucket(char first, char second, char third) {
		return ((first * 0x2F0B3) ^ (second * 0x9E37) ^ (third * 31)) & ((1 << TABLE_BITS) - 1);
	}

	/** Whether one of the literals of a bucket occurs at a position, and one of its patterns matches. */
	private boolean found(Literal @Nullable [] candidates, Input input, int position) {
		if (candidates != null) {
			for (Literal literal : candidates) {
				if (literal.occursAt(input.folded, position) && literal.matches(this, input)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Runs a pattern, once per user agent, unless a cheap test shows that it cannot match. */
	private boolean run(int index, Input input) {
		// The cheap test first: it rules out most patterns, and then no record of what ran is needed.
		PatternAnalysis analysis = this.analyses[index];
		if (!input.mayMatch(analysis) || !input.firstRun(index)) {
			return false;
		}
		com.google.re2j.Matcher matcher = this.patterns[index].matcher(input.text);
		// An anchored pattern is tried at the start only: RE2/J's find() would step through the whole input.
		return analysis.atStart() ? matcher.lookingAt() : matcher.find();
	}

	/** A user agent being checked: its first characters, folded, and which characters it has. */
	private static final class Input {

		final String text;

		final char[] folded;

		private final int patterns;

		/** Which characters the user agent has, for patterns anchored at both ends. */
		private final CharSet chars;

		/** The patterns already run, one bit each; most user agents run none, so it is made on first use. */
		private long @Nullable [] tried;

		Input(String text, int patterns) {
			this.text = text;
			this.folded = text.toCharArray();
			long low = 0;
			long high = 0;
			boolean other = false;
			for (int i = 0; i < this.folded.length; i++) {
				char c = fold(this.folded[i]);
				this.folded[i] = c;
				if (c < 64) {
					low |= 1L << c;
				}
				else if (c < 128) {
					high |= 1L << (c - 64);
				}
				else {
					other = true;
				}
			}
			this.chars = new CharSet(low, high, other);
			this.patterns = patterns;
		}

		/** Marks a pattern as run, and tells whether it was not yet. */
		boolean firstRun(int index) {
			if (this.tried == null) {
				this.tried = new long[(this.patterns + 63) >>> 6];
			}
			long bit = 1L << index;
			boolean first = (this.tried[index >>> 6] & bit) == 0;
			this.tried[index >>> 6] |= bit;
			return first;
		}

		/** Whether the first, last and all characters allow a match of an anchored pattern. */
		boolean mayMatch(PatternAnalysis analysis) {
			PatternAnalysis.Shape shape = analysis.shape();
			if (shape.nullable() || (!analysis.atStart() && !analysis.atEnd())) {
				return true;
			}
			int length = this.folded.length;
			if (length == 0 || analysis.atStart() && !shape.first().contains(this.folded[0])
					|| analysis.atEnd() && !shape.last().contains(this.folded[length - 1])) {
				return false;
			}
			return !(analysis.atStart() && analysis.atEnd()) || shape.all().containsAll(this.chars);
		}

	}

	/** A literal and the patterns that require it. */
	private static final class Literal {

		final char[] text;

		int[] patterns = new int[0];

		/** Whether one of the patterns is this literal alone, so that finding it is a match. */
		boolean plain;

		Literal(String text) {
			this.text = text.toCharArray();
		}

		void add(int pattern, boolean plain) {
			this.patterns = Arrays.copyOf(this.patterns, this.patterns.length + 1);
			this.patterns[this.patterns.length - 1] = pattern;
			this.plain |= plain;
		}

		boolean occursAt(char[] folded, int start) {
			if (start + this.text.length > folded.length) {
				return false;
			}
			for (int i = 2; i < this.text.length; i++) {
				if (folded[start + i] != this.text[i]) {
					return false;
				}
			}
			return folded[start] == this.text[0] && folded[start + 1] == this.text[1];
		}

		boolean matches(SpiderMatcher matcher, Input input) {
			if (this.plain) {
				return true;
			}
			for (int pattern : this.patterns) {
				if (matcher.run(pattern, input)) {
					return true;
				}
			}
			return false;
		}

	}

}
