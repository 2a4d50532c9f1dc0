package dev.trackable.filter;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.trackable.filter.RegexNode.Alternation;
import dev.trackable.filter.RegexNode.Assertion;
import dev.trackable.filter.RegexNode.Chars;
import dev.trackable.filter.RegexNode.Concat;
import dev.trackable.filter.RegexNode.Literal;
import dev.trackable.filter.RegexNode.Repeat;
import org.jspecify.annotations.Nullable;

/**
 * Necessary conditions for a pattern to match, cheap to test before running it: literals one of which every match
 * contains, and, for a pattern anchored at the start or end, the characters a match can begin, end or be made of.
 * Everything here is conservative: what cannot be told is left {@code null} or {@link CharSet#ALL}, and only ever
 * makes the matcher run the pattern.
 *
 * @param literals case-folded strings one of which every match contains, or {@code null}
 * @param plain whether the pattern is its only literal, so that finding that literal is a match
 * @param atStart whether every match begins at the start of the input
 * @param atEnd whether every match ends at the end of the input
 * @param shape the characters of matches
 */
record PatternAnalysis(@Nullable Set<String> literals, boolean plain, boolean atStart, boolean atEnd, Shape shape) {

	/** An exact set larger than this is no longer enumerated. */
	private static final int MAX_EXACT = 16;

	/**
	 * Literals that browsers' user agents contain; a set with one of them filters nothing. A literal's worth is its
	 * length otherwise.
	 */
	private static final String COMMON = "mozilla/5.0 (windows nt 10.0; win64; x64) applewebkit/537.36 (khtml, "
			+ "like gecko) chrome/120.0.0.0 mobile safari/537.36 (linux; android 14; sm-s918b) (iphone; cpu iphone os "
			+ "17_1 like mac os x) version/17.1 mobile/15e148 (macintosh; intel mac os x 10_15_7) gecko/20100101 "
			+ "firefox/121.0 (x11; ubuntu; linux x86_64; rv:121.0) edg/120.0 opr/105.0 samsungbrowser/23.0 "
			+ "(windows phone 10.0; windows ce; nokia; lumia 950)";

	static PatternAnalysis of(String regex) {
		RegexNode tree = RegexNode.parse(regex);
		if (tree == null) {
			return new PatternAnalysis(null, false, false, false, Shape.UNKNOWN);
		}
		List<RegexNode> branches = (tree instanceof Alternation alternation) ? alternation.branches() : List.of(tree);
		boolean atStart = branches.stream().allMatch((branch) -> edge(branch, 0) == '^');
		boolean atEnd = branches.stream().allMatch((branch) -> edge(branch, -1) == '$');
		Set<String> literals = minimal(info(tree).required());
		boolean plain = tree instanceof Concat concat && !concat.items().isEmpty()
				&& concat.items().stream().allMatch(Literal.class::isInstance);
		return new PatternAnalysis(literals, plain, atStart, atEnd, Shape.of(tree));
	}

	/** The assertion a branch starts (index 0) or ends (-1) with, or 0. */
	private static char edge(RegexNode branch, int index) {
		if (branch instanceof Concat concat && !concat.items().isEmpty()) {
			RegexNode item = concat.items().get((index < 0) ? concat.items().size() - 1 : 0);
			return (item instanceof Assertion assertion) ? assertion.kind() : 0;
		}
		return 0;
	}

	private static Info info(RegexNode node) {
		if (node instanceof Literal literal) {
			return Info.exact(Set.of(String.valueOf(literal.c())));
		}
		if (node instanceof Assertion) {
			return Info.exact(Set.of(""));
		}
		if (node instanceof Concat concat) {
			Info info = Info.exact(Set.of(""));
			for (RegexNode item : concat.items()) {
				info = Info.then(info, info(item));
			}
			return info;
		}
		if (node instanceof Alternation alternation) {
			return alternation.branches().stream().map(PatternAnalysis::info).reduce(Info::or).orElseThrow();
		}
		if (node instanceof Repeat repeat) {
			Info atom = info(repeat.node());
			return (repeat.min() > 0) ? new Info(null, atom.required(), atom.suffix()) : Info.ANY;
		}
		return Info.ANY; // Chars
	}

	/** Drops literals that contain another of the set (where they occur, so does the shorter one). */
	private static @Nullable Set<String> minimal(@Nullable Set<String> literals) {
		if (literals == null || literals.contains("")) {
			return null;
		}
		Set<String> minimal = new LinkedHashSet<>();
		literals.stream()
			.filter((literal) -> literals.stream().noneMatch((o) -> !o.equals(literal) && literal.contains(o)))
			.forEach(minimal::add);
		return minimal;
	}

