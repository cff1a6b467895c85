package io.featurecreep.identity;

/** What an admin did, as the audit log records it. */
enum AdminAction {

	SIGNUP_POLICY_CHANGED, INVITE_CREATED, INVITE_REVOKED, PROMOTED, DEMOTED, DEACTIVATED, REACTIVATED, ERASED,

	RESET_LINK_CREATED,

	/** Not an admin action: a squad owner discarded a session, kept on the organisation's record. */
	SESSION_DISCARDED,

	/** Not an admin action: a squad owner dismissed an alert about the squad's results. */
	ALERT_DISMISSED

}
