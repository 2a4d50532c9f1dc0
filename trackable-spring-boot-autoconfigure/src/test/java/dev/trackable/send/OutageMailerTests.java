package dev.trackable.send;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

import static org.assertj.core.api.Assertions.assertThat;

class OutageMailerTests {

	private final List<SimpleMailMessage> sent = new ArrayList<>();

	private final MailSender mailSender = new MailSender() {
		@Override
		public void send(SimpleMailMessage... messages) {
			OutageMailerTests.this.sent.addAll(List.of(messages));
		}
	};

	private Instant now = Instant.parse("2026-11-25T10:00:00Z");

	private final OutageMailer mailer = new OutageMailer(this.mailSender, List.of("ops@example.test"),
			"trackable@example.test", Duration.ofHours(1), new Clock() {
				@Override
				public Instant instant() {
					return OutageMailerTests.this.now;
				}

				@Override
				public java.time.ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}
			});

	@Test
	void anOutageIsMailedWhenItBeginsAndWhenItEndsWithItsDurationAndCounts() {
		this.mailer.outageBegan(new ConnectException("Connection refused"));
		this.now = this.now.plusSeconds(90);
		this.mailer.outageEnded(12, 12);

		assertThat(this.sent).extracting(SimpleMailMessage::getSubject)
			.containsExactly("[trackable] Message broker unreachable", "[trackable] Message broker reachable again");
		assertThat(this.sent.get(0).getText()).contains("Connection refused");
		assertThat(this.sent.get(1).getText()).contains("PT1M30S").contains("12 batches of increments were spooled");
		assertThat(this.sent.get(0).getTo()).containsExactly("ops@example.test");
		assertThat(this.sent.get(0).getFrom()).isEqualTo("trackable@example.test");
	}

	@Test
	void anOutageBeginningWithinTheIntervalOfAMailedOneIsNotMailed() {
		outage(Duration.ofMinutes(1));
		this.now = this.now.plus(Duration.ofMinutes(10));
		outage(Duration.ofMinutes(1));
		assertThat(this.sent).hasSize(2);

		this.now = this.now.plus(Duration.ofHours(1));
		outage(Duration.ofMinutes(1));
		assertThat(this.sent).hasSize(4);
	}

	private void outage(Duration length) {
		this.mailer.outageBegan(new ConnectException("Connection refused"));
		this.now = this.now.plus(length);
		this.mailer.outageEnded(1, 1);
	}

}