	/**
	 * What is known about the strings a part of a pattern matches: exactly one of {@code exact}; or strings that
	 * contain one of {@code containing} (unknown if {@code null}) and end with one of {@code suffix} (which holds
	 * {@code ""} when nothing is known).
	 */
	private record Info(@Nullable Set<String> exact, @Nullable Set<String> containing, Set<String> suffix) {

		static final Info ANY = new Info(null, null, Set.of(""));

		static Info exact(Set<String> strings) {
			return new Info(strings, null, strings);
		}

		@Nullable Set<String> required() {
			return (this.exact != null) ? this.exact : this.containing;
		}

		static Info then(Info first, Info second) {
			if (first.exact != null && second.exact != null && first.exact.size() * second.exact.size() <= MAX_EXACT) {
				return exact(product(first.exact, second.exact));
			}
			Set<String> suffix = (second.exact == null) ? second.suffix
					: (first.suffix.size() * second.exact.size() <= MAX_EXACT) ? product(first.suffix, second.exact)
							: second.exact;
			Set<String> best = better(better(first.required(), second.required()),
					suffix.contains("") ? null : suffix);
			return new Info(null, best, suffix);
		}

		static Info or(Info first, Info second) {
			if (first.exact != null && second.exact != null && first.exact.size() + second.exact.size() <= MAX_EXACT) {
				return exact(union(first.exact, second.exact));
			}
			Set<String> a = first.required();
			Set<String> b = second.required();
			Set<String> suffix = (first.suffix.contains("") || second.suffix.contains("")) ? Set.of("")
					: union(first.suffix, second.suffix);
			return new Info(null, (a == null || b == null) ? null : union(a, b), suffix);
		}

		private static Set<String> product(Set<String> first, Set<String> second) {
			Set<String> product = new LinkedHashSet<>();
			first.forEach((a) -> second.forEach((b) -> product.add(a + b)));
			return product;
		}

		private static Set<String> union(Set<String> first, Set<String> second) {
			Set<String> union = new LinkedHashSet<>(first);
			union.addAll(second);
			return union;
		}

		/** The set that lets fewer user agents through: whose weakest literal is worth more. */
		private static @Nullable Set<String> better(@Nullable Set<String> a, @Nullable Set<String> b) {
			if (a == null || b == null) {
				return (a != null) ? a : b;
			}
			return (worth(b) > worth(a)) ? b : a;
		}

		private static int worth(Set<String> literals) {
			return literals.stream().mapToInt((l) -> COMMON.contains(l) ? 0 : l.length()).min().orElse(0);
		}

	}

	/**
	 * The characters a match can begin with, end with, and consist of, and whether it can be empty.
	 *
	 * @param first possible first characters of a non-empty match
	 * @param last possible last characters of a non-empty match
	 * @param all every character a match can hold
	 * @param nullable whether the empty string matches
	 */
	record Shape(CharSet first, CharSet last, CharSet all, boolean nullable) {

		static final Shape UNKNOWN = new Shape(CharSet.ALL, CharSet.ALL, CharSet.ALL, true);

		static Shape of(RegexNode node) {
			if (node instanceof Literal literal) {
				CharSet set = CharSet.of(literal.c());
				return new Shape(set, set, set, false);
			}
			if (node instanceof Chars chars) {
				return new Shape(chars.set(), chars.set(), chars.set(), false);
			}
			if (node instanceof Assertion) {
				return new Shape(CharSet.NONE, CharSet.NONE, CharSet.NONE, true);
			}
			if (node instanceof Repeat repeat) {
				Shape shape = of(repeat.node());
				return new Shape(shape.first, shape.last, shape.all, shape.nullable || repeat.min() == 0);
			}
			if (node instanceof Alternation alternation) {
				return alternation.branches().stream().map(Shape::of).reduce((a, b) -> new Shape(a.first.union(b.first),
						a.last.union(b.last), a.all.union(b.all), a.nullable || b.nullable)).orElseThrow();
			}
			Shape shape = new Shape(CharSet.NONE, CharSet.NONE, CharSet.NONE, true);
			for (RegexNode item : ((Concat) node).items()) {
				Shape next = of(item);
				shape = new Shape(shape.nullable ? shape.first.union(next.first) : shape.first,
						next.nullable ? next.last.union(shape.last) : next.last, shape.all.union(next.all),
						shape.nullable && next.nullable);
			}
			return shape;
		}

	}

}
