package io.featurecreep.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import io.featurecreep.shared.EnglishTexts;

/** E-mail summaries over SMTP ({@code spring.mail.*}); without a mail server configured, e-mail is unavailable. */
@Component
class EmailSender implements ChannelSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	EmailSender(ObjectProvider<JavaMailSender> mail,
			@Value("${feature-creep.notifications.mail-from:feature-creep@localhost}") String from) {
		this.mail = mail;
		this.from = from;
	}

	boolean available() {
		return mail.getIfAvailable() != null;
	}

	@Override
	public ChannelKind kind() {
		return ChannelKind.EMAIL;
	}

	@Override
	public void send(NotificationChannel channel, Message message) throws DeliveryFailed {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryFailed("E-mail is not configured on this server");
		}
		SimpleMailMessage mailMessage = new SimpleMailMessage();
		mailMessage.setFrom(from);
		mailMessage.setTo(channel.target());
		switch (message) {
			case Message.Test test -> {
				mailMessage.setSubject("Feature Creep: test message for " + oneLine(test.squadName()));
				mailMessage.setText(Message.TEST_TEXT);
			}
			case Message.Report report -> {
				mailMessage.setSubject("Health check results: " + oneLine(report.report().squadName()));
				mailMessage.setText(text(report.report()));
			}
			case Message.Reminder reminder -> {
				mailMessage.setSubject(oneLine(EnglishTexts.of("reminder.channel.subject", reminder.squadName())));
				mailMessage.setText(reminder.text());
			}
		}
		send(sender, mailMessage);
	}

	/** An e-mail to one person (a reminder to vote), not to a channel. */
	void sendToPerson(String address, String subject, String text) throws DeliveryFailed {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryFailed("E-mail is not configured on this server");
		}
		SimpleMailMessage mailMessage = new SimpleMailMessage();
		mailMessage.setFrom(from);
		mailMessage.setTo(address);
		mailMessage.setSubject(oneLine(subject));
		mailMessage.setText(text);
		send(sender, mailMessage);
	}

	private static void send(JavaMailSender sender, SimpleMailMessage mailMessage) throws DeliveryFailed {
		try {
			sender.send(mailMessage);
		}
		catch (MailException failed) {
			throw new DeliveryFailed("The mail server refused the message (" + failed.getClass().getSimpleName() + ")");
		}
	}

	static String text(SquadReport report) {
		StringBuilder text = new StringBuilder("Health check results of ").append(report.squadName())
			.append("\n\nEach row: the colour of the squad's average vote per session, oldest first.\n\n");
		for (SquadReport.Row row : report.indicators()) {
			row.averages().forEach(average -> text.append(SquadReport.circle(average)));
			text.append("  ").append(row.title()).append(" (").append(SquadReport.count(row.latest()));
			if (row.latest().average() != null) {
				text.append(", average ").append(String.format(java.util.Locale.ROOT, "%.2f", row.latest().average()));
			}
			text.append(")\n");
		}
		return text.toString();
	}

	/** Header injection guard: a subject is one line. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n]+", " ");
	}

}
