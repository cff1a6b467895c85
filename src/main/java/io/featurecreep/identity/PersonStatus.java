package io.featurecreep.identity;

/**
 * Whether a person may sign in. Admins deactivate and reactivate people; erasing removes a person's personal data
 * for good and leaves a tombstone, because votes, notes and actions still point at it.
 */
public enum PersonStatus {

	ACTIVE, DEACTIVATED, ERASED

}
