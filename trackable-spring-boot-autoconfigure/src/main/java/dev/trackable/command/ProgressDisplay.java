package dev.trackable.command;

import java.io.Console;
import java.io.PrintStream;
import java.util.function.LongConsumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Shows how far a long command has got: a progress bar on a terminal, and plain lines at most every few seconds
 * otherwise, so that a log file or a CI console gets a readable record rather than carriage returns.
 */
abstract class ProgressDisplay implements LongConsumer, AutoCloseable {

	private static final long LINE_INTERVAL_NANOS = 5_000_000_000L;

	/**
	 * Opens a display for the current process.
	 * @param task what is done, e.g. {@code Converting}
	 * @param total the number of units to do
	 * @param out where plain lines go
	 * @return the display, a bar when the process runs on a terminal
	 */
	static ProgressDisplay open(String task, long total, PrintStream out) {
		return onTerminal() ? new Bar(task, total) : new Lines(task, total, out);
	}

	/**
	 * Up to Java 21, {@link System#console()} is {@code null} unless the process runs on a terminal; from Java 22 on
	 * it returns a console whatever the streams are, and {@code Console.isTerminal()}, which Java 17 lacks, tells.
	 */
	private static boolean onTerminal() {
		Console console = System.console();
		if (console == null) {
			return false;
		}
		try {
			return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
		}
		catch (NoSuchMethodException ex) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

	@Override
	public abstract void close();

	/** The terminal's bar, on standard error so that standard output stays the command's result. */
	private static final class Bar extends ProgressDisplay {

		private final ProgressBar bar;

		Bar(String task, long total) {
			this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).showSpeed().build();
		}

		@Override
		public void accept(long done) {
			this.bar.stepTo(done);
		}

		@Override
		public void close() {
			this.bar.close();
		}

	}

	/** A line per few seconds, and one at the end. */
	private static final class Lines extends ProgressDisplay {

		private final String task;

		private final long total;

		private final PrintStream out;

		private long lastLine = System.nanoTime();

		private long done;

		Lines(String task, long total, PrintStream out) {
			this.task = task;
			this.total = total;
			this.out = out;
		}

		@Override
		public void accept(long done) {
			this.done = done;
			long now = System.nanoTime();
			if (now - this.lastLine >= LINE_INTERVAL_NANOS) {
				this.lastLine = now;
				print();
			}
		}

		@Override
		public void close() {
			print();
		}

		private void print() {
			this.out.printf("%s: %d/%d (%d%%)%n", this.task, this.done, this.total,
					(this.total > 0) ? this.done * 100 / this.total : 100);
		}

	}

}
