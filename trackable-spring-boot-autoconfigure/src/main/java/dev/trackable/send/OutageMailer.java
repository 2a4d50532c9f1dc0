package dev.trackable.send;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

/**
 * Mails the admins once when a broker outage begins and once when it ends, as django-trackable did with
 * {@code TRACKABLE_CAPTURE_CONNECTION_ERRORS}. After a mailed outage, the next one is mailed only once the mail
 * interval has passed, so a flapping broker does not flood the admins' inboxes.
 */
public final class OutageMailer implements BrokerOutageListener {

	private static final Logger logger = LoggerFactory.getLogger(OutageMailer.class);

	private final MailSender mailSender;

	private final List<String> admins;

	private final String from;

	private final Duration interval;

	private final Clock clock;

	private @Nullable Instant began;

	private @Nullable Instant lastMailed;

	private boolean mailedThisOutage;

	public OutageMailer(MailSender mailSender, List<String> admins, String from, Duration interval, Clock clock) {
		this.mailSender = mailSender;
		this.admins = List.copyOf(admins);
		this.from = from;
		this.interval = interval;
		this.clock = clock;
	}

	@Override
	public void outageBegan(Exception cause) {
		Instant now = this.clock.instant();
		this.began = now;
		this.mailedThisOutage = this.lastMailed == null || !now.isBefore(this.lastMailed.plus(this.interval));
		if (this.mailedThisOutage) {
			this.lastMailed = now;
			send("[trackable] Message broker unreachable",
					"trackable cannot publish to the message broker since " + now + ":\n\n  " + cause
							+ "\n\nIncrements are kept in the local spool and published when the broker is back.");
		}
	}

	@Override
	public void outageEnded(long spooled, long replayed) {
		Instant now = this.clock.instant();
		if (this.mailedThisOutage && this.began != null) {
			send("[trackable] Message broker reachable again", "trackable publishes to the message broker again since "
					+ now + ".\n\nThe outage lasted " + Duration.between(this.began, now) + "; " + spooled
					+ " batches of increments were spooled and " + replayed + " replayed so far.");
		}
		this.began = null;
		this.mailedThisOutage = false;
	}

	private void send(String subject, String text) {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setFrom(this.from);
		mail.setTo(this.admins.toArray(String[]::new));
		mail.setSubject(subject);
		mail.setText(text);
		try {
			this.mailSender.send(mail);
		}
		catch (MailException ex) {
			logger.error("Could not mail the admins about a broker outage: {}", ex.toString());
		}
	}

}
