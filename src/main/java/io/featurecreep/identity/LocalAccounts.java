package io.featurecreep.identity;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Local accounts for form sign-in. Looked up by e-mail (any case), but the user's name is the person id,
 * so that a password sign-in ends, like every other one, with {@code Authentication.getName()} = person id.
 */
@Component
class LocalAccounts implements UserDetailsService, UserDetailsPasswordService {

	private final JdbcClient jdbc;

	LocalAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public UserDetails loadUserByUsername(String email) {
		return jdbc.sql("select person_id, password_hash from local_account where email = ?")
			.param(normalise(email))
			.query((rs, row) -> User.withUsername(rs.getString("person_id"))
				.password(rs.getString("password_hash"))
				.roles("USER")
				.build())
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException("No local account for this e-mail"));
	}

	/** The form in which local accounts keep e-mail addresses: no surrounding blanks, lower case. */
	static String normalise(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	/** Re-hashes a password on sign-in when the encoder's default changed (say, a higher bcrypt strength). */
	@Override
	public UserDetails updatePassword(UserDetails user, String newEncodedPassword) {
		jdbc.sql("update local_account set password_hash = ? where person_id = ?")
			.params(newEncodedPassword, user.getUsername())
			.update();
		return User.withUserDetails(user).password(newEncodedPassword).build();
	}

}
