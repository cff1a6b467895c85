package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;

/**
 * Which language the pages speak (the person's choice, else this browser's, else the browser's own languages, else
 * English), how people choose it (the profile, the menu at the foot of every page, the API), and that the API itself
 * stays English.
 */
@FeatureCreepTest
class PageLanguageTests {

	static final String SIGN_IN_DE = ">Anmelden<";

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	PageLanguage pageLanguage;

	@Test
	void withoutAnyPreferenceThePagesAreEnglish() throws Exception {
		String page = body(get("/"));

		assertThat(page).contains("<html lang=\"en\"").contains(">Sign in<").contains(">Language<");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "de | de", "de-CH | de", "fr-BE, nl;q=0.8 | fr", "nl-BE | nl", "es-MX | es",
			"en-GB, de;q=0.9 | en", "zh, nl;q=0.5 | nl", "ja | en", "pt-BR, zh-TW;q=0.8 | en", "*;q=0.5 | en",
			"de;q=0.2, fr;q=0.9 | fr", "%%% not a language | en" })
	void theBrowsersFirstLanguageWeWriteWins(String acceptLanguage, String expected) throws Exception {
		String page = body(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage));

		assertThat(page).contains("<html lang=\"" + expected + "\"");
	}

	/**
	 * Spring Security's firewall refuses to hand out a header value with control characters; a page must still answer
	 * (in English) or be refused as a bad request, not fail while choosing its language (found by FuzzTests: a 500
	 * while an error page was rendered).
	 */
	@Test
	void anUnreadableAcceptLanguageIsNoLanguage() throws Exception {
		MvcResult page = mvc.perform(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "de\u0001\u000Bx")).andReturn();
		MvcResult missing = mvc.perform(get("/no-such-page").header(HttpHeaders.ACCEPT_LANGUAGE, "\u0000fr"))
			.andReturn();

		assertThat(page.getResponse().getStatus()).isEqualTo(200);
		assertThat(page.getResponse().getContentAsString()).contains("<html lang=\"en\"");
		// refused by the firewall itself, or a page that is not there: never a failure of ours
		assertThat(missing.getResponse().getStatus()).isIn(400, 404);
	}

	@Test
	void aGermanBrowserGetsTheFrameInGerman() throws Exception {
		String page = body(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE,de;q=0.9,en;q=0.8"));

		assertThat(page).contains(SIGN_IN_DE)
			.contains(">Registrieren<")
			.contains(">Zum Inhalt springen<")
			.contains("aria-label=\"Hauptnavigation\"")
			.contains(">Sprache<")
			.contains("<option value=\"de\" lang=\"de\">Deutsch</option>")
			.contains("<option value=\"fr\" lang=\"fr\">Français</option>");
	}

	@Test
	void aLanguageChosenInThisBrowserWinsOverTheBrowsersLanguages() throws Exception {
		String page = body(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "de").cookie(new Cookie("fc_lang", "fr")));

		assertThat(page).contains("<html lang=\"fr\"")
			.contains(">Se connecter<")
			.contains("<option value=\"fr\" lang=\"fr\" selected=\"selected\">Français</option>");
	}

	@Test
	void aCookieOfALanguageWeDoNotWriteCountsForNothing() throws Exception {
		String page = body(get("/").header(HttpHeaders.ACCEPT_LANGUAGE, "nl").cookie(new Cookie("fc_lang", "xx")));

		assertThat(page).contains("<html lang=\"nl\"");
	}

	@Test
	void choosingALanguageRemembersItInThisBrowserForAYear() throws Exception {
		MvcResult chosen = mvc.perform(post("/language").param("locale", "es").param("next", "/signin?x=1").with(csrf()))
			.andReturn();

		assertThat(chosen.getResponse().getStatus()).isEqualTo(302);
		assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/signin?x=1");
		String cookie = chosen.getResponse().getHeader(HttpHeaders.SET_COOKIE);
		assertThat(cookie).startsWith("fc_lang=es;")
			.contains("Path=/")
			.contains("Max-Age=31536000")
			.contains("HttpOnly")
			.contains("SameSite=Lax")
			.doesNotContain("Secure");
		assertThat(body(get("/signin").cookie(new Cookie("fc_lang", "es")))).contains("<html lang=\"es\"")
			.contains(">Iniciar sesión<");
	}

	@Test
	void overHttpsTheCookieIsSecure() throws Exception {
		MvcResult chosen = mvc.perform(post("/language").param("locale", "nl").secure(true).with(csrf())).andReturn();

		assertThat(chosen.getResponse().getHeader(HttpHeaders.SET_COOKIE)).startsWith("fc_lang=nl;").contains("Secure");
	}

	@Test
	void followingTheBrowserAgainForgetsTheChoice() throws Exception {
		MvcResult chosen = mvc.perform(post("/language").param("locale", "").param("next", "/").with(csrf()))
			.andReturn();

		assertThat(chosen.getResponse().getHeader(HttpHeaders.SET_COOKIE)).startsWith("fc_lang=;").contains("Max-Age=0");
		assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example", "https://evil.example", "/\\evil.example", "/\t/evil.example",
			"javascript:alert(1)", "/%0d%0aSet-Cookie: x=y", "/a b" })
	void theMenuReturnsOnlyToPagesOfThisSite(String next) throws Exception {
		MvcResult chosen = mvc.perform(post("/language").param("locale", "de").param("next", next).with(csrf()))
			.andReturn();

		assertThat(chosen.getResponse().getStatus()).isEqualTo(302);
		assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/workspace");
	}

	@Test
	void aPathWithBracesIsReturnedToAsItIs() throws Exception {
		MvcResult chosen = mvc.perform(post("/language").param("locale", "de").param("next", "/squads/{id}").with(csrf()))
			.andReturn();

		assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/squads/{id}");
	}

	@Test
	void theMenuNeedsTheFormsCsrfToken() throws Exception {
		MvcResult forged = mvc.perform(post("/language").param("locale", "de").param("next", "/")).andReturn();

		assertThat(forged.getResponse().getStatus()).isEqualTo(403);
		assertThat(forged.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void aLanguageWeDoNotWriteIsRefusedInTheReadersLanguage() throws Exception {
		MvcResult refused = mvc.perform(post("/language").param("locale", "tlh")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "de")
			.header(HttpHeaders.ACCEPT, "text/html")
			.with(csrf())).andReturn();

		assertThat(refused.getResponse().getStatus()).isEqualTo(400);
		assertThat(refused.getResponse().getContentAsString()).contains("Unbekannte Sprache: Wähle eine von de, en, es, fr, nl.");
		assertThat(refused.getResponse().getHeader(HttpHeaders.SET_COOKIE)).isNull();
	}

	@Test
	void thePageAMenuIsOnIsWhereItReturnsTo() throws Exception {
		String page = body(get("/signin").queryParam("error", ""));

		assertThat(page).contains("<input type=\"hidden\" name=\"next\" value=\"/signin?error=\">");
	}

	@Test
	void aSignedInPersonsChoiceFollowsThemToEveryBrowser() throws Exception {
		Person person = api.newPerson("Polyglot");

		MvcResult chosen = mvc.perform(post("/language").param("locale", "de")
			.param("next", "/workspace")
			.with(user(person.id()))
			.with(csrf())).andReturn();
		assertThat(chosen.getResponse().getRedirectedUrl()).isEqualTo("/workspace");

		// another browser: no cookie, and it asks for French
		String page = body(get("/workspace").header(HttpHeaders.ACCEPT_LANGUAGE, "fr").with(user(person.id())));
		assertThat(page).contains("<html lang=\"de\"").contains(">Abmelden<").contains(">Profil<");
	}

	@Test
	void aPersonsChoiceWinsOverThisBrowsersCookie() throws Exception {
		Person person = api.newPerson("Chooser");
		api.as(person).execute("mutation { setMyLocale(locale: \"es\") { id } }").ok();

		String page = body(get("/profile").header(HttpHeaders.ACCEPT_LANGUAGE, "de")
			.cookie(new Cookie("fc_lang", "fr"))
			.with(user(person.id())));

		assertThat(page).contains("<html lang=\"es\"").contains("Tu perfil");
	}

	@Test
	void aSignedInPersonWithoutAChoiceGetsTheBrowsersLanguage() throws Exception {
		Person person = api.newPerson("Browser");

		String page = body(get("/profile").header(HttpHeaders.ACCEPT_LANGUAGE, "nl-BE").with(user(person.id())));

		assertThat(page).contains("<html lang=\"nl\"")
			.contains("Je profiel")
			.contains(person.displayName())
			.containsPattern("<input type=\"radio\" name=\"locale\" value=\"\" checked=\"checked\">");
	}

	@Test
	void theProfileSavesTheLanguageAndSaysSoInIt() throws Exception {
		Person person = api.newPerson("Profiled");

		String page = body(get("/profile").with(user(person.id())));
		assertThat(page).contains("Your profile")
			.contains(person.displayName())
			.contains(person.email())
			.contains("href=\"/onboarding?next=/profile\"")
			.contains("Follow my browser")
			.contains("<span lang=\"nl\">Nederlands</span>");

		MvcResult saved = mvc.perform(post("/profile").param("locale", "fr").with(user(person.id())).with(csrf()))
			.andReturn();
		assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/profile");
		assertThat(saved.getResponse().getHeader(HttpHeaders.SET_COOKIE)).startsWith("fc_lang=fr;");

		String after = body(get("/profile").flashAttr("languageSaved", true).with(user(person.id())));
		assertThat(after).contains("<html lang=\"fr\"")
			.contains("Enregistré. Vos pages utilisent désormais la langue choisie.")
			.contains("<input type=\"radio\" name=\"locale\" value=\"fr\" checked=\"checked\">");
		assertThat(api.as(person).execute("{ me { locale } }").ok().text("me.locale")).isEqualTo("fr");
	}

	@Test
	void theProfileIsOnlyForThoseSignedIn() throws Exception {
		MvcResult page = mvc.perform(get("/profile").header(HttpHeaders.ACCEPT, "text/html")).andReturn();
		assertThat(page.getResponse().getStatus()).isEqualTo(302);
		assertThat(page.getResponse().getRedirectedUrl()).endsWith("/signin");

		MvcResult post = mvc.perform(post("/profile").param("locale", "de").with(csrf())).andReturn();
		assertThat(post.getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void theApiSetsAndReadsOnlyTheCallersLanguage() {
		Person me = api.newPerson("Caller");
		Person other = api.newPerson("Other");
		api.as(other).execute("mutation { setMyLocale(locale: \"nl\") { id } }").ok();

		assertThat(api.as(me).execute("{ me { locale } }").ok().data("me.locale").isNull()).isTrue();
		assertThat(api.as(me).execute("mutation { setMyLocale(locale: \"DE\") { id locale } }").ok().text("setMyLocale.locale"))
			.isEqualTo("de");
		assertThat(api.as(me).execute("{ me { locale } person { locale } }").ok().text("person.locale")).isEqualTo("de");
		assertThat(api.as(me).execute("mutation { setMyLocale(locale: null) { locale } }").ok().data("setMyLocale.locale").isNull())
			.isTrue();

		// another person's language is their own business, even for their squad mates
		String squadId = api.as(other).execute("mutation { createSquad(input: {name: \"Languages\"}) { id } }").ok()
			.text("createSquad.id");
		String token = api.as(other)
			.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		api.as(me).execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
		assertThat(api.as(me)
			.execute("query($p: String) { person(id: $p) { id locale } }", "p", other.id())
			.ok()
			.data("person.locale")
			.isNull()).isTrue();
	}

	@Test
	void theApiRefusesALanguageWeDoNotWriteInEnglish() {
		Person me = api.newPerson("Klingon");

		api.as(me)
			.execute("mutation { setMyLocale(locale: \"tlh\") { id } }")
			.failsWith("Unknown language: choose one of de, en, es, fr, nl.", "BAD_USER_INPUT");
		api.anonymous()
			.execute("mutation { setMyLocale(locale: \"de\") { id } }")
			.failsWith("Context creation failed: JWT is required", "UNAUTHENTICATED");
	}

	@Test
	void theApiSpeaksEnglishWhateverThePersonChoseUnlessTheRequestAsksForAnother() {
		Person person = api.newPerson("Integrator");
		api.as(person).execute("mutation { setMyLocale(locale: \"de\") { id } }").ok();

		assertThat(pageLanguage.resolveLocale(request("/graphql", person, null))).isEqualTo(Locale.ENGLISH);
		assertThat(pageLanguage.resolveLocale(request("/graphql", person, "nl-NL"))).isEqualTo(Locale.forLanguageTag("nl"));
		assertThat(pageLanguage.resolveLocale(request("/workspace", person, "nl-NL"))).isEqualTo(Locale.GERMAN);
	}

	private static MockHttpServletRequest request(String path, Person person, String acceptLanguage) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setUserPrincipal(new UsernamePasswordAuthenticationToken(person.id(), null, List.of()));
		request.setCookies(new Cookie("fc_lang", "fr"));
		if (acceptLanguage != null) {
			request.addHeader(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
		}
		return request;
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		return result.getResponse().getContentAsString();
	}

}
