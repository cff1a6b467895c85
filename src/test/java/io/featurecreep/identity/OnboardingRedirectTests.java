package io.featurecreep.identity;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.support.FeatureCreepTest;

/** Where onboarding sends people afterwards (a path of this site, whatever the link said), and what it says. */
@FeatureCreepTest
class OnboardingRedirectTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@ParameterizedTest
	@ValueSource(strings = { "/\n/evil.example", "/\r\nSet-Cookie: stolen=1", "/\t/evil.example", "/\u0007",
			"/ /evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/squads/\u00e9" })
	void aNextThatIsNoPlainLocalPathLeadsToTheWorkspace(String next) throws Exception {
		completeProfile(next).andExpect(redirectedUrl("/workspace"));
	}

	@Test
	void aLocalPathIsFollowed() throws Exception {
		completeProfile("/join/abc-123?x=1#top").andExpect(redirectedUrl("/join/abc-123?x=1#top"));
	}

	@Test
	void theProfileFormSpeaksTheReadersLanguage() throws Exception {
		Person person = accounts.provisionExternal("https://issuer.test", UUID.randomUUID().toString(), null, null,
				null);
		mvc.perform(get("/onboarding").with(user(person.id())).header("Accept-Language", "de"))
			.andExpect(content().string(allOf(containsString("Vervollständige dein Profil"), containsString(">Vorname<"),
					containsString(">Weiter<"))));
		mvc.perform(post("/onboarding").param("firstName", "Grace")
			.param("lastName", "")
			.param("email", "grace@")
			.with(user(person.id()))
			.with(csrf())
			.locale(Locale.GERMAN))
			.andExpect(content().string(allOf(containsString("Bitte gib deinen Nachnamen ein"),
					containsString("Bitte gib eine gültige E-Mail-Adresse ein"), not(containsString("Please enter")))));
		mvc.perform(post("/onboarding").param("firstName", "Grace")
			.param("lastName", "")
			.param("email", "grace@")
			.with(user(person.id()))
			.with(csrf()))
			.andExpect(content().string(allOf(containsString("Please enter your last name"),
					containsString("Please enter a valid e-mail address"))));
	}

	private org.springframework.test.web.servlet.ResultActions completeProfile(String next) throws Exception {
		Person person = accounts.provisionExternal("https://issuer.test", UUID.randomUUID().toString(), null, null,
				null);
		return mvc.perform(post("/onboarding").param("firstName", "Grace")
			.param("lastName", "Hopper")
			.param("email", "grace-" + person.id().substring(0, 8) + "@example.test")
			.param("next", next)
			.with(user(person.id()))
			.with(csrf()));
	}

}
