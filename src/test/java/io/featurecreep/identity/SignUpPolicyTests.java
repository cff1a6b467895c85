package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import io.featurecreep.squads.SquadManagement;

/**
 * Who may create an account on the sign-up page, under each sign-up policy, with and without invitations, through
 * the real pages over HTTP. Each test chooses a policy as an admin would and the open policy of the tests' server
 * configuration comes back after it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SignUpPolicyTests {

	static final String CLOSED_NOTICE = "id=\"signup-closed\"";

	static final String FORM = "name=\"passwordConfirm\"";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SquadManagement squads;

	@Autowired
	Accounts accounts;

	AdminBrowser admin;

	@BeforeEach
	void anAdmin() {
		admin = AdminBrowser.signedUp(port, jdbc);
	}

	@AfterEach
	void openAgain() {
		AdminBrowser.makeAdmin(jdbc, admin.personId());
		admin.setSignUpPolicy("OPEN");
	}

	@Test
	void underInviteTheSignUpPageSaysHowToGetInAndAPostedFormCreatesNothing() {
		admin.setSignUpPolicy("INVITE");
		Browser visitor = new Browser(port);

		String page = visitor.get("/signup").body();
		assertThat(page).contains(CLOSED_NOTICE)
			.contains("New accounts here need an invite link. Ask an admin of your organisation, or the owner of your squad")
			.doesNotContain(FORM);

		String email = SignUps.uniqueEmail();
		Browser.Page posted = postSignUp(visitor, email);
		assertThat(posted.status()).isEqualTo(200);
		assertThat(posted.body()).contains(CLOSED_NOTICE);
		assertThat(accountsWith(email)).isZero();
	}

	@Test
	void underInviteASquadInviteLinkLetsANewcomerSignUpAndBringsThemBackToTheInvitation() {
		admin.setSignUpPolicy("INVITE");
		String token = squadInvite();
		Browser newcomer = new Browser(port);

		assertThat(newcomer.get("/join/" + token, "Accept", "text/html").location()).endsWith("/signin");
		assertThat(newcomer.get("/signup").body()).contains("You have an invitation").contains(FORM);
		Browser.Page signedUp = SignUps.signUpAndSignIn(newcomer, SignUps.uniqueEmail());

		assertThat(signedUp.status()).isEqualTo(302);
		assertThat(signedUp.location()).contains("/join/" + token);
		assertThat(newcomer.get("/join/" + token, "Accept", "text/html").body()).contains("Join squad");
	}

	@Test
	void underInviteARevokedSquadInviteLetsNobodyIn() {
		admin.setSignUpPolicy("INVITE");
		String token = squadInvite();
		squads.revokeInvite(squadOwner, token);
		Browser newcomer = new Browser(port);
		newcomer.get("/join/" + token, "Accept", "text/html");

		String email = SignUps.uniqueEmail();
		assertThat(newcomer.get("/signup").body()).contains(CLOSED_NOTICE).doesNotContain(FORM);
		assertThat(postSignUp(newcomer, email).body()).contains(CLOSED_NOTICE);
		assertThat(accountsWith(email)).isZero();
	}

	@Test
	void underClosedASquadInviteNoLongerBringsInNewPeople() {
		admin.setSignUpPolicy("CLOSED");
		String token = squadInvite();
		Browser newcomer = new Browser(port);
		newcomer.get("/join/" + token, "Accept", "text/html");

		String email = SignUps.uniqueEmail();
		assertThat(newcomer.get("/signup").body()).contains("Sign-up is closed here. Ask an admin of your organisation for an invite link")
			.doesNotContain(FORM);
		assertThat(postSignUp(newcomer, email).body()).contains(CLOSED_NOTICE);
		assertThat(accountsWith(email)).isZero();
	}

	@Test
	void underClosedAnOrganisationInviteLetsNewcomersInAsOftenAsItMayThenSaysItIsUsedUp() {
		admin.setSignUpPolicy("CLOSED");
		String path = admin.organisationInvite(2);

		for (int use = 1; use <= 2; use++) {
			Browser newcomer = new Browser(port);
			assertThat(newcomer.get(path).body()).contains("You are invited").contains("href=\"/signup\"");
			assertThat(newcomer.get("/signup").body()).contains("You have an invitation").contains(FORM);
			Browser.Page signedUp = SignUps.signUpAndSignIn(newcomer, SignUps.uniqueEmail());
			assertThat(signedUp.location()).as("use %d", use).endsWith("/workspace");
		}

		Browser third = new Browser(port);
		assertThat(third.get(path).body()).contains("This invitation cannot be used");
		String email = SignUps.uniqueEmail();
		assertThat(third.get("/signup").body()).contains(CLOSED_NOTICE);
		assertThat(postSignUp(third, email).body()).contains(CLOSED_NOTICE);
		assertThat(accountsWith(email)).isZero();
		assertThat(admin.graphQl("{ organisationInvites { uses maxUses valid } }").text("/data/organisationInvites/0/uses"))
			.isEqualTo("2");
	}

	@Test
	void aRevokedOrganisationInviteLetsNobodyIn() {
		admin.setSignUpPolicy("INVITE");
		String path = admin.organisationInvite(5);
		Browser newcomer = new Browser(port);
		newcomer.get(path);
		String inviteId = admin.graphQl("{ organisationInvites { id } }").text("/data/organisationInvites/0/id");
		admin.graphQl("mutation { revokeOrganisationInvite(id: \"" + inviteId + "\") { revoked valid } }");

		String email = SignUps.uniqueEmail();
		assertThat(postSignUp(newcomer, email).body()).contains(CLOSED_NOTICE);
		assertThat(accountsWith(email)).isZero();
		assertThat(new Browser(port).get(path).body()).contains("This invitation cannot be used");
	}

	@Test
	void underDomainsOnlyAddressesAtTheListedDomainsSignUp() {
		admin.setSignUpPolicy("DOMAINS", "allowed.test", "@Also-Allowed.test");
		Browser visitor = new Browser(port);
		assertThat(visitor.get("/signup").body()).contains("Addresses at allowed.test, also-allowed.test can sign up here")
			.contains(FORM);

		String elsewhere = "someone-" + System.nanoTime() + "@elsewhere.test";
		Browser.Page refused = SignUps.signUp(visitor, elsewhere);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("Only e-mail addresses at allowed.test, also-allowed.test can sign up here");
		assertThat(accountsWith(elsewhere)).isZero();

		assertThat(SignUps.signUpAndSignIn(new Browser(port), "someone-" + System.nanoTime() + "@Allowed.test").location())
			.endsWith("/workspace");
		assertThat(SignUps.signUp(new Browser(port), "someone-" + System.nanoTime() + "@sub.allowed.test").status())
			.as("a subdomain is another domain")
			.isEqualTo(200);
	}

	@Test
	void underDomainsAnInvitedPersonSignsUpWithAnyAddress() {
		admin.setSignUpPolicy("DOMAINS", "allowed.test");
		String token = squadInvite();
		Browser newcomer = new Browser(port);
		newcomer.get("/join/" + token, "Accept", "text/html");

		assertThat(SignUps.signUpAndSignIn(newcomer, SignUps.uniqueEmail()).location()).contains("/join/" + token);
	}

	@Test
	void underOpenAnyoneSignsUp() {
		admin.setSignUpPolicy("OPEN");

		assertThat(SignUps.signUpAndSignIn(new Browser(port), SignUps.uniqueEmail()).location()).endsWith("/workspace");
	}

	@Test
	void theFirstAccountOfAnInstallationSignsUpUnderAnyPolicyAndAdministersIt() {
		admin.setSignUpPolicy("CLOSED");
		jdbc.sql("delete from organisation_admin").update(); // as on a fresh installation

		Browser first = new Browser(port);
		assertThat(first.get("/signup").body()).contains(FORM);
		String firstId = SignUps.signedUpPerson(first);
		assertThat(jdbc.sql("select count(*) from organisation_admin where person_id = ?").param(firstId).query(Integer.class).single())
			.isOne();

		String email = SignUps.uniqueEmail();
		assertThat(postSignUp(new Browser(port), email).body()).as("the second is not the first").contains(CLOSED_NOTICE);
		assertThat(accountsWith(email)).isZero();
	}

	@Test
	void theServerSettingDecidesUntilAnAdminChoosesAndTheAdminsChoiceWinsAfter() {
		jdbc.sql("delete from signup_policy").update();
		assertThat(admin.graphQl("{ signUpPolicy { mode setByAdmin } }").text("/data/signUpPolicy/setByAdmin"))
			.isEqualTo("false");
		assertThat(admin.graphQl("{ signUpPolicy { mode } }").text("/data/signUpPolicy/mode")).as("the tests' server setting")
			.isEqualTo("OPEN");

		admin.setSignUpPolicy("INVITE");

		Browser.Page policy = admin.graphQl("{ signUpPolicy { mode setByAdmin changedAt } }");
		assertThat(policy.text("/data/signUpPolicy/mode")).isEqualTo("INVITE");
		assertThat(policy.text("/data/signUpPolicy/setByAdmin")).isEqualTo("true");
		assertThat(policy.text("/data/signUpPolicy/changedAt")).isNotBlank();
	}

	String squadOwner;

	private String squadInvite() {
		squadOwner = accounts.provisionExternal("https://issuer.test", java.util.UUID.randomUUID().toString(),
				SignUps.uniqueEmail(), "Squad", "Owner").id();
		String squadId = squads.create(squadOwner, "Welcoming", true).id();
		return squads.createInvite(squadOwner, squadId, Duration.ofDays(1)).token();
	}

	/** Posts the sign-up form straight away, with a token from the page's meta tag as a script would. */
	private Browser.Page postSignUp(Browser browser, String email) {
		return browser.postForm("/signup", "_csrf", browser.csrfHeaderToken(), "email", email, "password", SignUps.PASSWORD,
				"passwordConfirm", SignUps.PASSWORD, "firstName", "Eve", "lastName", "Outsider");
	}

	private int accountsWith(String email) {
		return jdbc.sql("select count(*) from person where lower(email) = lower(?)").param(email).query(Integer.class).single();
	}

}
