package io.featurecreep.identity;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The e-mails about someone's account: a password reset link, a welcome after sign-up, and a notice that someone
 * tried to sign up with an address that already has an account. They are sent only when the database work is
 * committed, on a virtual thread of their own: the answer to the request never waits for the mail server, so its
 * timing does not tell whether an e-mail went out (and so whether an address has an account). A mail the server
 * refuses is logged (without its text, which may hold a reset link) and not retried: the person asks again. A mail
 * is written in the language of the request that causes it (the reader's page language); without one, in English.
 * <p>
 * E-mail needs SMTP ({@code spring.mail.host}) and the address people reach this server at
 * ({@code feature-creep.public-url}): links are never built from the request's Host header, which an attacker
 * asking for someone else's reset could set to their own server.
 */
@Component
class AccountMail {

	private static final Logger log = LoggerFactory.getLogger(AccountMail.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	private final String from;

	private final String publicUrl;

	AccountMail(ObjectProvider<JavaMailSender> mail, MessageSource messages,
			@Value("${feature-creep.notifications.mail-from:feature-creep@localhost}") String from,
			@Value("${feature-creep.public-url:}") String publicUrl) {
		this.mail = mail;
		this.messages = messages;
		this.from = from;
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	/** Whether account e-mails can be sent: SMTP and the public address are both configured. */
	boolean available() {
		return mail.getIfAvailable() != null && !publicUrl.isEmpty();
	}

	void passwordReset(String to, String linkPath, long validMinutes) {
		send(to, "mail.reset.subject", "mail.reset.text", publicUrl + linkPath, validMinutes);
	}

	void welcome(String to) {
		send(to, "mail.welcome.subject", "mail.welcome.text", to, publicUrl);
	}

	void signUpWithTakenAddress(String to) {
		send(to, "mail.signUpTaken.subject", "mail.signUpTaken.text", to, publicUrl);
	}

	private void send(String to, String subjectKey, String textKey, Object... arguments) {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null || publicUrl.isEmpty()) {
			return;
		}
		// outside a request the holder falls back to the machine's language, which is nobody's choice
		Locale locale = LocaleContextHolder.getLocaleContext() == null ? Locale.ENGLISH : LocaleContextHolder.getLocale();
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(from);
		message.setTo(to);
		message.setSubject(messages.getMessage(subjectKey, null, locale));
		message.setText(messages.getMessage(textKey, arguments, locale));
		Runnable deliver = () -> Thread.ofVirtual().name("account-mail").start(() -> deliver(sender, message, subjectKey));
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliver.run();
				}
			});
		}
		else {
			deliver.run();
		}
	}

	private static void deliver(JavaMailSender sender, SimpleMailMessage message, String key) {
		try {
			sender.send(message);
		}
		catch (MailException failed) {
			log.warn("The mail server refused an account e-mail ({}): {}", key, failed.getClass().getSimpleName());
		}
		catch (RuntimeException failed) {
			log.warn("Could not send an account e-mail ({}): {}", key, failed.getClass().getSimpleName());
		}
	}

}
