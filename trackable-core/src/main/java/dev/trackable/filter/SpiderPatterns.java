package dev.trackable.filter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * An immutable list of bot user-agent patterns: regular expressions in RE2 syntax (no look-around, no
 * back-references), each matched case-insensitively anywhere in the first 512 characters of a {@code User-Agent}
 * header. {@link #bundled()} is trackable's list, compiled from isbot, crawler-user-agents and uap-core (see
 * {@code spider-patterns-SOURCES.txt} beside it); {@link #without} and {@link #withAdditional} adapt it, and
 * {@link #matcher()} compiles the result.
 * <pre>
 * SpiderMatcher matcher = SpiderPatterns.bundled()
 *     .without(List.of("^.{0,100}WordPress"))
 *     .withAdditional(List.of("my-uptime-checker/"))
 *     .matcher();
 * </pre>
 */
public final class SpiderPatterns {

	/** The classpath resource of the bundled list: one pattern a line, {@code #} starts a comment line. */
	public static final String RESOURCE = "/dev/trackable/filter/spider-patterns.txt";

	private static volatile SpiderPatterns bundled;

	private final List<String> patterns;

	private SpiderPatterns(Collection<String> patterns) {
		this.patterns = List.copyOf(new LinkedHashSet<>(patterns));
	}

	/**
	 * Returns the bundled list, read once from {@link #RESOURCE}.
	 * @return the bundled patterns
	 */
	public static SpiderPatterns bundled() {
		SpiderPatterns patterns = bundled;
		if (patterns == null) {
			patterns = read();
			bundled = patterns;
		}
		return patterns;
	}

	/**
	 * Returns a list of the given patterns only, without the bundled ones.
	 * @param patterns RE2 regular expressions
	 * @return the patterns
	 * @throws IllegalArgumentException if a pattern is blank or not a valid RE2 regular expression
	 */
	public static SpiderPatterns of(Collection<String> patterns) {
		patterns.forEach(SpiderPatterns::validate);
		return new SpiderPatterns(patterns);
	}

	/**
	 * Returns this list with further patterns at its end; those it already has are not added twice.
	 * @param additional RE2 regular expressions of further bot user agents
	 * @return a new list
	 * @throws IllegalArgumentException if a pattern is blank or not a valid RE2 regular expression
	 */
	public SpiderPatterns withAdditional(Collection<String> additional) {
		additional.forEach(SpiderPatterns::validate);
		List<String> combined = new ArrayList<>(this.patterns);
		combined.addAll(additional);
		return new SpiderPatterns(combined);
	}

	/**
	 * Returns this list without some of its patterns.
	 * @param removed patterns written exactly as in this list
	 * @return a new list
	 * @throws IllegalArgumentException if this list does not have one of them (a typo would otherwise go unnoticed);
	 * check with {@link #contains} first where a stale entry should be ignored instead
	 */
	public SpiderPatterns without(Collection<String> removed) {
		Set<String> unknown = new LinkedHashSet<>(removed);
		unknown.removeAll(this.patterns);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("Not in the spider pattern list, so cannot be removed: " + unknown
					+ " (write a pattern exactly as in " + RESOURCE + ")");
		}
		List<String> remaining = new ArrayList<>(this.patterns);
		remaining.removeAll(Set.copyOf(removed));
		return new SpiderPatterns(remaining);
	}

	/**
	 * Returns whether this list has a pattern.
	 * @param pattern a pattern, written exactly
	 * @return whether it is in the list
	 */
	public boolean contains(String pattern) {
		return this.patterns.contains(pattern);
	}

	/** @return the patterns, in order */
	public List<String> patterns() {
		return this.patterns;
	}

	/**
	 * Compiles the patterns into a matcher; this takes some milliseconds, so do it once.
	 * @return a thread-safe matcher
	 */
	public SpiderMatcher matcher() {
		return new SpiderMatcher(this.patterns);
	}

	@Override
	public String toString() {
		return "SpiderPatterns[" + this.patterns.size() + " patterns]";
	}

	private static void validate(String pattern) {
		if (pattern.isBlank()) {
			throw new IllegalArgumentException("A spider pattern must not be blank");
		}
		try {
			Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
		}
		catch (PatternSyntaxException ex) {
			throw new IllegalArgumentException("Invalid spider pattern '" + pattern + "': " + ex.getMessage()
					+ " (patterns are RE2 regular expressions: no look-around, no back-references)", ex);
		}
	}

	private static SpiderPatterns read() {
		try (InputStream in = SpiderPatterns.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is missing from the classpath");
			}
			List<String> patterns = new ArrayList<>();
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					patterns.add(line);
				}
			}
			return of(patterns);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + RESOURCE, ex);
		}
	}

}
