package io.featurecreep.identity;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The sign-up policy does not let this person create an account. FORBIDDEN, with a message that says how to get
 * in; the reason lets pages say it in their own words.
 */
final class SignUpRefused extends DomainException {

	enum Reason {

		/** {@code invite}: neither a valid squad invite nor an organisation invite. */
		NOT_INVITED,

		/** {@code closed}: no valid organisation invite. */
		CLOSED,

		/** {@code domains}: an address at another domain, and no invite. */
		DOMAIN,

		/** {@code domains}: the provider has not verified the address. */
		UNVERIFIED_EMAIL

	}

	private final Reason reason;

	private SignUpRefused(Reason reason, String message) {
		super(ErrorCode.FORBIDDEN, message);
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}

	static SignUpRefused of(SignUpPolicy policy, boolean unverifiedAddress) {
		return switch (policy.mode()) {
			case CLOSED -> new SignUpRefused(Reason.CLOSED,
					"Sign-up is closed here: ask an organisation admin for an invite link");
			case DOMAINS -> unverifiedAddress
					? new SignUpRefused(Reason.UNVERIFIED_EMAIL, "Only verified e-mail addresses at " + policy.domainList()
							+ " can sign up here, and your provider has not verified yours; or ask for an invite link")
					: new SignUpRefused(Reason.DOMAIN, "Only e-mail addresses at " + policy.domainList()
							+ " can sign up here, or people with an invite link");
			case INVITE, OPEN -> new SignUpRefused(Reason.NOT_INVITED,
					"New accounts need an invite link here: ask an organisation admin or a squad owner for one");
		};
	}

}
