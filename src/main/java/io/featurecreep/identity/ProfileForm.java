package io.featurecreep.identity;

import java.util.regex.Pattern;

import org.springframework.validation.Errors;

/**
 * Who someone is, as the onboarding page posts it, and the part of the sign-up page that says the same (see
 * {@link SignUpForm}). A mutable bean because the pages bind to it and show it again on errors.
 */
class ProfileForm {

	static final int MAX_NAME_LENGTH = 100;

	private static final Pattern EMAIL_SHAPE = Pattern.compile(EmailAddresses.SHAPE_REGEX);

	private String firstName = "";

	private String lastName = "";

	private String email = "";

	/**
	 * One problem per field, as a key of the identity bundle that the page shows in the reader's language (the
	 * English text is the fallback). An empty address is reported as missing; its shape is checked only where there
	 * is one.
	 */
	void checkProfile(Errors errors) {
		if (firstName.isBlank()) {
			errors.rejectValue("firstName", "identity.field.firstNameMissing", "Please enter your first name");
		}
		else if (firstName.length() > MAX_NAME_LENGTH) {
			errors.rejectValue("firstName", "identity.field.tooLong", new Object[] { MAX_NAME_LENGTH },
					"Please use at most 100 characters");
		}
		if (lastName.isBlank()) {
			errors.rejectValue("lastName", "identity.field.lastNameMissing", "Please enter your last name");
		}
		else if (lastName.length() > MAX_NAME_LENGTH) {
			errors.rejectValue("lastName", "identity.field.tooLong", new Object[] { MAX_NAME_LENGTH },
					"Please use at most 100 characters");
		}
		if (email.isBlank()) {
			errors.rejectValue("email", "identity.field.emailMissing", "Please enter your e-mail address");
		}
		else if (email.length() > EmailAddresses.MAX_LENGTH) {
			errors.rejectValue("email", "identity.field.emailTooLong", "This e-mail address is too long");
		}
		else if (!EMAIL_SHAPE.matcher(email).matches()) {
			errors.rejectValue("email", "identity.field.emailInvalid", "Please enter a valid e-mail address");
		}
	}

	public String getFirstName() {
		return firstName;
	}

	public void setFirstName(String firstName) {
		this.firstName = firstName == null ? "" : firstName.strip();
	}

	public String getLastName() {
		return lastName;
	}

	public void setLastName(String lastName) {
		this.lastName = lastName == null ? "" : lastName.strip();
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email == null ? "" : email.strip();
	}

}
