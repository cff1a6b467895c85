package io.featurecreep.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.featurecreep.identity.AttemptLimits.Limit;

/**
 * Sign-up that does not tell anyone whether an e-mail address already has an account. A new address gets its
 * account; a taken one stays exactly as it was, and nobody is signed in. Both end the same way from the outside:
 * the same redirect to the sign-in page with the same words (sign in, or check your e-mail), and about the same
 * time, since a taken address costs a password hash too. With e-mail configured, the address gets a message in
 * both cases: a welcome for a new account, or, for a taken one, a notice that someone tried, with the way back in
 * if its owner forgot the password. Sign-ups are limited per client address.
 * <p>
 * What stays visible: someone who signs up with an address and then signs in with the password they chose learns
 * whether the account was theirs. That costs them a sign-up and a sign-in, both limited, and creates an account
 * whenever the address was free. The sign-up policy ({@link Admissions}) decides before anything else whether the
 * visitor may sign up at all.
 */
@Service
class AccountRegistration {

	private static final Logger log = LoggerFactory.getLogger(AccountRegistration.class);

	private final Admissions admissions;

	private final AccountMail mail;

	private final AttemptLimits limits;

	private final PasswordEncoder passwords;

	AccountRegistration(Admissions admissions, AccountMail mail, AttemptLimits limits, PasswordEncoder passwords) {
		this.admissions = admissions;
		this.mail = mail;
		this.limits = limits;
		this.passwords = passwords;
	}

	/** Whether the page after sign-up can say that an e-mail went out. */
	boolean mailsAfterSignUp() {
		return mail.available();
	}

	/**
	 * Registers the person unless the address is taken; refused only by the rate limit or bad input, which do
	 * not depend on whether the address is taken.
	 */
	void register(Invitation invitation, String email, String rawPassword, String firstName, String lastName,
			String clientAddress) {
		limits.take(Limit.SIGN_UP_PER_ADDRESS.of(clientAddress));
		String address = LocalAccounts.normalise(email);
		try {
			// the sign-up policy refuses before the address is looked at: its answer says nothing about the address
			admissions.signUp(invitation, email, rawPassword, firstName, lastName);
			sendIfAllowed(address, () -> mail.welcome(address));
		}
		catch (Accounts.EmailTaken taken) {
			passwords.encode(rawPassword); // as long as a new account's hash takes
			log.info("Sign-up with an address that already has an account; the account is unchanged");
			sendIfAllowed(address, () -> mail.signUpWithTakenAddress(address));
		}
	}

	/** At most a few account e-mails to one address per window, whoever asks: no mail bombing through sign-up. */
	private void sendIfAllowed(String address, Runnable send) {
		try {
			limits.take(Limit.MAIL_PER_EMAIL.of(address));
			send.run();
		}
		catch (TooManyAttempts enough) {
			log.info("Not sending another account e-mail to one address within the window");
		}
	}

}
