package dev.trackable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodClockTests {

	/**
	 * Zones with daylight saving time at 2:00 and 3:00 (Berlin, New York), at midnight (Santiago, whose days then start
	 * at 1:00 or twice), by half an hour (Lord Howe), an odd fixed offset (Kathmandu) and none.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "UTC", "Europe/Berlin", "America/New_York", "America/Santiago", "Australia/Lord_Howe",
			"Asia/Kathmandu" })
	void agreesWithComputingTheStartFromTheTimeOfEveryCall(String zoneName) {
		ZoneId zone = ZoneId.of(zoneName);
		SettableClock clock = new SettableClock();
		PeriodClock periods = new PeriodClock(clock, zone);
		Instant end = Instant.parse("2028-01-01T00:00:00Z");
		// An odd step, so that the times land on every minute of the hour, and on the transitions themselves.
		for (Instant time = Instant.parse("2026-01-01T00:00:00Z"); time.isBefore(end); time = time.plusSeconds(419)) {
			clock.time = time;
			for (Period period : Period.values()) {
				assertThat(periods.start(period)).as("%s at %s", period, time)
					.isEqualTo(period.start(LocalDateTime.ofInstant(time, zone)));
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-03-29T00:59:59.999Z", "2026-03-29T01:00:00Z", "2026-10-25T00:59:59.999Z",
			"2026-10-25T01:00:00Z", "2026-10-25T01:59:59.999Z" })
	void isRightOnEitherSideOfATransitionAndWhenTheClockGoesBack(String at) {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		SettableClock clock = new SettableClock();
		PeriodClock periods = new PeriodClock(clock, berlin);
		Instant time = Instant.parse(at);
		for (Instant probe : new Instant[] { time, time.minusMillis(1), time.plusMillis(1), time.minusSeconds(7200),
				time }) {
			clock.time = probe;
			assertThat(periods.start(Period.HOUR)).as("%s", probe)
				.isEqualTo(Period.HOUR.start(LocalDateTime.ofInstant(probe, berlin)));
		}
	}

	private static final class SettableClock extends Clock {

		private Instant time = Instant.EPOCH;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.time;
		}

	}

}
