package io.featurecreep.identity;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.EnglishTexts;
import io.featurecreep.shared.ErrorCode;

/**
 * The sign-up policy does not let this person create an account. FORBIDDEN, with a message that says how to get
 * in (a key of the identity bundle, English for the API); the reason lets pages say it in their own words.
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

	private SignUpRefused(Reason reason, String messageKey, Object... arguments) {
		super(ErrorCode.FORBIDDEN, EnglishTexts.of(messageKey, arguments), messageKey, arguments);
		this.reason = reason;
	}

	Reason reason() {
		return reason;
	}

	static SignUpRefused of(SignUpPolicy policy, boolean unverifiedAddress) {
		return switch (policy.mode()) {
			case CLOSED -> new SignUpRefused(Reason.CLOSED, "identity.refused.signUpClosed");
			case DOMAINS -> unverifiedAddress
					? new SignUpRefused(Reason.UNVERIFIED_EMAIL, "identity.refused.signUpUnverified", policy.domainList())
					: new SignUpRefused(Reason.DOMAIN, "identity.refused.signUpDomain", policy.domainList());
			case INVITE, OPEN -> new SignUpRefused(Reason.NOT_INVITED, "identity.refused.signUpNotInvited");
		};
	}

}
