package io.featurecreep.identity;

import org.springframework.validation.Errors;

/** What the sign-up page posts: who someone is, and the password they choose. */
class SignUpForm extends ProfileForm {

	private String password = "";

	private String passwordConfirm = "";

	/** The rules that look at more than one field, or that the domain owns (password strength). */
	void checkPasswords(Errors errors) {
		PasswordPolicy.checkChosen(password, passwordConfirm, errors);
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

}
