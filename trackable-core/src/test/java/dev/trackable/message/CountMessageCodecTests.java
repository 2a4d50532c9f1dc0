package dev.trackable.message;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class CountMessageCodecTests {

	private static final LocalDateTime DAY = LocalDateTime.of(2026, 11, 25, 0, 0);

	private final CountMessageCodec codec = new CountMessageCodec();

	private CountMessage roundTrip(CountMessage message) {
		return this.codec.decode(this.codec.encode(message));
	}

	@Test
	void roundTripOfARowWithPeriod() {
		CountMessage message = CountMessage.of("ArticleDailyData",
				List.of(new CountRow("42", DAY, Map.of("impressions", 3L, "clickThroughs", 1L))));
		assertThat(roundTrip(message)).isEqualTo(message);
	}

	@Test
	void roundTripOfARowWithoutPeriod() {
		CountMessage message = CountMessage.of("ArticleTotals", List.of(new CountRow("42", null, Map.of("views", 1L))));
		CountMessage decoded = roundTrip(message);
		assertThat(decoded).isEqualTo(message);
		assertThat(decoded.rows().get(0).period()).isNull();
		assertThat(new String(this.codec.encode(message), StandardCharsets.UTF_8)).doesNotContain("period");
	}

	@Test
	void roundTripOfSeveralRowsKeepsTheirOrder() {
		CountMessage message = new CountMessage("d6a4a8f0-0000-4000-8000-000000000001", "ArticleHourlyData",
				List.of(new CountRow("3", LocalDateTime.of(2026, 11, 25, 13, 0), Map.of("impressions", 1L)),
						new CountRow("1", LocalDateTime.of(2026, 11, 25, 14, 0), Map.of("impressions", 2L)),
						new CountRow("2", LocalDateTime.of(2026, 11, 25, 13, 0),
								Map.of("impressions", 3L, "clickThroughs", 4L))));
		CountMessage decoded = roundTrip(message);
		assertThat(decoded).isEqualTo(message);
		assertThat(decoded.rows()).extracting(CountRow::parentId).containsExactly("3", "1", "2");
		assertThat(decoded.countCount()).isEqualTo(4);
	}

	@Test
	void roundTripOfNegativeAndExtremeAmounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("a", -1L);
		counts.put("b", -9_000_000_000L);
		counts.put("c", Long.MAX_VALUE);
		counts.put("d", Long.MIN_VALUE);
		counts.put("e", 0L);
		CountMessage message = CountMessage.of("D", List.of(new CountRow("1", null, counts)));
		assertThat(roundTrip(message)).isEqualTo(message);
	}

	@Test
	void roundTripOfUnicodeParentIdsAndFieldNames() {
		CountMessage message = CountMessage.of("Données", List.of(new CountRow("日本語-🙂", null, Map.of("vues", 2L)),
				new CountRow("ä\"\\/\n\t", DAY, Map.of("клики", 5L)), new CountRow("🙂".repeat(127), null, Map.of("x", 1L))));
		assertThat(roundTrip(message)).isEqualTo(message);
	}

	@Test
	void roundTripOfPeriodsWithSecondsAndNanos() {
		LocalDateTime odd = LocalDateTime.of(2026, 11, 25, 13, 14, 15, 123_456_789);
		CountMessage message = CountMessage.of("D", List.of(new CountRow("1", odd, Map.of("x", 1L))));
		assertThat(roundTrip(message).rows().get(0).period()).isEqualTo(odd);
	}

	@Test
	void encodeWritesTheDocumentedFormat() {
		CountMessage message = new CountMessage("m-1", "ArticleDailyData",
				List.of(new CountRow("42", DAY, Map.of("impressions", 3L))));
		assertThat(new String(this.codec.encode(message), StandardCharsets.UTF_8)).isEqualTo(
				"{\"v\":1,\"id\":\"m-1\",\"dataset\":\"ArticleDailyData\",\"rows\":[{\"parent\":\"42\",\"period\":\"2026-11-25T00:00\",\"counts\":{\"impressions\":3}}]}");
	}

	@Test
	void decodeReadsTheDocumentedFormat() {
		CountMessage decoded = decode("""
				{"v":1,"id":"abc","dataset":"ArticleTrackableData",
				 "rows":[{"parent":"42","period":"2026-11-25T00:00:00","counts":{"impressions":3}},
				         {"parent":"43","period":null,"counts":{"impressions":-2,"clicks":0}}]}""");
		assertThat(decoded).isEqualTo(new CountMessage("abc", "ArticleTrackableData",
				List.of(new CountRow("42", DAY, Map.of("impressions", 3L)),
						new CountRow("43", null, Map.of("impressions", -2L, "clicks", 0L)))));
	}

	@Test
	void decodeAcceptsAnEmptyRowsArray() {
		assertThat(decode("{\"v\":1,\"id\":\"a\",\"dataset\":\"D\",\"rows\":[]}").rows()).isEmpty();
	}

	@Test
	void decodeAcceptsAParentIdOf255Characters() {
		String parent = "p".repeat(255);
		assertThat(decode(message(row("\"" + parent + "\"", null, "{\"x\":1}"))).rows().get(0).parentId())
			.isEqualTo(parent);
	}

	@Test
	void decodeIgnoresUnknownProperties() {
		CountMessage decoded = decode(
				"{\"v\":1,\"id\":\"a\",\"dataset\":\"D\",\"extra\":[1,2],\"rows\":[{\"parent\":\"1\",\"counts\":{\"x\":1},\"more\":true}]}");
		assertThat(decoded.rows()).containsExactly(new CountRow("1", null, Map.of("x", 1L)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("malformed")
	void decodeRejectsMalformedMessagesWithAReason(String description, byte[] body, String reason) {
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> this.codec.decode(body))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	static Stream<Arguments> malformed() {
		String good = "{\"x\":1}";
		return Stream.of(
				arguments("random bytes", new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x13, (byte) 0x9A, 0x7F },
						"invalid-json"),
				arguments("truncated JSON", Arrays.copyOf(bytes(message(row("\"1\"", null, good))), 30), "invalid-json"),
				arguments("truncated in a string", bytes("{\"v\":1,\"id\":\"ab"), "invalid-json"),
				arguments("unquoted property", bytes("{v:1}"), "invalid-json"),
				arguments("trailing garbage", bytes(message(row("\"1\"", null, good)) + " }"), "invalid-json"),
				arguments("array instead of object", bytes("[1,2,3]"), "invalid-format"),
				arguments("string instead of object", bytes("\"hello\""), "invalid-format"),
				arguments("number instead of object", bytes("42"), "invalid-format"),
				arguments("null", bytes("null"), "invalid-format"),
				arguments("empty body", new byte[0], "invalid-format"),
				arguments("missing version", bytes("{\"id\":\"a\",\"dataset\":\"D\",\"rows\":[]}"), "invalid-format"),
				arguments("version as a string", bytes("{\"v\":\"1\",\"id\":\"a\",\"dataset\":\"D\",\"rows\":[]}"),
						"invalid-format"),
				arguments("version as a fraction", bytes("{\"v\":1.0,\"id\":\"a\",\"dataset\":\"D\",\"rows\":[]}"),
						"invalid-format"),
				arguments("rows not an array", bytes("{\"v\":1,\"id\":\"a\",\"dataset\":\"D\",\"rows\":{}}"),
						"invalid-format"),
				arguments("missing rows", bytes("{\"v\":1,\"id\":\"a\",\"dataset\":\"D\"}"), "invalid-format"),
				arguments("missing id", bytes("{\"v\":1,\"dataset\":\"D\",\"rows\":[]}"), "invalid-format"),
				arguments("empty id", bytes("{\"v\":1,\"id\":\"\",\"dataset\":\"D\",\"rows\":[]}"), "invalid-format"),
				arguments("id of 129 characters",
						bytes("{\"v\":1,\"id\":\"" + "i".repeat(129) + "\",\"dataset\":\"D\",\"rows\":[]}"),
						"invalid-format"),
				arguments("numeric id", bytes("{\"v\":1,\"id\":7,\"dataset\":\"D\",\"rows\":[]}"), "invalid-format"),
				arguments("missing dataset", bytes("{\"v\":1,\"id\":\"a\",\"rows\":[]}"), "invalid-format"),
				arguments("dataset of 256 characters",
						bytes("{\"v\":1,\"id\":\"a\",\"dataset\":\"" + "d".repeat(256) + "\",\"rows\":[]}"),
						"invalid-format"),
				arguments("row not an object", bytes(message("[1]")), "invalid-format"),
				arguments("missing counts", bytes(message("{\"parent\":\"1\"}")), "invalid-format"),
				arguments("empty counts", bytes(message(row("\"1\"", null, "{}"))), "invalid-format"),
				arguments("counts not an object", bytes(message(row("\"1\"", null, "[1]"))), "invalid-format"),
				arguments("version 2", bytes("{\"v\":2,\"id\":\"a\",\"dataset\":\"D\",\"rows\":[]}"),
						"unsupported-version"),
				arguments("version 0", bytes("{\"v\":0,\"id\":\"a\",\"dataset\":\"D\",\"rows\":[]}"),
						"unsupported-version"),
				arguments("version 2^70",
						bytes("{\"v\":1180591620717411303424,\"id\":\"a\",\"dataset\":\"D\",\"rows\":[]}"),
						"unsupported-version"),
				arguments("empty parent id", bytes(message(row("\"\"", null, good))), "invalid-parent-id"),
				arguments("parent id of 256 characters", bytes(message(row("\"" + "p".repeat(256) + "\"", null, good))),
						"invalid-parent-id"),
				arguments("numeric parent id", bytes(message(row("42", null, good))), "invalid-parent-id"),
				arguments("null parent id", bytes(message(row("null", null, good))), "invalid-parent-id"),
				arguments("missing parent id", bytes(message("{\"counts\":" + good + "}")), "invalid-parent-id"),
				arguments("garbage period", bytes(message(row("\"1\"", "\"garbage\"", good))), "invalid-period"),
				arguments("impossible date", bytes(message(row("\"1\"", "\"2026-13-01T00:00\"", good))),
						"invalid-period"),
				arguments("date without time", bytes(message(row("\"1\"", "\"2026-11-25\"", good))), "invalid-period"),
				arguments("numeric period", bytes(message(row("\"1\"", "1764028800", good))), "invalid-period"),
				arguments("object period", bytes(message(row("\"1\"", "{}", good))), "invalid-period"),
				arguments("array period", bytes(message(row("\"1\"", "[2026,11,25]", good))), "invalid-period"),
				arguments("fractional amount", bytes(message(row("\"1\"", null, "{\"x\":1.5}"))), "invalid-amount"),
				arguments("amount as a string", bytes(message(row("\"1\"", null, "{\"x\":\"3\"}"))), "invalid-amount"),
				arguments("amount of 2^70", bytes(message(row("\"1\"", null, "{\"x\":1180591620717411303424}"))),
						"invalid-amount"),
				arguments("amount just above Long.MAX_VALUE",
						bytes(message(row("\"1\"", null, "{\"x\":9223372036854775808}"))), "invalid-amount"),
				arguments("null amount", bytes(message(row("\"1\"", null, "{\"x\":null}"))), "invalid-amount"),
				arguments("boolean amount", bytes(message(row("\"1\"", null, "{\"x\":true}"))), "invalid-amount"),
				arguments("bad amount after a good one", bytes(message(row("\"1\"", null, "{\"x\":1,\"y\":2.5}"))),
						"invalid-amount"));
	}

	@Test
	void aBadRowAfterGoodRowsRejectsTheWholeMessage() {
		String body = message(row("\"1\"", null, "{\"x\":1}") + "," + row("\"2\"", "\"nope\"", "{\"x\":1}"));
		assertThatExceptionOfType(MalformedMessageException.class).isThrownBy(() -> decode(body))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("invalid-period"));
	}

	@Test
	void deeplyNestedArraysAreMalformedNotAStackOverflow() {
		byte[] body = "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII);
		Throwable thrown = catchThrowable(() -> this.codec.decode(body));
		assertThat(thrown).isInstanceOf(MalformedMessageException.class);
		assertThat(((MalformedMessageException) thrown).reason()).isEqualTo("invalid-json");
	}

	@Test
	void deeplyNestedObjectsInsideAMessageAreMalformedNotAStackOverflow() {
		String nested = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
		String body = "{\"v\":1,\"id\":\"a\",\"dataset\":\"D\",\"rows\":[{\"parent\":\"1\",\"counts\":{\"x\":" + nested
				+ "}}]}";
		Throwable thrown = catchThrowable(() -> decode(body));
		assertThat(thrown).isInstanceOf(MalformedMessageException.class);
		assertThat(((MalformedMessageException) thrown).reason()).isEqualTo("invalid-json");
	}

	@Test
	void malformedMessageExceptionCarriesReasonAndMessage() {
		MalformedMessageException ex = malformedFrom(() -> decode("{\"v\":2}"));
		assertThat(ex.reason()).isEqualTo("unsupported-version");
		assertThat(ex).hasMessageContaining("Unsupported format version 2").hasMessageContaining("reads 1");
	}

	@Test
	void countCountIsTheNumberOfCounterIncrements() {
		CountMessage message = CountMessage.of("D", List.of(new CountRow("1", null, Map.of("a", 1L, "b", 2L)),
				new CountRow("2", null, Map.of("a", 5L))));
		assertThat(message.countCount()).isEqualTo(3);
		assertThat(message.id()).isNotEqualTo(CountMessage.of("D", List.of()).id());
	}

	private static MalformedMessageException malformedFrom(Runnable decoding) {
		Throwable thrown = catchThrowable(decoding::run);
		assertThat(thrown).isInstanceOf(MalformedMessageException.class);
		return (MalformedMessageException) thrown;
	}

	private CountMessage decode(String json) {
		return this.codec.decode(bytes(json));
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String message(String rows) {
		return "{\"v\":1,\"id\":\"a\",\"dataset\":\"D\",\"rows\":[" + rows + "]}";
	}

	private static String row(String parent, String period, String counts) {
		return "{\"parent\":" + parent + ((period != null) ? ",\"period\":" + period : "") + ",\"counts\":" + counts
				+ "}";
	}

}
