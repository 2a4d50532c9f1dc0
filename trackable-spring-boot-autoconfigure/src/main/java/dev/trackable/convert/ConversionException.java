package dev.trackable.convert;

/**
 * Thrown when a conversion stops part way, e.g. on a database error; the batches before stay written.
 */
public final class ConversionException extends RuntimeException {

	ConversionException(String message, Throwable cause) {
		super(message, cause);
	}

}
