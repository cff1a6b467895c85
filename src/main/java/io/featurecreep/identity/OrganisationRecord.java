package io.featurecreep.identity;

import org.springframework.stereotype.Service;

/**
 * What other modules put on the organisation's record, in the audit log admins read: actions of squad owners
 * that remove something from everyone's view. Written in the caller's transaction, so the action and its entry
 * are committed together.
 */
@Service
public class OrganisationRecord {

	private final AuditLog log;

	OrganisationRecord(AuditLog log) {
		this.log = log;
	}

	/** A squad owner discarded a session; the detail names the session and its squad. */
	public void sessionDiscarded(String ownerId, String detail) {
		log.record(ownerId, AdminAction.SESSION_DISCARDED, null, detail);
	}

	/** A squad owner dismissed an alert; the detail names the alert's squad and indicator. */
	public void alertDismissed(String ownerId, String detail) {
		log.record(ownerId, AdminAction.ALERT_DISMISSED, null, detail);
	}

}
