package io.featurecreep.identity;

import java.time.Instant;
import java.util.List;

/**
 * Who may create an account now.
 *
 * @param mode the rule
 * @param domains for {@link SignUpMode#DOMAINS}: the e-mail domains that may sign up
 * @param setByAdmin whether an admin chose it (otherwise the server's configuration decides)
 * @param changedAt when an admin last chose it
 */
record SignUpPolicy(SignUpMode mode, List<String> domains, boolean setByAdmin, Instant changedAt) {

	SignUpPolicy {
		domains = List.copyOf(domains);
	}

	/** Whether the address is at one of the policy's domains. */
	boolean admitsAddress(String email) {
		String domain = EmailDomains.of(email);
		return mode == SignUpMode.DOMAINS && domain != null && domains.contains(domain);
	}

	/** The domains as the pages and the audit log list them. */
	public String domainList() {
		return String.join(", ", domains);
	}

}
