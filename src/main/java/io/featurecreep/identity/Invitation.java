package io.featurecreep.identity;

/**
 * The invitations someone arrived with, which the sign-up policy may let in: an organisation invite they opened, and
 * the squad invite link that sent them to sign in. Either may be missing, or no longer valid.
 */
record Invitation(String organisationInviteToken, String squadInviteToken) {

	static final Invitation NONE = new Invitation(null, null);

	@Override
	public String toString() {
		return "Invitation[organisationInvite=" + (organisationInviteToken != null) + ", squadInvite="
				+ (squadInviteToken != null) + "]";
	}

}
