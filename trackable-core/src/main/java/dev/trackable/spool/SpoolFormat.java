package dev.trackable.spool;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk format of spool files, version 1. All integers are big-endian.
 * <pre>
 * file   = header record*
 * header = magic "TRKSPOOL" (8 bytes) | format version (int32)
 * record = marker 0xFEEDC0DE (int32) | payload length (int32) | CRC32C of length and payload (int32) | payload
 * </pre>
 * The version in every file's header makes a future format change detectable instead of misread. The marker lets a
 * reader find the next record after a damaged one (its bytes 0xFE and 0xC0 never occur in UTF-8, so not in JSON
 * payloads); the checksum covers the length too, so a damaged length is never trusted.
 */
final class SpoolFormat {

	static final long MAGIC = 0x54524B53504F4F4CL;

	static final int VERSION = 1;

	static final int FILE_HEADER_BYTES = 12;

	static final int RECORD_MARKER = 0xFEEDC0DE;

	static final int RECORD_HEADER_BYTES = 12;

	/** Bounds what a reader allocates for a record, whatever a damaged length says. */
	static final int MAX_RECORD_BYTES = 64 * 1024 * 1024;

	private SpoolFormat() {
	}

	static ByteBuffer fileHeader() {
		return ByteBuffer.allocate(FILE_HEADER_BYTES).putLong(MAGIC).putInt(VERSION).flip();
	}

	static ByteBuffer recordHeader(byte[] payload) {
		return ByteBuffer.allocate(RECORD_HEADER_BYTES)
			.putInt(RECORD_MARKER)
			.putInt(payload.length)
			.putInt(checksum(payload))
			.flip();
	}

	static int checksum(byte[] payload) {
		CRC32C crc = new CRC32C();
		crc.update(ByteBuffer.allocate(Integer.BYTES).putInt(0, payload.length));
		crc.update(payload);
		return (int) crc.getValue();
	}

}
