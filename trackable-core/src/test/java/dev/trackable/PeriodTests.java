package dev.trackable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

	@Test
	void hourStartTruncatesMinutesSecondsAndNanos() {
		assertThat(Period.HOUR.start(LocalDateTime.of(2026, 11, 25, 14, 59, 59, 999_999_999)))
			.isEqualTo(LocalDateTime.of(2026, 11, 25, 14, 0));
	}

	@Test
	void dayStartIsMidnight() {
		assertThat(Period.DAY.start(LocalDateTime.of(2026, 11, 25, 23, 59, 59, 1)))
			.isEqualTo(LocalDateTime.of(2026, 11, 25, 0, 0));
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-23T00:00, 2026-11-23T00:00", "2026-11-23T17:45, 2026-11-23T00:00",
			"2026-11-25T08:30, 2026-11-23T00:00", "2026-11-29T23:59:59, 2026-11-23T00:00",
			"2026-11-30T00:00, 2026-11-30T00:00" })
	void weekStartsOnIsoMonday(LocalDateTime time, LocalDateTime monday) {
		assertThat(Period.WEEK.start(time)).isEqualTo(monday);
	}

	@Test
	void weekOfNewYearsDayStartsInThePreviousYear() {
		assertThat(Period.WEEK.start(LocalDateTime.of(2027, 1, 1, 12, 0)))
			.isEqualTo(LocalDateTime.of(2026, 12, 28, 0, 0));
		assertThat(Period.WEEK.start(LocalDateTime.of(2026, 1, 1, 0, 0)))
			.isEqualTo(LocalDateTime.of(2025, 12, 29, 0, 0));
	}

	@Test
	void monthStartIsTheFirstAtMidnight() {
		assertThat(Period.MONTH.start(LocalDateTime.of(2026, 11, 25, 14, 3)))
			.isEqualTo(LocalDateTime.of(2026, 11, 1, 0, 0));
		assertThat(Period.MONTH.start(LocalDateTime.of(2026, 12, 31, 23, 59, 59)))
			.isEqualTo(LocalDateTime.of(2026, 12, 1, 0, 0));
		assertThat(Period.MONTH.start(LocalDateTime.of(2027, 1, 1, 0, 0))).isEqualTo(LocalDateTime.of(2027, 1, 1, 0, 0));
	}

	@Test
	void hourAndDayAtYearBoundary() {
		LocalDateTime lastSecond = LocalDateTime.of(2026, 12, 31, 23, 59, 59);
		assertThat(Period.HOUR.start(lastSecond)).isEqualTo(LocalDateTime.of(2026, 12, 31, 23, 0));
		assertThat(Period.DAY.start(lastSecond)).isEqualTo(LocalDateTime.of(2026, 12, 31, 0, 0));
		assertThat(Period.DAY.start(lastSecond.plusSeconds(1))).isEqualTo(LocalDateTime.of(2027, 1, 1, 0, 0));
	}

	@Test
	void leapDayIsItsOwnDayInFebruaryAndItsWeek() {
		LocalDateTime leapDay = LocalDateTime.of(2028, 2, 29, 13, 45);
		assertThat(Period.HOUR.start(leapDay)).isEqualTo(LocalDateTime.of(2028, 2, 29, 13, 0));
		assertThat(Period.DAY.start(leapDay)).isEqualTo(LocalDateTime.of(2028, 2, 29, 0, 0));
		assertThat(Period.WEEK.start(leapDay)).isEqualTo(LocalDateTime.of(2028, 2, 28, 0, 0));
		assertThat(Period.MONTH.start(leapDay)).isEqualTo(LocalDateTime.of(2028, 2, 1, 0, 0));
		assertThat(Period.WEEK.start(LocalDateTime.of(2028, 3, 1, 0, 0))).isEqualTo(LocalDateTime.of(2028, 2, 28, 0, 0));
	}

	@ParameterizedTest
	@EnumSource(Period.class)
	void startIsIdempotent(Period period) {
		LocalDateTime start = period.start(LocalDateTime.of(2026, 7, 15, 10, 20, 30));
		assertThat(period.start(start)).isEqualTo(start);
		assertThat(start).isBeforeOrEqualTo(LocalDateTime.of(2026, 7, 15, 10, 20, 30));
	}

	@ParameterizedTest
	@CsvSource({ "HOUR, 2026-12-31T23:00, 2027-01-01T00:00", "DAY, 2028-02-28T00:00, 2028-02-29T00:00",
			"WEEK, 2026-12-28T00:00, 2027-01-04T00:00", "MONTH, 2026-01-01T00:00, 2026-02-01T00:00" })
	void nextIsTheStartOfTheFollowingPeriod(Period period, LocalDateTime start, LocalDateTime next) {
		assertThat(period.next(start)).isEqualTo(next);
		assertThat(period.start(next)).isEqualTo(next);
	}

	@Test
	void springForwardInBerlinSkipsTheTwoOClockHour() {
		// 2026-03-29 01:00Z: clocks jump from 02:00 CET to 03:00 CEST.
		Instant switchover = Instant.parse("2026-03-29T01:00:00Z");
		LocalDateTime before = local(switchover.minusSeconds(1), BERLIN);
		LocalDateTime after = local(switchover, BERLIN);
		assertThat(before).isEqualTo(LocalDateTime.of(2026, 3, 29, 1, 59, 59));
		assertThat(after).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 0));
		assertThat(Period.HOUR.start(before)).isEqualTo(LocalDateTime.of(2026, 3, 29, 1, 0));
		assertThat(Period.HOUR.start(after)).isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 0));
		assertThat(Period.DAY.start(before)).isEqualTo(LocalDateTime.of(2026, 3, 29, 0, 0));
		assertThat(Period.DAY.start(after)).isEqualTo(LocalDateTime.of(2026, 3, 29, 0, 0));
	}

	@Test
	void springForwardDayInBerlinIsOneDayOf23Hours() {
		Instant midnight = Instant.parse("2026-03-28T23:00:00Z");
		Instant nextMidnight = Instant.parse("2026-03-29T22:00:00Z");
		assertThat(Duration.between(midnight, nextMidnight)).hasHours(23);
		Set<LocalDateTime> days = new LinkedHashSet<>();
		Set<LocalDateTime> hours = new LinkedHashSet<>();
		for (Instant instant = midnight; instant.isBefore(nextMidnight); instant = instant.plusSeconds(600)) {
			days.add(Period.DAY.start(local(instant, BERLIN)));
			hours.add(Period.HOUR.start(local(instant, BERLIN)));
		}
		assertThat(days).containsExactly(LocalDateTime.of(2026, 3, 29, 0, 0));
		assertThat(hours).hasSize(23).doesNotContain(LocalDateTime.of(2026, 3, 29, 2, 0));
		assertThat(Period.DAY.start(local(nextMidnight, BERLIN))).isEqualTo(LocalDateTime.of(2026, 3, 30, 0, 0));
		assertThat(Period.DAY.start(local(midnight.minusNanos(1), BERLIN)))
			.isEqualTo(LocalDateTime.of(2026, 3, 28, 0, 0));
	}

	@Test
	void fallBackInBerlinFoldsTheTwoOClockHourTwiceIntoOneHourStart() {
		// 2026-10-25 01:00Z: clocks go back from 03:00 CEST to 02:00 CET, so 02:00-03:00 local happens twice.
		LocalDateTime firstPass = local(Instant.parse("2026-10-25T00:30:00Z"), BERLIN);
		LocalDateTime secondPass = local(Instant.parse("2026-10-25T01:30:00Z"), BERLIN);
		assertThat(firstPass).isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 30));
		assertThat(secondPass).isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 30));
		assertThat(Period.HOUR.start(firstPass)).isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 0));
		assertThat(Period.HOUR.start(secondPass)).isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 0));
		assertThat(Period.HOUR.start(local(Instant.parse("2026-10-25T01:00:00Z"), BERLIN)))
			.isEqualTo(LocalDateTime.of(2026, 10, 25, 2, 0));
		assertThat(Period.DAY.start(secondPass)).isEqualTo(LocalDateTime.of(2026, 10, 25, 0, 0));
	}

	@Test
	void fallBackDayInBerlinIsOneDayOf25Hours() {
		Instant midnight = Instant.parse("2026-10-24T22:00:00Z");
		Instant nextMidnight = Instant.parse("2026-10-25T23:00:00Z");
		assertThat(Duration.between(midnight, nextMidnight)).hasHours(25);
		Set<LocalDateTime> days = new LinkedHashSet<>();
		Set<LocalDateTime> hours = new LinkedHashSet<>();
		for (Instant instant = midnight; instant.isBefore(nextMidnight); instant = instant.plusSeconds(600)) {
			days.add(Period.DAY.start(local(instant, BERLIN)));
			hours.add(Period.HOUR.start(local(instant, BERLIN)));
		}
		assertThat(days).containsExactly(LocalDateTime.of(2026, 10, 25, 0, 0));
		// 25 hours of instants, 24 distinct local hour starts: the repeated 02:00 hour shares one.
		assertThat(hours).hasSize(24);
		assertThat(Period.DAY.start(local(nextMidnight, BERLIN))).isEqualTo(LocalDateTime.of(2026, 10, 26, 0, 0));
	}

	@Test
	void hourStartInAZoneWithAHalfHourOffsetIsALocalFullHour() {
		// Asia/Kolkata is UTC+05:30: 10:15Z is 15:45 local, whose hour started at 15:00 local, i.e. 09:30Z.
		LocalDateTime local = local(Instant.parse("2026-06-01T10:15:00Z"), KOLKATA);
		assertThat(local).isEqualTo(LocalDateTime.of(2026, 6, 1, 15, 45));
		LocalDateTime hour = Period.HOUR.start(local);
		assertThat(hour).isEqualTo(LocalDateTime.of(2026, 6, 1, 15, 0));
		assertThat(hour.atZone(KOLKATA).toInstant()).isEqualTo(Instant.parse("2026-06-01T09:30:00Z"));
		// 10:29Z and 10:30Z fall in different local hours although they share the UTC hour.
		assertThat(Period.HOUR.start(local(Instant.parse("2026-06-01T10:29:59Z"), KOLKATA)))
			.isEqualTo(LocalDateTime.of(2026, 6, 1, 15, 0));
		assertThat(Period.HOUR.start(local(Instant.parse("2026-06-01T10:30:00Z"), KOLKATA)))
			.isEqualTo(LocalDateTime.of(2026, 6, 1, 16, 0));
	}

	@Test
	void dayStartInKolkataDiffersFromUtc() {
		Instant instant = Instant.parse("2026-06-01T20:00:00Z");
		assertThat(Period.DAY.start(local(instant, KOLKATA))).isEqualTo(LocalDateTime.of(2026, 6, 2, 0, 0));
		assertThat(Period.DAY.start(local(instant, ZoneId.of("UTC")))).isEqualTo(LocalDateTime.of(2026, 6, 1, 0, 0));
	}

	private static LocalDateTime local(Instant instant, ZoneId zone) {
		return LocalDateTime.ofInstant(instant, zone);
	}

}
