package io.featurecreep.identity;

import org.springframework.validation.Errors;

/** What the page of a password reset link posts: the new password, twice. */
class NewPasswordForm {

	private String password = "";

	private String passwordConfirm = "";

	/** The same rules as at sign-up ({@link PasswordPolicy}), and both fields alike. */
	void check(Errors errors) {
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
