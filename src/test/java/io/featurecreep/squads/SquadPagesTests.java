package io.featurecreep.squads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.featurecreep.identity.Person;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;

/** The squad pages over HTTP: membership decides what exists, ownership what may change. */
@FeatureCreepTest
class SquadPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	SquadManagement management;

	@Autowired
	SquadAccess access;

	Person owner;

	Person member;

	Person outsider;

	String squadId;

	@BeforeEach
	void squad() {
		owner = api.newPerson("Owner");
		member = api.newPerson("Member");
		outsider = api.newPerson("Outsider");
		squadId = management.create(owner.id(), "Web squad", true).id();
		management.join(member.id(), management.createInvite(owner.id(), squadId, Duration.ofDays(1)).token());
	}

	@Test
	void aSquadPageShowsMembersToMembersOnly() throws Exception {
		mvc.perform(get("/squads/{id}", squadId).with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Owner Tester")))
			.andExpect(content().string(not(containsString("Invite people"))));
		mvc.perform(get("/squads/{id}", squadId).with(as(owner)))
			.andExpect(content().string(containsString("Invite people")))
			.andExpect(content().string(containsString("Add a channel")));
		mvc.perform(get("/squads/{id}", squadId).with(as(outsider))).andExpect(status().isNotFound());
		mvc.perform(get("/squads/{id}/questions", squadId).with(as(outsider))).andExpect(status().isNotFound());
		mvc.perform(get("/squads/{id}/sessions/new", squadId).with(as(outsider))).andExpect(status().isNotFound());
		mvc.perform(get("/squads/{id}/questions", squadId).with(as(member))).andExpect(status().isForbidden());
	}

	/**
	 * A made-up, expired or withdrawn invite link sent a signed-out visitor to sign in "to join the squad that
	 * invited you", even after a wrong password; it now says the link is not valid, and a valid one still invites.
	 */
	@Test
	void aSignedOutVisitorOfAnInvalidInviteLinkIsToldSoBeforeSigningIn() throws Exception {
		String withdrawn = management.createInvite(owner.id(), squadId, Duration.ofDays(1)).token();
		management.revokeInvite(owner.id(), withdrawn);
		for (String token : new String[] { "garbage-token", withdrawn }) {
			MockHttpSession browser = new MockHttpSession();
			mvc.perform(get("/join/{token}", token).session(browser).accept(MediaType.TEXT_HTML))
				.andExpect(status().is3xxRedirection());
			mvc.perform(get("/signin").session(browser))
				.andExpect(content().string(containsString("This invite link is not valid (any more)")))
				.andExpect(content().string(not(containsString("to join the squad that invited you"))));
			mvc.perform(post("/signin").param("email", "nobody@example.org").param("password", "wrong password").session(browser).with(csrf()))
				.andExpect(redirectedUrl("/signin?error"));
			mvc.perform(get("/signin").param("error", "").session(browser))
				.andExpect(content().string(containsString("This invite link is not valid (any more)")))
				.andExpect(content().string(not(containsString("to join the squad that invited you"))));
			mvc.perform(get("/signup").session(browser))
				.andExpect(content().string(containsString("This invite link is not valid (any more)")))
				.andExpect(content().string(not(containsString("come right back to the invitation"))));
		}

		MockHttpSession invited = new MockHttpSession();
		String valid = management.createInvite(owner.id(), squadId, Duration.ofDays(1)).token();
		mvc.perform(get("/join/{token}", valid).session(invited).accept(MediaType.TEXT_HTML));
		mvc.perform(get("/signin").session(invited))
			.andExpect(content().string(containsString("to join the squad that invited you")))
			.andExpect(content().string(not(containsString("This invite link is not valid"))));

		mvc.perform(get("/join/garbage-token").with(as(outsider)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("This invite link is not valid (any more)")));
	}

	@Test
	void theWorkspaceAskedForByHtmxIsTheWholePage() throws Exception {
		mvc.perform(get("/workspace").header("HX-Request", "true").header("HX-Trigger-Name", "2026-13-01\u001A").with(as(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Web squad")))
			.andExpect(content().string(containsString("Owner Tester")));
	}

	@Test
	void creatingASquadNeedsAName() throws Exception {
		mvc.perform(post("/squads").param("name", "  ").with(as(owner)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString("Squad name must not be empty")));
		mvc.perform(post("/squads").param("name", "New one").with(as(owner))).andExpect(status().isForbidden());
	}

	@Test
	void anOwnerInvitesAndRemovesMembersAndAMemberCannot() throws Exception {
		mvc.perform(post("/squads/{id}/invites", squadId).param("validForMinutes", "30").with(as(member)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/squads/{id}/invites", squadId).param("validForMinutes", "30").with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#invites"))
			.andExpect(flash().attributeExists("newInvite"));
		mvc.perform(get("/squads/{id}/members/{p}/remove", squadId, member.id()).with(as(owner)))
			.andExpect(content().string(containsString("Member Tester")))
			.andExpect(content().string(containsString("Remove from squad")));
		mvc.perform(post("/squads/{id}/members/{p}/remove", squadId, owner.id()).with(as(member)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/squads/{id}/members/{p}/remove", squadId, member.id()).with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#members"));
		assertThat(access.isMember(squadId, member.id())).isFalse();
	}

	@Test
	void theLastOwnerLeavingIsRefusedNextToTheMembers() throws Exception {
		mvc.perform(post("/squads/{id}/members/{p}/remove", squadId, owner.id()).with(as(owner)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#members"))
			.andExpect(flash().attribute("membersError", containsString("last owner")));
	}

	@Test
	void aJoinLinkJoinsAndAWithdrawnOneSaysSo() throws Exception {
		Invite invite = management.createInvite(owner.id(), squadId, Duration.ofDays(1));
		mvc.perform(get("/join/{t}", invite.token()).with(as(outsider)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Join Web squad</h1>")));
		mvc.perform(post("/join/{t}", invite.token()).with(as(outsider)).with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "?joined"));
		assertThat(access.isMember(squadId, outsider.id())).isTrue();

		Person late = api.newPerson("Late");
		management.revokeInvite(owner.id(), invite.token());
		mvc.perform(get("/join/{t}", invite.token()).with(as(late)))
			.andExpect(content().string(containsString("This invite link was withdrawn")));
		mvc.perform(post("/join/{t}", invite.token()).with(as(late)).with(csrf()))
			.andExpect(redirectedUrl("/join/" + invite.token()));
		assertThat(access.isMember(squadId, late.id())).isFalse();
		mvc.perform(get("/join/unknown-token").with(as(late))).andExpect(status().isNotFound());
	}

	@Test
	void aJoinLinkWithCharactersNoTokenHasIsSentBackEncoded() throws Exception {
		mvc.perform(post("/join/{t}", "a\u0007b\u000Ccx\u0088").with(as(outsider)).with(csrf()))
			.andExpect(redirectedUrl("/join/a%07b%0Ccx%C2%88"));
	}

	@Test
	void redirectsBackToAnAddressAsPostedEncodeIt() throws Exception {
		mvc.perform(post("/squads/{id}/channels", "a\u0007b\"").param("kind", "PIGEON").param("target", "x")
			.with(as(member))
			.with(csrf())).andExpect(redirectedUrl("/squads/a%07b%22#notifications"));
	}

	@Test
	void aBadDiscordWebhookIsShownNextToItsField() throws Exception {
		mvc.perform(post("/squads/{id}/channels", squadId).param("kind", "DISCORD").param("target", "https://example.org/hook")
			.with(as(owner))
			.with(csrf()))
			.andExpect(redirectedUrl("/squads/" + squadId + "#notifications"))
			.andExpect(flash().attribute("channelError", "This is not a valid Discord webhook URL"))
			.andExpect(flash().attribute("channelTarget", "https://example.org/hook"));
		mvc.perform(post("/squads/{id}/channels", squadId).param("kind", "DISCORD").param("target", "https://example.org/hook")
			.with(as(member))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void theSquadPagesSpeakTheReadersLanguage() throws Exception {
		assertThat(page(get("/squads/{id}", squadId).with(as(owner)).header("Accept-Language", "de")))
			.contains("<h2 id=\"members-heading\"><span>Mitglieder</span>", ">(2)<", "Leute einladen", "Einladungslink erstellen",
					">7 Tage<", "Einstellungen des Squads", "Anonyme Stimmen", "Sprache der Nachrichten an Kanäle",
					"aria-label=\"Zum Owner machen: Member Tester\"", "aria-label=\"Member Tester entfernen\"")
			.doesNotContain("Invite people", "Squad settings");
		assertThat(page(get("/squads/{id}", squadId).with(as(member)).header("Accept-Language", "fr-BE, en;q=0.5")))
			.contains("Membres", "Responsable", "(vous)", "Quitter cette squad")
			.doesNotContain("Inviter des personnes");
		assertThat(page(get("/workspace").with(as(owner)).header("Accept-Language", "nl")))
			.contains("<h1>Werkruimte</h1>", "Jouw squads", "· 2 leden · jij bent eigenaar");
		assertThat(page(get("/workspace").with(as(member)).header("Accept-Language", "es"))).contains("Tus squads",
				"· 2 miembros<");
		assertThat(page(get("/squads/new").with(as(owner)).header("Accept-Language", "es"))).contains("Crear un squad",
				"Nombre del squad", "Votos anónimos");
		assertThat(page(get("/squads/{id}/members/{p}/remove", squadId, member.id()).with(as(owner)).header("Accept-Language", "de")))
			.contains("Member Tester entfernen?", "Member Tester sieht dann die Sessions und Ergebnisse von Web squad nicht mehr.",
					"Aus dem Squad entfernen", "Abbrechen");
		assertThat(page(get("/squads/{id}/members/{p}/remove", squadId, member.id()).with(as(member)).header("Accept-Language", "nl")))
			.contains("Web squad verlaten?", "Squad verlaten");

		Invite invite = management.createInvite(owner.id(), squadId, Duration.ofDays(1));
		assertThat(page(get("/join/{t}", invite.token()).with(as(outsider)).header("Accept-Language", "es")))
			.contains("<h1>Unirte a Web squad</h1>", "Los votos son anónimos", "Unirme al squad", "Este enlace es válido hasta el");
		management.revokeInvite(owner.id(), invite.token());
		assertThat(page(get("/join/{t}", invite.token()).with(as(outsider)).header("Accept-Language", "fr")))
			.contains("Ce lien d’invitation a été retiré", "Ce lien ne permet plus de rejoindre Web squad.");
	}

	/** A refusal next to its field says what is wrong in the reader's language; the API keeps its English words. */
	@Test
	void refusalsOnTheSquadPagesSpeakTheReadersLanguage() throws Exception {
		mvc.perform(post("/squads").param("name", " ").header("Accept-Language", "fr").with(as(owner)).with(csrf()))
			.andExpect(content().string(containsString("Indiquez un nom pour la squad")));
		mvc.perform(post("/squads/{id}/members/{p}/remove", squadId, owner.id()).header("Accept-Language", "de")
			.with(as(owner))
			.with(csrf())).andExpect(flash().attribute("membersError", containsString("Der letzte Owner kann nicht gehen")));
		mvc.perform(post("/squads/{id}/invites", squadId).param("validForMinutes", "0")
			.header("Accept-Language", "nl")
			.with(as(owner))
			.with(csrf()))
			.andExpect(flash().attribute("inviteError", "Een uitnodiging moet tussen 1 minuut en 30 dagen geldig zijn"));
		mvc.perform(post("/squads/{id}/settings", squadId).param("name", "Web squad")
			.param("reportLocale", "tlh")
			.header("Accept-Language", "de")
			.with(as(owner))
			.with(csrf()))
			.andExpect(flash().attribute("settingsError", "Unbekannte Berichtssprache tlh: Wähle en, de, fr, es oder nl"));
	}

	/** Owners choose the language of the squad's channel messages in its settings, each language named in itself. */
	@Test
	void ownersChooseTheLanguageOfChannelMessagesInTheSettings() throws Exception {
		String english = page(get("/squads/{id}", squadId).with(as(owner)));
		assertThat(english).contains("<option value=\"en\" lang=\"en\" selected=\"selected\">English</option>",
				"<option value=\"de\" lang=\"de\">Deutsch</option>", ">Français<", ">Español<", ">Nederlands<");
		mvc.perform(post("/squads/{id}/settings", squadId).param("name", "Web squad")
			.param("anonymous", "true")
			.param("reportLocale", "fr")
			.with(as(owner))
			.with(csrf())).andExpect(redirectedUrl("/squads/" + squadId + "#settings"));
		assertThat(access.find(squadId).orElseThrow().reportLocale()).isEqualTo("fr");
		assertThat(page(get("/squads/{id}", squadId).with(as(owner)).header("Accept-Language", "de")))
			.contains("<option value=\"fr\" lang=\"fr\" selected=\"selected\">Français</option>");
		mvc.perform(post("/squads/{id}/settings", squadId).param("name", "Web squad")
			.param("reportLocale", "es")
			.with(as(member))
			.with(csrf())).andExpect(status().isForbidden());
		assertThat(access.find(squadId).orElseThrow().reportLocale()).isEqualTo("fr");
	}

	@Test
	void theWorkspaceListsMySquads() throws Exception {
		mvc.perform(get("/workspace").with(as(member)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Web squad")))
			.andExpect(content().string(containsString("Start a health check")));
	}

	@Test
	void aPersonWithoutANameIsAskedForItFirst() throws Exception {
		Person nameless = api.newPerson("X");
		io.featurecreep.identity.Accounts.ProfileChange clear = new io.featurecreep.identity.Accounts.ProfileChange(
				true, null, false, null, false, null);
		accounts.editProfile(nameless.id(), clear);
		mvc.perform(get("/workspace").with(as(nameless))).andExpect(redirectedUrl("/onboarding?next=%2Fworkspace"));
		mvc.perform(post("/onboarding").param("firstName", "")
			.param("lastName", "Tester")
			.param("email", "x@example.org")
			.param("next", "/workspace")
			.with(as(nameless))
			.with(csrf())).andExpect(content().string(containsString("Please enter your first name")));
		mvc.perform(post("/onboarding").param("firstName", "Xena")
			.param("lastName", "Tester")
			.param("email", "x@example.org")
			.param("next", "https://elsewhere.example")
			.with(as(nameless))
			.with(csrf())).andExpect(redirectedUrl("/workspace"));
	}

	@Autowired
	io.featurecreep.identity.Accounts accounts;

	/** The page, its white space made single spaces. */
	String page(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request)
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
			.replaceAll("\\s+", " ");
	}

	private static RequestPostProcessor as(Person person) {
		return user(person.id());
	}

}
