package dev.trackable.filter;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The parse tree of a pattern, as far as {@link PatternAnalysis} needs it: characters are case-folded, and what does
 * not matter for literals or character sets is left out. {@link #parse} understands the RE2 syntax of the bundled
 * patterns; for anything else it returns {@code null}, and the pattern is then simply run on every user agent.
 */
sealed interface RegexNode {

	/** One character, case-folded. */
	record Literal(char c) implements RegexNode {
	}

	/** A class, {@code .} or an escape such as {@code \d}: one character of the set. */
	record Chars(CharSet set) implements RegexNode {
	}

	/** {@code ^}, {@code $}, {@code \b} and the like, which match no character; and flags such as {@code (?i)}. */
	record Assertion(char kind) implements RegexNode {
	}

	record Concat(List<RegexNode> items) implements RegexNode {
	}

	record Alternation(List<RegexNode> branches) implements RegexNode {
	}

	/** Repetition at least {@code min} times ({@code ?}, {@code *}, {@code +}, {@code {n,m}}). */
	record Repeat(RegexNode node, int min) implements RegexNode {
	}

	static @Nullable RegexNode parse(String regex) {
		try {
			Parser parser = new Parser(regex);
			RegexNode node = parser.alternation();
			return (parser.pos == regex.length()) ? node : null;
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return null;
		}
	}

	/** Recursive descent over the pattern; throws {@link IllegalArgumentException} where it gives up. */
	final class Parser {

		private final String regex;

		private int pos;

		private Parser(String regex) {
			this.regex = regex;
		}

		private RegexNode alternation() {
			List<RegexNode> branches = new ArrayList<>(List.of(concat()));
			while (this.pos < this.regex.length() && this.regex.charAt(this.pos) == '|') {
				this.pos++;
				branches.add(concat());
			}
			return (branches.size() == 1) ? branches.get(0) : new Alternation(branches);
		}

		private RegexNode concat() {
			List<RegexNode> items = new ArrayList<>();
			while (this.pos < this.regex.length() && "|)".indexOf(this.regex.charAt(this.pos)) < 0) {
				items.add(repeat(atom()));
			}
			return new Concat(items);
		}

		private RegexNode repeat(RegexNode atom) {
			if (this.pos >= this.regex.length() || "*+?{".indexOf(this.regex.charAt(this.pos)) < 0) {
				return atom;
			}
			char c = this.regex.charAt(this.pos++);
			int min = (c == '+') ? 1 : 0;
			if (c == '{') {
				int end = this.regex.indexOf('}', this.pos);
				String bounds = this.regex.substring(this.pos, end);
				if (!bounds.matches("\\d{1,4}(,\\d{0,4})?")) {
					throw new IllegalArgumentException(bounds);
				}
				min = Integer.parseInt(bounds.split(",")[0]);
				this.pos = end + 1;
			}
			if (this.pos < this.regex.length() && this.regex.charAt(this.pos) == '?') {
				this.pos++; // lazy: matches the same strings
			}
			return new Repeat(atom, min);
		}

		private RegexNode atom() {
			char c = this.regex.charAt(this.pos++);
			return switch (c) {
				case '(' -> group();
				case '[' -> new Chars(characterClass());
				case '\\' -> escape();
				case '^', '$' -> new Assertion(c);
				case '.' -> new Chars(CharSet.ALL);
				case '*', '+', '?', '{' -> throw new IllegalArgumentException("nothing to repeat");
				default -> new Literal(SpiderMatcher.fold(c));
			};
		}

		private RegexNode group() {
			if (this.regex.startsWith("?", this.pos)) {
				int end = this.pos + 1;
				while (Character.isLetter(this.regex.charAt(end)) || this.regex.charAt(end) == '-') {
					end++;
				}
				char next = this.regex.charAt(end);
				if (next == ')') {
					this.pos = end + 1;
					return new Assertion('(');
				}
				if (next != ':') {
					throw new IllegalArgumentException("named group"); // also look-around, which RE2 rejects
				}
				this.pos = end + 1;
			}
			RegexNode node = alternation();
			if (this.regex.charAt(this.pos++) != ')') {
				throw new IllegalArgumentException("unclosed group");
			}
			return node;
		}

		private CharSet characterClass() {
			boolean negated = this.regex.charAt(this.pos) == '^';
			if (negated) {
				this.pos++;
			}
			CharSet set = CharSet.NONE;
			boolean first = true;
			while (first || this.regex.charAt(this.pos) != ']') {
				first = false;
				if (this.regex.startsWith("[:", this.pos)) {
					throw new IllegalArgumentException("POSIX class");
				}
				char from = this.regex.charAt(this.pos++);
				if (from == '\\') {
					char escaped = this.regex.charAt(this.pos++);
					if ("dDwWsS".indexOf(escaped) >= 0) {
						set = set.union(CharSet.perl(escaped));
						continue;
					}
					from = literalEscape(escaped);
				}
				if (this.regex.charAt(this.pos) == '-' && this.regex.charAt(this.pos + 1) != ']') {
					this.pos++;
					char to = this.regex.charAt(this.pos++);
					to = (to == '\\') ? literalEscape(this.regex.charAt(this.pos++)) : to;
					set = set.union(CharSet.range(from, to));
				}
				else {
					set = set.union(CharSet.of(from));
				}
			}
			this.pos++;
			return negated ? set.complement() : set;
		}

		private RegexNode escape() {
			char c = this.regex.charAt(this.pos++);
			if ("bBAz".indexOf(c) >= 0) {
				return new Assertion(c);
			}
			if ("dDwWsS".indexOf(c) >= 0) {
				return new Chars(CharSet.perl(c));
			}
			return new Literal(SpiderMatcher.fold(literalEscape(c)));
		}

		/** Punctuation escaped to stand for itself; letter escapes (\x41, \pL, \Q...) are not interpreted here. */
		private static char literalEscape(char c) {
			if (Character.isLetterOrDigit(c)) {
				throw new IllegalArgumentException("\\" + c);
			}
			return c;
		}

	}

}
