package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.EnglishTexts;
import io.featurecreep.shared.ErrorCode;

/**
 * The refusals of the identity module carry keys now, so pages say them in the reader's language; the API still
 * says them in English, word for word as before (clients compare these strings).
 */
class RefusalWordingTest {

	@Test
	void theApiKeepsItsEnglishWordForWord() {
		assertThat(english("identity.refused.lastAdmin"))
			.isEqualTo("The organisation needs at least one active admin: make someone else an admin first")
			.isEqualTo(PeopleAdministration.LAST_ADMIN);
		assertThat(english("identity.refused.deactivateSelf")).isEqualTo("You cannot deactivate yourself; ask another admin");
		assertThat(english("identity.refused.eraseSelf")).isEqualTo("You cannot erase yourself; ask another admin");
		assertThat(english("identity.refused.notADomain", "it's{0}")).isEqualTo("Not an e-mail domain: it's{0}");
		assertThat(english("identity.refused.tooManyDomains", EmailDomains.MAX_DOMAINS)).isEqualTo("At most 50 domains");
		assertThat(english("identity.refused.inviteUses", OrganisationInvites.MAX_USES))
			.isEqualTo("An invite can be used between 1 and 1000 times");
		assertThat(english("identity.refused.inviteDays", OrganisationInvites.MAX_VALID_DAYS))
			.isEqualTo("An invite must be valid for between 1 and 30 days");
		assertThat(english("identity.refused.adminsOnly.seePeople"))
			.isEqualTo("Only organisation admins can see the organisation's people");
		assertThat(english("identity.refused.adminsOnly.resetLinks")).isEqualTo("Only organisation admins can make password reset links");
	}

	@Test
	void aSignUpRefusalSaysTheSameAsBeforeAndCarriesItsKey() {
		SignUpPolicy domains = new SignUpPolicy(SignUpMode.DOMAINS, List.of("a.test", "b.test"), false, null);
		SignUpRefused refused = SignUpRefused.of(domains, false);
		assertThat(refused.getMessage())
			.isEqualTo("Only e-mail addresses at a.test, b.test can sign up here, or people with an invite link");
		assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
		assertThat(refused.messageKey()).isEqualTo("identity.refused.signUpDomain");
		assertThat(refused.arguments()).containsExactly("a.test, b.test");
		assertThat(SignUpRefused.of(domains, true).getMessage()).isEqualTo("Only verified e-mail addresses at a.test, b.test"
				+ " can sign up here, and your provider has not verified yours; or ask for an invite link");
		assertThat(SignUpRefused.of(new SignUpPolicy(SignUpMode.CLOSED, List.of(), false, null), false).getMessage())
			.isEqualTo("Sign-up is closed here: ask an organisation admin for an invite link");
		assertThat(SignUpRefused.of(new SignUpPolicy(SignUpMode.INVITE, List.of(), false, null), false).getMessage())
			.isEqualTo("New accounts need an invite link here: ask an organisation admin or a squad owner for one");
	}

	private static String english(String key, Object... arguments) {
		DomainException refused = DomainException.of(ErrorCode.BAD_USER_INPUT, key, arguments);
		assertThat(refused.getMessage()).isEqualTo(EnglishTexts.of(key, arguments));
		return refused.getMessage();
	}

}
