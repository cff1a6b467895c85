package io.featurecreep.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who someone is, as the onboarding page posts it, and the part of the sign-up page that says the same (see
 * {@link SignUpForm}). A mutable bean because the pages bind to it and show it again on errors.
 */
class ProfileForm {

	@NotBlank(message = "Please enter your first name")
	@Size(max = 100, message = "Please use at most 100 characters")
	private String firstName = "";

	@NotBlank(message = "Please enter your last name")
	@Size(max = 100, message = "Please use at most 100 characters")
	private String lastName = "";

	// an empty address is @NotBlank's to report: the shape is checked only where there is one, so one problem
	// gets one message
	@NotBlank(message = "Please enter your e-mail address")
	@Size(max = EmailAddresses.MAX_LENGTH, message = "This e-mail address is too long")
	@Pattern(regexp = "|" + EmailAddresses.SHAPE_REGEX, message = "Please enter a valid e-mail address")
	private String email = "";

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
