package dev.trackable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The start of the current period of each {@link Period}, read on the request path without computing or allocating
 * dates: each period's start is kept with the span of instants it covers, and recomputed only once the clock leaves
 * that span, at most once an hour and at each of the zone's offset transitions.
 * <p>
 * A span never crosses a transition, so within it local time is the instant plus one fixed offset and every instant
 * maps to the same start, whatever the zone does at daylight saving time. Spans are immutable and published without
 * a lock: a thread that reads an older one either still finds the clock in it, which is then as right as ever, or
 * computes a new one.
 */
final class PeriodClock {

	private final Clock clock;

	private final ZoneRules rules;

	private final ZoneId zone;

	private final Span[] spans = new Span[Period.values().length];

	PeriodClock(Clock clock, ZoneId zone) {
		this.clock = clock;
		this.zone = zone;
		this.rules = zone.getRules();
	}

	/**
	 * Returns the start of the current period.
	 * @param period a period
	 * @return the start of the period the clock is in, in the zone
	 */
	LocalDateTime start(Period period) {
		long now = this.clock.millis();
		Span span = this.spans[period.ordinal()];
		if (span == null || now < span.from || now >= span.until) {
			span = span(period, now);
			this.spans[period.ordinal()] = span;
		}
		return span.start;
	}

	private Span span(Period period, long now) {
		Instant instant = Instant.ofEpochMilli(now);
		ZoneOffset offset = this.rules.getOffset(instant);
		LocalDateTime start = period.start(LocalDateTime.ofInstant(instant, this.zone));
		long from = start.toInstant(offset).toEpochMilli();
		long until = period.next(start).toInstant(offset).toEpochMilli();
		// Transitions at or before now, and after it.
		ZoneOffsetTransition previous = this.rules.previousTransition(instant.plusNanos(1));
		ZoneOffsetTransition next = this.rules.nextTransition(instant);
		if (previous != null) {
			from = Math.max(from, previous.toEpochSecond() * 1000);
		}
		if (next != null) {
			until = Math.min(until, next.toEpochSecond() * 1000);
		}
		return new Span(from, until, start);
	}

	/** The instants {@code [from, until)}, in epoch milliseconds, whose period starts at {@code start}. */
	private record Span(long from, long until, LocalDateTime start) {
	}

}
