package io.featurecreep.identity;

import org.springframework.security.core.AuthenticationException;

/**
 * A bearer token of someone the sign-up policy does not let in: a valid token, but no account may be made for it.
 * Answered as FORBIDDEN (see {@link GraphQlSecurityErrors}), with a fixed message that says how to get in.
 */
final class NotAdmitted extends AuthenticationException {

	static final String INVITATION_NEEDED = "Context creation failed: new accounts need an invitation here; ask an organisation admin";

	static final String DOMAIN_NEEDED = "Context creation failed: new accounts need a verified e-mail address at one of the organisation's domains, or an invitation";

	NotAdmitted(SignUpRefused refused) {
		super(switch (refused.reason()) {
			case DOMAIN, UNVERIFIED_EMAIL -> DOMAIN_NEEDED;
			case NOT_INVITED, CLOSED -> INVITATION_NEEDED;
		}, refused);
	}

}
