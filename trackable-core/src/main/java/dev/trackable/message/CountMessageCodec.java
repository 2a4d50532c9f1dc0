package dev.trackable.message;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads {@link CountMessage}s as JSON of this form:
 * <pre>{"v":1,"id":"…","dataset":"ArticleTrackableData",
 *  "rows":[{"parent":"42","period":"2026-11-25T00:00:00","counts":{"impressions":3}}]}</pre>
 * Reading checks the structure and types only; whether the dataset and fields exist is the fold's business, which
 * resolves them through the registry. Nothing read is ever used as a class name or SQL identifier.
 */
public final class CountMessageCodec {

	/** The format version this codec writes and reads. */
	public static final int VERSION = 1;

	/** The content type set on published messages. */
	public static final String CONTENT_TYPE = "application/json";

	static final int MAX_PARENT_ID_LENGTH = 255;

	private final JsonMapper mapper = JsonMapper.builder().build();

	/**
	 * Encodes a message.
	 * @param message the message
	 * @return its JSON, UTF-8
	 */
	public byte[] encode(CountMessage message) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 + message.rows().size() * 64);
		try (JsonGenerator json = this.mapper.createGenerator(out)) {
			json.writeStartObject();
			json.writeNumberProperty("v", VERSION);
			json.writeStringProperty("id", message.id());
			json.writeStringProperty("dataset", message.dataset());
			json.writeArrayPropertyStart("rows");
			for (CountRow row : message.rows()) {
				json.writeStartObject();
				json.writeStringProperty("parent", row.parentId());
				if (row.period() != null) {
					json.writeStringProperty("period", row.period().toString());
				}
				json.writeObjectPropertyStart("counts");
				for (Map.Entry<String, Long> count : row.counts().entrySet()) {
					json.writeNumberProperty(count.getKey(), count.getValue());
				}
				json.writeEndObject();
				json.writeEndObject();
			}
			json.writeEndArray();
			json.writeEndObject();
		}
		return out.toByteArray();
	}

	/**
	 * Decodes a message.
	 * @param body the message body
	 * @return the message
	 * @throws MalformedMessageException if the body is not a message of this format and version
	 */
	public CountMessage decode(byte[] body) {
		JsonNode root;
		try {
			root = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedMessageException("invalid-json", "Not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw malformed("not a JSON object");
		}
		JsonNode version = root.get("v");
		if (version == null || !version.isIntegralNumber()) {
			throw malformed("no format version");
		}
		if (!version.canConvertToLong() || version.asLong() != VERSION) {
			throw new MalformedMessageException("unsupported-version",
					"Unsupported format version " + version.asString() + "; this collector reads " + VERSION);
		}
		String id = text(root, "id", 128);
		String dataset = text(root, "dataset", 255);
		JsonNode rows = root.get("rows");
		if (rows == null || !rows.isArray()) {
			throw malformed("'rows' is not an array");
		}
		List<CountRow> decoded = new ArrayList<>(rows.size());
		for (JsonNode row : rows) {
			decoded.add(row(row));
		}
		return new CountMessage(id, dataset, decoded);
	}

	private CountRow row(JsonNode row) {
		if (!row.isObject()) {
			throw malformed("a row is not an object");
		}
		JsonNode parentNode = row.get("parent");
		if (parentNode == null || !parentNode.isString() || parentNode.asString().isEmpty()
				|| parentNode.asString().length() > MAX_PARENT_ID_LENGTH) {
			throw new MalformedMessageException("invalid-parent-id",
					"A row's parent id is missing, empty or longer than " + MAX_PARENT_ID_LENGTH + " characters");
		}
		LocalDateTime period = null;
		JsonNode periodNode = row.get("period");
		if (periodNode != null && !periodNode.isNull()) {
			if (!periodNode.isString()) {
				throw new MalformedMessageException("invalid-period", "A row's period is not a string: " + periodNode);
			}
			try {
				period = LocalDateTime.parse(periodNode.asString());
			}
			catch (DateTimeParseException ex) {
				throw new MalformedMessageException("invalid-period", "Unparsable period '" + periodNode + "'");
			}
		}
		JsonNode countsNode = row.get("counts");
		if (countsNode == null || !countsNode.isObject() || countsNode.isEmpty()) {
			throw malformed("a row has no counts");
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> count : countsNode.properties()) {
			JsonNode amount = count.getValue();
			if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
				throw new MalformedMessageException("invalid-amount",
						"The amount of '" + count.getKey() + "' is not a 64-bit integer");
			}
			counts.put(count.getKey(), amount.asLong());
		}
		return new CountRow(parentNode.asString(), period, counts);
	}

	private static String text(JsonNode root, String name, int maxLength) {
		JsonNode node = root.get(name);
		if (node == null || !node.isString() || node.asString().isEmpty() || node.asString().length() > maxLength) {
			throw malformed("'" + name + "' is missing or not a string of 1 to " + maxLength + " characters");
		}
		return node.asString();
	}

	private static MalformedMessageException malformed(String detail) {
		return new MalformedMessageException("invalid-format", "Not a trackable message: " + detail);
	}

}
