package io.featurecreep.identity;

import java.time.Instant;

/** Someone who uses Feature Creep. The id is stable; the profile fields may still be empty after a first sign-in. */
public record Person(String id, String organisationId, String firstName, String lastName, String email,
		Instant createdAt, PersonStatus status) {

	/**
	 * What every erased person is called wherever a name used to show (votes, notes, actions, the audit log), in the
	 * API; pages say it in the reader's language ({@link PersonNames}).
	 */
	public static final String FORMER_MEMBER = "Former member";

	/** The name of someone with neither a name nor an e-mail address, in the API. */
	public static final String UNNAMED = "Unnamed person";

	/** An active person, as everyone was before admins could deactivate or erase anyone. */
	public Person(String id, String organisationId, String firstName, String lastName, String email,
			Instant createdAt) {
		this(id, organisationId, firstName, lastName, email, createdAt, PersonStatus.ACTIVE);
	}

	/** The name to show: first and last name, or the e-mail, or a neutral label; an erased person's is neutral. */
	public String displayName() {
		if (erased()) {
			return FORMER_MEMBER;
		}
		String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
		if (!full.isEmpty()) {
			return full;
		}
		return email != null && !email.isBlank() ? email : UNNAMED;
	}

	/** The original client sends people to onboarding until all three are filled in. */
	public boolean profileComplete() {
		return notBlank(firstName) && notBlank(lastName) && notBlank(email);
	}

	/** Whether the person may sign in and use Feature Creep. */
	public boolean active() {
		return status == PersonStatus.ACTIVE;
	}

	/** An erased person: a tombstone without personal data. */
	public boolean erased() {
		return status == PersonStatus.ERASED;
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
