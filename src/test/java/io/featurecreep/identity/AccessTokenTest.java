package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Personal access tokens: created over a signed-in session, used as bearer tokens, revoked. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class AccessTokenTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Browser owner;

	String ownerId;

	@BeforeEach
	void signedInOwner() {
		owner = new Browser(port);
		ownerId = SignUps.signedUpPerson(owner);
	}

	@Test
	void createUseAndRevokeAnAccessToken() {
		Browser.Page created = createToken(owner, "CI pipeline", null);
		String secret = created.text("/data/createAccessToken/secret");
		String tokenId = created.text("/data/createAccessToken/token/id");

		Browser.Page me = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + secret);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("/data/me/id")).isEqualTo(ownerId);

		Browser.Page listed = session(owner, "{ accessTokens { id name revoked lastUsedAt } }");
		assertThat(listed.text("/data/accessTokens/0/id")).isEqualTo(tokenId);
		assertThat(listed.text("/data/accessTokens/0/name")).isEqualTo("CI pipeline");
		assertThat(listed.text("/data/accessTokens/0/lastUsedAt")).isNotNull();

		Browser.Page revoked = session(owner, "mutation { revokeAccessToken(id: \"" + tokenId + "\") { revoked } }");
		assertThat(revoked.text("/data/revokeAccessToken/revoked")).isEqualTo("true");

		Browser.Page refused = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + secret);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo(GraphQlAccessTest.INVALID_TOKEN_BODY);
	}

	@Test
	void newTokenIsValidForNinetyDaysByDefault() {
		Browser.Page created = createToken(owner, "default validity", null);

		Instant createdAt = Instant.parse(created.text("/data/createAccessToken/token/createdAt"));
		Instant expiresAt = Instant.parse(created.text("/data/createAccessToken/token/expiresAt"));
		assertThat(Duration.between(createdAt, expiresAt)).isEqualTo(Duration.ofDays(90));
		assertThat(created.text("/data/createAccessToken/token/revoked")).isEqualTo("false");
		assertThat(created.text("/data/createAccessToken/token/lastUsedAt")).isNull();
	}

	@Test
	void secretIsShownOnceAndOnlyItsHashIsStoredOrLogged(CapturedOutput output) {
		Browser.Page created = createToken(owner, "hash only", 7);
		String secret = created.text("/data/createAccessToken/secret");
		String tokenId = created.text("/data/createAccessToken/token/id");
		new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + secret);

		assertThat(secret).matches("fcp_[A-Za-z0-9_-]{43}");
		assertThat(jdbc.sql("select token_hash from access_token where id = ?").param(tokenId).query(String.class).single())
			.isEqualTo(AccessTokens.sha256(secret))
			.matches("[0-9a-f]{64}");
		assertThat(output.getAll()).doesNotContain(secret).doesNotContain(secret.substring(4));
	}

	@Test
	void expiredTokenIsRefused() {
		Browser.Page created = createToken(owner, "short lived", 1);
		String secret = created.text("/data/createAccessToken/secret");
		jdbc.sql("update access_token set expires_at = ? where id = ?")
			.params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), created.text("/data/createAccessToken/token/id"))
			.update();

		Browser.Page refused = new Browser(port).graphQl("{ me { id } }", "Authorization", "Bearer " + secret);

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo(GraphQlAccessTest.INVALID_TOKEN_BODY);
	}

	@Test
	void unknownTokenIsRefused() {
		Browser.Page refused = new Browser(port).graphQl("{ me { id } }", "Authorization",
				"Bearer fcp_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).isEqualTo(GraphQlAccessTest.INVALID_TOKEN_BODY);
	}

	@Test
	void bearerTokenSkipsCsrfAndWinsOverTheSession() {
		String secret = createToken(owner, "mine", null).text("/data/createAccessToken/secret");
		Browser someoneElse = new Browser(port);
		SignUps.signedUpPerson(someoneElse);

		Browser.Page answer = someoneElse.graphQl("{ me { id } }", "Authorization", "Bearer " + secret);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text("/data/me/id")).isEqualTo(ownerId);
	}

	@Test
	void someoneElsesTokenCannotBeRevoked() {
		String tokenId = createToken(owner, "mine", null).text("/data/createAccessToken/token/id");
		Browser other = new Browser(port);
		SignUps.signedUpPerson(other);

		Browser.Page answer = session(other, "mutation { revokeAccessToken(id: \"" + tokenId + "\") { id } }");

		assertThat(answer.text("/errors/0/extensions/code")).isEqualTo("NOT_FOUND");
		assertThat(session(owner, "{ accessTokens { revoked } }").text("/data/accessTokens/0/revoked"))
			.isEqualTo("false");
		assertThat(session(other, "{ accessTokens { id } }").json().at("/data/accessTokens").size()).isZero();
	}

	@Test
	void nameAndValidityAreChecked() {
		assertThat(createToken(owner, " ", null).text("/errors/0/extensions/code")).isEqualTo("BAD_USER_INPUT");
		assertThat(createToken(owner, "x".repeat(101), null).text("/errors/0/extensions/code"))
			.isEqualTo("BAD_USER_INPUT");
		assertThat(createToken(owner, "zero days", 0).text("/errors/0/extensions/code")).isEqualTo("BAD_USER_INPUT");
		assertThat(createToken(owner, "too long", 366).text("/errors/0/extensions/code")).isEqualTo("BAD_USER_INPUT");
		assertThat(createToken(owner, "a year", 365).text("/data/createAccessToken/secret")).startsWith("fcp_");
	}

	@Test
	void anAccessTokenCannotCreateAnother() {
		String secret = createToken(owner, "mine", null).text("/data/createAccessToken/secret");

		Browser.Page answer = new Browser(port).graphQl(
				"mutation { createAccessToken(input: { name: \"child\" }) { secret } }", "Authorization",
				"Bearer " + secret);

		assertThat(answer.text("/errors/0/extensions/code")).isEqualTo("FORBIDDEN");
		assertThat(answer.text("/data/createAccessToken/secret")).isNull();
	}

	@Test
	void accessTokensNeedASignedInCaller() {
		Browser.Page answer = new Browser(port).graphQl("{ accessTokens { id } }");

		assertThat(answer.text("/errors/0/extensions/code")).isEqualTo("UNAUTHENTICATED");
	}

	private static Browser.Page createToken(Browser browser, String name, Integer validForDays) {
		String input = "name: \"" + name + "\"" + (validForDays == null ? "" : ", validForDays: " + validForDays);
		return session(browser, "mutation { createAccessToken(input: { " + input
				+ " }) { secret token { id name createdAt expiresAt lastUsedAt revoked } } }");
	}

	private static Browser.Page session(Browser browser, String query) {
		Browser.Page answer = browser.graphQl(query, "X-CSRF-TOKEN", browser.csrfHeaderToken());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer;
	}

}
