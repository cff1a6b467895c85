package io.featurecreep.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.validation.Errors;

/** What the sign-up page posts. A mutable bean because the page binds to it and shows it again on errors. */
class SignUpForm {

	@NotBlank(message = "Please enter your e-mail address")
	@Size(max = EmailAddresses.MAX_LENGTH, message = "This e-mail address is too long")
	@Pattern(regexp = EmailAddresses.SHAPE_REGEX, message = "Please enter a valid e-mail address")
	private String email = "";

	private String password = "";

	private String passwordConfirm = "";

	@NotBlank(message = "Please enter your first name")
	@Size(max = 100, message = "Please use at most 100 characters")
	private String firstName = "";

	@NotBlank(message = "Please enter your last name")
	@Size(max = 100, message = "Please use at most 100 characters")
	private String lastName = "";

	/** The rules that look at more than one field, or that the domain owns (password strength). */
	void checkPasswords(Errors errors) {
		String problem = Accounts.passwordProblem(password);
		if (problem != null) {
			errors.rejectValue("password", "password.weak", problem);
		}
		if (!password.equals(passwordConfirm)) {
			errors.rejectValue("passwordConfirm", "password.mismatch", "The passwords do not match");
		}
	}

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email == null ? "" : email.strip();
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password == null ? "" : password;
	}

	public String getPasswordConfirm() {
		return passwordConfirm;
	}

	public void setPasswordConfirm(String passwordConfirm) {
		this.passwordConfirm = passwordConfirm == null ? "" : passwordConfirm;
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

}
