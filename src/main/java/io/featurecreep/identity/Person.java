package io.featurecreep.identity;

import java.time.Instant;

/** Someone who uses Feature Creep. The id is stable; the profile fields may still be empty after a first sign-in. */
public record Person(String id, String organisationId, String firstName, String lastName, String email,
		Instant createdAt) {

	/** The name to show: first and last name, or the e-mail, or a neutral label. */
	public String displayName() {
		String full = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
		if (!full.isEmpty()) {
			return full;
		}
		return email != null && !email.isBlank() ? email : "Unnamed person";
	}

	/** The original client sends people to onboarding until all three are filled in. */
	public boolean profileComplete() {
		return notBlank(firstName) && notBlank(lastName) && notBlank(email);
	}

	private static boolean notBlank(String value) {
		return value != null && !value.isBlank();
	}

}
