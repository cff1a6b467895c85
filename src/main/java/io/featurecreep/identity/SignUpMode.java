package io.featurecreep.identity;

/** Who may create an account, besides the very first person of an installation and holders of an organisation invite. */
enum SignUpMode {

	/** People who arrive through a squad invite link (or an organisation invite). The default. */
	INVITE,

	/** Everyone. */
	OPEN,

	/** People whose e-mail address is at one of the listed domains, and invited people. */
	DOMAINS,

	/** Nobody but holders of an organisation invite: squad owners cannot bring in new accounts. */
	CLOSED

}
