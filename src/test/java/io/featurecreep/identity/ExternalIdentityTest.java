package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.featurecreep.squads.SquadManagement;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * JWT bearer tokens and OIDC sign-in against a real (in-process) OpenID provider. The provider starts
 * before the application context, because Boot resolves a client registration's issuer at start-up.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ExternalIdentityTest {

	static final MockOAuth2Server provider = new MockOAuth2Server();

	static {
		io.featurecreep.support.MockIssuers.started(provider, "default");
	}

	@DynamicPropertySource
	static void provider(DynamicPropertyRegistry properties) {
		String issuer = provider.issuerUrl("default").toString();
		properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
		properties.add("spring.security.oauth2.client.provider.mock.issuer-uri", () -> issuer);
		properties.add("spring.security.oauth2.client.registration.mock.client-id", () -> "feature-creep");
		properties.add("spring.security.oauth2.client.registration.mock.client-secret", () -> "secret");
		properties.add("spring.security.oauth2.client.registration.mock.client-name", () -> "Mock ID");
		properties.add("spring.security.oauth2.client.registration.mock.scope", () -> "openid,profile,email");
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void firstJwtCreatesThePersonWithTheSubjectAsId() {
		String subject = "jwt-" + UUID.randomUUID();
		String token = provider.issueToken("default", subject, "feature-creep",
				Map.of("email", "Grace@Example.org", "given_name", "Grace", "family_name", "Hopper"))
			.serialize();

		Browser.Page answer = new Browser(port).graphQl("{ me { id email firstName lastName } }", "Authorization",
				"Bearer " + token);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("/data/me/id")).isEqualTo(subject);
		assertThat(answer.text("/data/me/firstName")).isEqualTo("Grace");
		assertThat(answer.text("/data/me/lastName")).isEqualTo("Hopper");
	}

	@Test
	void laterJwtsOfTheSameSubjectReuseThePerson() {
		String subject = "jwt-" + UUID.randomUUID();
		String first = provider.issueToken("default", subject, "feature-creep", Map.of("given_name", "First"))
			.serialize();
		String second = provider.issueToken("default", subject, "feature-creep", Map.of("given_name", "Changed"))
			.serialize();

		Browser.Page one = new Browser(port).graphQl("{ me { id firstName } }", "Authorization", "Bearer " + first);
		Browser.Page two = new Browser(port).graphQl("{ me { id firstName } }", "Authorization", "Bearer " + second);

		assertThat(two.text("/data/me/id")).isEqualTo(one.text("/data/me/id")).isEqualTo(subject);
		assertThat(two.text("/data/me/firstName")).as("the profile is the person's, not the token's").isEqualTo("First");
		assertThat(jdbc.sql("select count(*) from external_identity where subject = ?")
			.param(subject)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void jwtFromAnotherIssuerIsRefused() {
		String token = provider.issueToken("elsewhere", "intruder", "feature-creep", Map.of()).serialize();

		Browser.Page answer = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + token);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo(GraphQlAccessTest.INVALID_TOKEN_BODY);
		assertThat(jdbc.sql("select count(*) from person where id = 'intruder'").query(Integer.class).single())
			.isZero();
	}

	@Test
	void jwtWithABadSignatureIsRefused() {
		String token = provider.issueToken("default", "forger", "feature-creep", Map.of()).serialize();
		String[] parts = token.split("\\.");
		String otherSignature = provider.issueToken("default", "someone-else", "feature-creep", Map.of())
			.serialize()
			.split("\\.")[2];
		String forged = parts[0] + "." + parts[1] + "." + otherSignature;

		Browser.Page answer = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + forged);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo(GraphQlAccessTest.INVALID_TOKEN_BODY);
	}

	@Test
	void expiredJwtIsRefused() {
		DefaultOAuth2TokenCallback expired = new DefaultOAuth2TokenCallback("default", "late", "JWT",
				List.of("feature-creep"), Map.of(), -3600);
		String token = provider.issueToken("default", "feature-creep", expired).serialize();

		Browser.Page answer = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + token);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(answer.body()).isEqualTo(GraphQlAccessTest.INVALID_TOKEN_BODY);
	}

	@Test
	void signInPageOffersTheProvider() {
		String page = new Browser(port).get("/signin").body();

		assertThat(page).contains("href=\"/oauth2/authorization/mock\"").contains("Sign in with Mock ID");
	}

	@Test
	void oidcSignInStartsAtTheProvidersAuthorizeEndpoint() {
		Browser.Page answer = new Browser(port).get("/oauth2/authorization/mock");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).startsWith(provider.authorizationEndpointUrl("default").toString())
			.contains("client_id=feature-creep")
			.contains("scope=openid");
	}

	@Test
	void oidcSignInCreatesThePersonAndSignsTheBrowserIn() {
		String subject = "oidc-" + UUID.randomUUID();
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("feature-creep"),
				Map.of("email", "katherine@example.org", "given_name", "Katherine", "family_name", "Johnson"), 3600));
		Browser browser = new Browser(port);

		Browser.Page toProvider = browser.get("/oauth2/authorization/mock");
		Browser.Page backToApp = browser.get(toProvider.location());
		assertThat(backToApp.location()).startsWith(browser.base() + "/login/oauth2/code/mock");
		Browser.Page signedIn = browser.get(backToApp.location());

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).isIn("/workspace", browser.base() + "/workspace");
		assertThat(browser.get("/").body()).contains("Signed in as <strong>Katherine Johnson</strong>");
		assertThat(SignUps.meThroughSession(browser)).isEqualTo(subject);
	}

	@Test
	void oidcAndJwtOfTheSameSubjectAreTheSamePerson() {
		String subject = "both-" + UUID.randomUUID();
		provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("feature-creep"),
				Map.of(), 3600));
		Browser browser = new Browser(port);
		browser.get(browser.get(browser.get("/oauth2/authorization/mock").location()).location());
		String token = provider.issueToken("default", subject, "feature-creep", Map.of()).serialize();

		Browser.Page answer = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + token);

		assertThat(SignUps.meThroughSession(browser)).isEqualTo(subject);
		assertThat(answer.text("/data/me/id")).isEqualTo(subject);
	}

	/**
	 * A person a provider vouches for but who is new here follows the sign-up policy like everyone else: refused
	 * without an invitation where one is needed, let in through an organisation or squad invite opened in the same
	 * browser, and by verified address under {@code domains}.
	 */
	@Nested
	class UnderTheSignUpPolicy {

		@Autowired
		SquadManagement squads;

		@Autowired
		Accounts accounts;

		String adminToken;

		String adminId;

		@BeforeEach
		void anAdminWithAJwt() {
			adminId = "admin-" + UUID.randomUUID();
			adminToken = provider.issueToken("default", adminId, "feature-creep", Map.of("given_name", "Ada")).serialize();
			assertThat(api(adminToken, "{ me { id } }").text("/data/me/id")).isEqualTo(adminId);
			AdminBrowser.makeAdmin(jdbc, adminId);
		}

		@AfterEach
		void openAgain() {
			AdminBrowser.makeAdmin(jdbc, adminId);
			policy("OPEN");
		}

		@Test
		void underInviteTheJwtOfSomeoneNewIsForbiddenAndCreatesNobody() {
			policy("INVITE");
			String subject = "new-" + UUID.randomUUID();

			Browser.Page answer = api(jwt(subject, Map.of("email", "new@example.org", "email_verified", true)), "{ me { id } }");

			assertThat(answer.status()).isEqualTo(403);
			assertThat(answer.text("/errors/0/extensions/code")).isEqualTo("FORBIDDEN");
			assertThat(answer.text("/errors/0/message")).isEqualTo(NotAdmitted.INVITATION_NEEDED);
			assertThat(people(subject)).isZero();
		}

		@Test
		void underClosedSomeoneAlreadyKnownKeepsUsingTheirJwts() {
			String subject = "known-" + UUID.randomUUID();
			api(jwt(subject, Map.of()), "{ me { id } }");
			policy("CLOSED");

			assertThat(api(jwt(subject, Map.of()), "{ me { id } }").text("/data/me/id")).isEqualTo(subject);
		}

		@Test
		void underDomainsOnlyAVerifiedAddressAtAListedDomainLetsANewPersonIn() {
			policy("DOMAINS", "verified.test");
			String unverified = "unverified-" + UUID.randomUUID();
			String elsewhere = "elsewhere-" + UUID.randomUUID();
			String verified = "verified-" + UUID.randomUUID();

			assertThat(api(jwt(unverified, Map.of("email", "u@verified.test", "email_verified", false)), "{ me { id } }")
				.text("/errors/0/message")).isEqualTo(NotAdmitted.DOMAIN_NEEDED);
			assertThat(api(jwt(elsewhere, Map.of("email", "e@elsewhere.test", "email_verified", true)), "{ me { id } }")
				.status()).isEqualTo(403);
			assertThat(api(jwt(verified, Map.of("email", "v@Verified.test", "email_verified", true)), "{ me { id } }")
				.text("/data/me/id")).isEqualTo(verified);
			assertThat(people(unverified) + people(elsewhere)).isZero();
		}

		@Test
		void aDeactivatedPersonsJwtIsRefused() {
			String subject = "leaver-" + UUID.randomUUID();
			api(jwt(subject, Map.of()), "{ me { id } }");
			api(adminToken, "mutation { deactivatePerson(personId: \"" + subject + "\") { status } }");

			Browser.Page answer = api(jwt(subject, Map.of()), "{ me { id } }");

			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.text("/errors/0/message")).isEqualTo(GraphQlSecurityErrors.INACTIVE_ACCOUNT);
		}

		/**
		 * A client sends the same token with every request, and the server remembers a verified token and its person
		 * for a while (issue #15): neither may outlast deactivation or erasure.
		 */
		@Test
		void theSameJwtStopsAtOnceWhenItsPersonIsDeactivatedAndErased() {
			String subject = "remembered-" + UUID.randomUUID();
			String token = jwt(subject, Map.of());
			assertThat(api(token, "{ me { id } }").text("/data/me/id")).isEqualTo(subject);
			assertThat(api(token, "{ me { id } }").text("/data/me/id")).isEqualTo(subject);

			api(adminToken, "mutation { deactivatePerson(personId: \"" + subject + "\") { status } }");
			Browser.Page deactivated = api(token, "{ me { id } }");
			assertThat(deactivated.status()).isEqualTo(401);
			assertThat(deactivated.text("/errors/0/message")).isEqualTo(GraphQlSecurityErrors.INACTIVE_ACCOUNT);

			api(adminToken, "mutation { reactivatePerson(personId: \"" + subject + "\") { status } }");
			assertThat(api(token, "{ me { id } }").text("/data/me/id")).isEqualTo(subject);

			api(adminToken, "mutation { erasePerson(personId: \"" + subject + "\") { status } }");
			Browser.Page erased = api(token, "{ me { id } }");
			assertThat(erased.text("/data/me/id")).as("the erased person is gone; the token is someone new's at most")
				.isNotEqualTo(subject);
		}

		@Test
		void underInviteASignInThroughTheProviderOfSomeoneNewSaysHowToGetInAndCreatesNobody() {
			policy("INVITE");
			String subject = "oidc-" + UUID.randomUUID();
			Browser browser = new Browser(port);

			Browser.Page back = signInThroughProvider(browser, subject, Map.of("email", "o@example.org"));

			assertThat(back.location()).endsWith("/signin?error");
			assertThat(browser.get("/signin?error").body()).contains("id=\"signin-refused\"")
				.contains("new accounts here need an invite link")
				.doesNotContain("Wrong e-mail address or password");
			assertThat(people(subject)).isZero();
		}

		@Test
		void underClosedAnOrganisationInviteOpenedInTheBrowserLetsSomeoneNewInThroughTheProvider() {
			policy("CLOSED");
			String path = api(adminToken, "mutation { createOrganisationInvite(input: {maxUses: 1}) { path } }")
				.text("/data/createOrganisationInvite/path");
			String subject = "invited-" + UUID.randomUUID();
			Browser browser = new Browser(port);
			assertThat(browser.get(path).body()).contains("You are invited");
			assertThat(browser.get("/signin").body()).contains("id=\"signin-invited\"");

			Browser.Page back = signInThroughProvider(browser, subject, Map.of("email", "i@example.org"));

			assertThat(back.location()).endsWith("/workspace");
			assertThat(SignUps.meThroughSession(browser)).isEqualTo(subject);
			assertThat(api(adminToken, "{ organisationInvites { uses valid } }").text("/data/organisationInvites/0/uses"))
				.isEqualTo("1");
		}

		@Test
		void underInviteASquadInviteLinkLetsSomeoneNewInThroughTheProviderAndBackToTheInvitation() {
			policy("INVITE");
			String owner = accounts.provisionExternal("https://issuer.test", UUID.randomUUID().toString(), "o@example.org",
					"Squad", "Owner").id();
			String squadId = squads.create(owner, "Providers", true).id();
			String token = squads.createInvite(owner, squadId, Duration.ofDays(1)).token();
			String subject = "joining-" + UUID.randomUUID();
			Browser browser = new Browser(port);
			browser.get("/join/" + token, "Accept", "text/html");

			Browser.Page back = signInThroughProvider(browser, subject, Map.of("email", "j@example.org"));

			assertThat(back.location()).contains("/join/" + token);
			assertThat(people(subject)).isOne();
		}

		private Browser.Page signInThroughProvider(Browser browser, String subject, Map<String, Object> claims) {
			provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("feature-creep"),
					claims, 3600));
			Browser.Page toProvider = browser.get("/oauth2/authorization/mock");
			Browser.Page backToApp = browser.get(toProvider.location());
			return browser.get(backToApp.location());
		}

		private void policy(String mode, String... domains) {
			String list = String.join("\", \"", domains);
			Browser.Page answer = api(adminToken, "mutation { setSignUpPolicy(input: {mode: " + mode + ", domains: ["
					+ (domains.length == 0 ? "" : "\"" + list + "\"") + "]}) { mode } }");
			assertThat(answer.text("/data/setSignUpPolicy/mode")).as(answer.body()).isEqualTo(mode);
		}

		private String jwt(String subject, Map<String, Object> claims) {
			return provider.issueToken("default", subject, "feature-creep", claims).serialize();
		}

		private Browser.Page api(String token, String document) {
			return new Browser(port).graphQl(document, "Authorization", "Bearer " + token);
		}

		private int people(String id) {
			return jdbc.sql("select count(*) from person where id = ?").param(id).query(Integer.class).single();
		}

	}

}
