package io.featurecreep.identity;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sign-up policy a new installation starts with ({@code FEATURE_CREEP_SIGNUP}, {@code FEATURE_CREEP_SIGNUP_DOMAINS}).
 * It decides until an admin chooses a policy on the admin page; from then on the admin's choice, kept in the
 * database, wins. A malformed domain stops the server at start rather than leaving sign-up open to guesswork.
 *
 * @param signup who may create an account: invite (the default), open, domains or closed
 * @param signupDomains for {@code domains}: the e-mail domains whose addresses may sign up, comma separated
 */
@ConfigurationProperties("feature-creep")
record SignUpSettings(@DefaultValue("invite") SignUpMode signup, @DefaultValue List<String> signupDomains) {

	SignUpSettings {
		signupDomains = EmailDomains.normalised(signupDomains);
	}

	SignUpPolicy seed() {
		return new SignUpPolicy(signup, signupDomains, false, null);
	}

}
