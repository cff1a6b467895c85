package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

}
