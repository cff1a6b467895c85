package io.featurecreep.notifications;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail summaries over SMTP ({@code spring.mail.*}); without a mail server configured, e-mail is unavailable. */
@Component
class EmailSender implements ChannelSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	private final MessageSource messages;

	EmailSender(ObjectProvider<JavaMailSender> mail,
			@Value("${feature-creep.notifications.mail-from:feature-creep@localhost}") String from,
			MessageSource messages) {
		this.mail = mail;
		this.from = from;
		this.messages = messages;
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
			throw new DeliveryFailed(new Phrase("notifications.failure.emailUnavailable"));
		}
		ChannelWords words = new ChannelWords(messages, message.language());
		SimpleMailMessage mailMessage = new SimpleMailMessage();
		mailMessage.setFrom(from);
		mailMessage.setTo(channel.target());
		switch (message) {
			case Message.Test test -> {
				mailMessage.setSubject(oneLine(words.text("notifications.test.subject", test.squadName())));
				mailMessage.setText(words.text("notifications.test.text"));
			}
			case Message.Report report -> {
				mailMessage.setSubject(oneLine(words.text("notifications.report.mail.subject", report.report().squadName())));
				mailMessage.setText(text(report.report(), words));
			}
			case Message.Reminder reminder -> {
				mailMessage.setSubject(oneLine(words.text("reminder.channel.subject", reminder.squadName())));
				mailMessage.setText(reminder.text());
			}
			case Message.VoteInvite invite -> {
				mailMessage.setSubject(oneLine(words.text("voteInvite.subject", invite.squadName())));
				mailMessage.setText(invite.text());
			}
		}
		send(sender, mailMessage);
	}

	/** An e-mail to one person (a reminder to vote), not to a channel. */
	void sendToPerson(String address, String subject, String text) throws DeliveryFailed {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryFailed(new Phrase("notifications.failure.emailUnavailable"));
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
			throw new DeliveryFailed(new Phrase("notifications.failure.mailRefused", failed.getClass().getSimpleName()));
		}
	}

	static String text(SquadReport report, ChannelWords words) {
		StringBuilder text = new StringBuilder(words.text("notifications.report.mail.heading", report.squadName()))
			.append("\n\n")
			.append(words.text("notifications.report.mail.legend"))
			.append("\n\n");
		for (SquadReport.Row row : report.indicators()) {
			row.averages().forEach(average -> text.append(SquadReport.circle(average)));
			text.append("  ").append(row.title()).append(" (").append(words.count(row.latest()));
			if (row.latest().average() != null) {
				text.append(", ").append(words.average(row.latest().average()));
			}
			text.append(")\n");
		}
		if (!report.alerts().isEmpty()) {
			text.append('\n').append(words.text("notifications.report.alerts")).append('\n');
			report.alerts().forEach(alert -> text.append("\u26A0 ").append(alert).append('\n'));
		}
		return text.toString();
	}

	/** Header injection guard: a subject is one line. */
	private static String oneLine(String text) {
		return text.replaceAll("[\\r\\n]+", " ");
	}

}
