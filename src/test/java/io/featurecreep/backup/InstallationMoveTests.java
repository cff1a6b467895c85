package io.featurecreep.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.test.web.servlet.setup.DefaultMockMvcBuilder;
import org.springframework.test.web.servlet.setup.ConfigurableMockMvcBuilder;
import org.springframework.test.web.servlet.setup.MockMvcConfigurerAdapter;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.context.WebApplicationContext;

import io.featurecreep.FeatureCreepApplication;
import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.Person;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;
import io.featurecreep.support.Receiver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moving a whole installation from the embedded H2 database to an empty PostgreSQL one (a database of its own on
 * the server of {@code FC_TEST_POSTGRES_URL}; without it, a second in-memory H2 database): export on H2, import
 * through the admin page of a new installation on the target, and the target then shows the same pages, history
 * exports and API answers, accepts the same passwords and access tokens, keeps anonymous answers their voters' own,
 * and exports the very same content back. The command line does the same, and every refusal leaves the target as
 * it was. The source runs in a context of its own, so its first person is its admin. The tests that change the
 * target come last, after those that compare it with the source.
 */
@SpringBootTest(properties = "feature-creep.backup.test=source")
@AutoConfigureMockMvc
@Import(GraphQlApi.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallationMoveTests {

	static final String PASSWORD = "correct horse battery staple";

	static final String SESSION = """
			query($id: String!) { session(id: $id) { id name active mode anonymous resultVisibility deadline createdAt endedAt
			  questions { id question position libraryQuestionId revealed voteCount total withheld
			    myAnswer { answer colour trend comment mine }
			    answers { answer colour trend comment mine person { id } }
			    results { votes average previousAverage comments colours { red yellow green } trends { improving stable worsening } } }
			  notes { id body questionId createdAt author { id displayName } } } }""";

	static final String SQUAD = """
			query($id: String!) { squad(id: $id) { id name anonymous members { id firstName lastName email }
			  memberships { role person { id } } invites { token }
			  actions { id title status dueDate indicatorId sessionId createdAt owner { id } }
			  notificationChannels { id kind target } } }""";

	static final String HISTORY = """
			query($id: String!) { squadHistory(squadId: $id) { squadName sessions { sessionId }
			  indicators { indicatorId title cells { votes average band trend red yellow green hidden } } } }""";

	/** Stands in for the webhook receiver, which gets the test message that adding a channel sends. */
	static final Receiver receiver;

	static {
		try {
			receiver = new Receiver();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void standIns(DynamicPropertyRegistry registry) {
		registry.add("feature-creep.outbound.stand-ins[receiver.example]", () -> receiver.baseUrl() + "/receiver.example");
	}

	@Autowired
	GraphQlApi api;

	@Autowired
	MockMvc source;

	@Autowired
	Accounts accounts;

	@Autowired
	DataSource sourceDataSource;

	@Autowired
	JsonMapper json;

	@TempDir
	static Path folder;

	Person admin;

	Caller lead;

	Caller bo;

	Caller cy;

	String namedSquad;

	String anonymousSquad;

	List<String> sessions = new ArrayList<>();

	String openAnonymousSession;

	String accessToken;

	String sourceUrl;

	byte[] exported;

	final List<Target> targets = new ArrayList<>();

	Target target;

	ConfigurableApplicationContext targetApp;

	MockMvc moved;

	@BeforeAll
	void aFullInstallationMovedThroughTheAdminPage() throws Exception {
		admin = accounts.signUp("ada-" + UUID.randomUUID() + "@example.test", PASSWORD, "Ada", "Admin");
		lead = api.as(api.newPerson("Lead"));
		bo = api.as(api.newPerson("Bo"));
		cy = api.as(api.newPerson("Cy"));
		namedSquad = squad("Platform", false);
		anonymousSquad = squad("Mobile", true);
		endedSession(namedSquad, 0, "IMPROVING", "Slow builds");
		endedSession(namedSquad, 2, "STABLE", "Much better");
		endedSession(anonymousSquad, 1, "WORSENING", "Too many meetings");
		openAnonymousSession = lead
			.execute("mutation($s: String!, $d: String!) { createSession(input: {squadId: $s, mode: ASYNC, deadline: $d}) { id questions { id } } }",
					"s", anonymousSquad, "d", Instant.now().plus(30, ChronoUnit.DAYS).toString())
			.ok()
			.text("createSession.id");
		sessions.add(openAnonymousSession);
		String question = session(lead, openAnonymousSession).text("session.questions.0.id");
		bo.execute("mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 2, comment: \"Bo's own\"}) { id } }",
				"s", openAnonymousSession, "q", question)
			.ok();
		// created after the sessions ended, so no report is waiting to be sent anywhere
		lead.execute("mutation($s: String!) { addNotificationChannel(input: {squadId: $s, kind: WEBHOOK, target: \"https://receiver.example/hooks/move\"}) { signingSecret } }",
				"s", namedSquad)
			.ok();
		accessToken = lead.execute("mutation { createAccessToken(input: {name: \"ci\"}) { secret } }").ok().text("createAccessToken.secret");
		api.as(admin).execute("mutation { createOrganisationInvite(input: {label: \"Design\", maxUses: 3}) { path } }").ok();
		JdbcClient sourceJdbc = JdbcClient.create(sourceDataSource);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> sourceJdbc.sql("select count(*) from event_outbox where status <> 'DONE'").query(Integer.class).single() == 0
					&& sourceJdbc.sql("select count(*) from notification_delivery where status <> 'DELIVERED'").query(Integer.class).single() == 0
					&& sourceJdbc.sql("select count(*) from question_result").query(Integer.class).single() == 27);
		try (Connection connection = sourceDataSource.getConnection()) {
			sourceUrl = connection.getMetaData().getURL();
		}

		exported = command("export", file("source.zip"), sourceUrl).file();

		target = newTarget();
		// as arguments, so they win over the test configuration's in-memory database
		targetApp = new SpringApplicationBuilder(FeatureCreepApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + target.url(), "--spring.datasource.username=" + target.username(),
				"--spring.datasource.password=" + target.password());
		moved = mockMvc((WebApplicationContext) targetApp);
		Person firstAdmin = targetApp.getBean(Accounts.class).signUp("new-admin@example.test", PASSWORD, "New", "Admin");
		moved.perform(multipart("/admin/backup/import").file(new MockMultipartFile("file", "backup.zip", "application/zip", exported))
			.with(csrf())
			.with(user(firstAdmin.id())))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/signin?imported"));
	}

	@AfterAll
	void stopTargets() {
		receiver.close();
		if (targetApp != null) {
			targetApp.close();
		}
		targets.forEach(Target::drop);
	}

	@Test
	void theAdminPageAndTheCommandLineExportTheSameContent() throws Exception {
		byte[] downloaded = source.perform(get("/admin/backup/export").with(user(admin.id()))).andReturn().getResponse().getContentAsByteArray();

		assertSameTables(downloaded, exported);
		assertThat(BackupFiles.portableManifest(downloaded)).isEqualTo(BackupFiles.portableManifest(exported));
	}

	@Test
	void theManifestSaysWhatMadeTheFileWithoutGivingAwayTheAnonymityKey() {
		JsonNode manifest = BackupFiles.manifest(exported);

		assertThat(manifest.path("format").asString()).isEqualTo("feature-creep-backup");
		assertThat(manifest.path("formatVersion").asInt()).isEqualTo(1);
		assertThat(manifest.path("schemaVersion").asString()).matches("\\d+(\\.\\d+)*");
		assertThat(manifest.path("appVersion").asString()).isNotBlank();
		assertThat(manifest.path("database").asString()).isEqualTo("H2");
		assertThat(Instant.parse(manifest.path("createdAt").asString())).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(10, ChronoUnit.MINUTES));
		assertThat(manifest.path("anonymityKeyFingerprint").asString()).startsWith("hmac-sha256:");
		String key = targetApp.getEnvironment().getProperty("feature-creep.anonymity.key");
		String everything = String.join("", BackupFiles.entries(exported).values());
		assertThat(everything).doesNotContain(key).doesNotContain(java.util.HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(key)));
		assertThat(manifest.path("tables").valueStream().map(table -> table.path("name").asString()).toList())
			.contains("organisation", "person", "squad", "health_session", "vote", "session_note", "action_item",
					"notification_channel", "access_token", "admin_audit")
			.doesNotContain("flyway_schema_history");
	}

	@Test
	void anonymousVotesCarryNoPersonInTheFile() {
		String votes = BackupFiles.entries(exported).get("tables/vote.json");
		JsonNode rows = BackupFiles.JSON.readTree(votes).path("rows");

		assertThat(rows.valueStream().filter(row -> row.path("voter_key").asString().startsWith("anon:")).toList())
			.hasSize(9 * 3 + 1)
			.allSatisfy(row -> assertThat(row.path("person_id").isNull()).isTrue());
		assertThat(rows.valueStream().map(JsonNode::toString).filter(row -> row.contains("anon:")))
			.noneMatch(row -> row.contains(bo.person().id()) || row.contains(lead.person().id()) || row.contains(cy.person().id()));
	}

	@Test
	@Order(1)
	void theTargetExportsExactlyWhatCameFromH2() {
		byte[] again = command("export", file("target.zip"), target).file();

		assertSameTables(again, exported);
		assertThat(BackupFiles.portableManifest(again)).isEqualTo(BackupFiles.portableManifest(exported));
		assertThat(BackupFiles.manifest(again).path("database").asString()).isEqualTo(target.postgres() ? "PostgreSQL" : "H2");
	}

	@Test
	@Order(2)
	void theTargetAnswersTheApiAsTheSourceDid() {
		for (Caller caller : List.of(lead, bo, cy)) {
			String id = caller.person().id();
			for (String squad : List.of(namedSquad, anonymousSquad)) {
				assertThat(graphQl(moved, id, SQUAD, squad)).isEqualTo(graphQl(source, id, SQUAD, squad));
				assertThat(graphQl(moved, id, HISTORY, squad)).isEqualTo(graphQl(source, id, HISTORY, squad));
			}
			for (String session : sessions) {
				assertThat(graphQl(moved, id, SESSION, session)).isEqualTo(graphQl(source, id, SESSION, session));
			}
		}
		String people = "{ organisationPeople { person { id displayName } admin status squads lastSignInAt createdAt } }";
		assertThat(graphQl(moved, admin.id(), people, null)).isEqualTo(graphQl(source, admin.id(), people, null));
	}

	@Test
	@Order(12)
	void anonymousVotersStillFindTheirOwnAnswersAndCannotAnswerTwice() {
		String mine = "query($id: String!) { session(id: $id) { questions { myAnswer { colour comment mine } voteCount } } }";
		JsonNode question = graphQl(moved, bo.person().id(), mine, openAnonymousSession).path("data").path("session").path("questions").path(0);
		assertThat(question.path("myAnswer").path("comment").asString()).isEqualTo("Bo's own");
		assertThat(question.path("myAnswer").path("mine").asBoolean()).isTrue();

		String questionId = graphQl(moved, bo.person().id(), "query($id: String!) { session(id: $id) { questions { id } } }", openAnonymousSession)
			.path("data").path("session").path("questions").path(0).path("id").asString();
		JsonNode again = graphQlWith(moved, bo.person().id(),
				"mutation($s: String!, $q: String!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: 0, comment: \"Changed my mind\"}) { id } }",
				Map.of("s", openAnonymousSession, "q", questionId));
		assertThat(again.path("errors").isMissingNode()).as(again.toString()).isTrue();
		JsonNode after = graphQl(moved, bo.person().id(), mine, openAnonymousSession).path("data").path("session").path("questions").path(0);
		assertThat(after.path("voteCount").asInt()).isEqualTo(1);
		assertThat(after.path("myAnswer").path("comment").asString()).isEqualTo("Changed my mind");
	}

	@Test
	@Order(3)
	void theTargetShowsTheSamePagesAndHistoryExports() throws Exception {
		String leadId = lead.person().id();
		List<String> pages = new ArrayList<>(List.of("/workspace", "/squads/" + namedSquad, "/squads/" + anonymousSquad,
				"/squads/" + namedSquad + "/history", "/squads/" + anonymousSquad + "/history",
				"/squads/" + namedSquad + "/history.csv", "/squads/" + namedSquad + "/history.json",
				"/squads/" + anonymousSquad + "/history.csv", "/squads/" + anonymousSquad + "/history.json"));
		sessions.forEach(session -> pages.addAll(List.of("/sessions/" + session, "/sessions/" + session + "/results")));
		for (String page : pages) {
			assertThat(page(moved, leadId, page)).as(page).isEqualTo(page(source, leadId, page));
		}
		for (String page : List.of("/admin/people", "/organisation/matrix", "/organisation/matrix.csv")) {
			assertThat(page(moved, admin.id(), page)).as(page).isEqualTo(page(source, admin.id(), page));
		}
	}

	@Test
	@Order(10)
	void passwordsAndAccessTokensStillWork() throws Exception {
		moved.perform(formLogin("/signin").userParameter("email").user(admin.email()).password(PASSWORD))
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error"))
			.andExpect(result -> assertThat(result.getRequest().getSession().getAttribute("SPRING_SECURITY_CONTEXT")).isNotNull());

		MvcResult me = moved.perform(post("/graphql").header("Authorization", "Bearer " + accessToken)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"query\": \"{ me { id } }\"}")).andReturn();
		assertThat(json.readTree(me.getResponse().getContentAsString()).path("data").path("me").path("id").asString())
			.isEqualTo(lead.person().id());
	}

	@Test
	@Order(11)
	void newRowsContinueAfterTheImportedOnes() {
		JdbcClient jdbc = targetApp.getBean(JdbcClient.class);
		long auditBefore = jdbc.sql("select max(seq) from admin_audit").query(Long.class).single();
		long membersBefore = jdbc.sql("select max(seq) from squad_member").query(Long.class).single();

		graphQlWith(moved, admin.id(), "mutation { createOrganisationInvite(input: {label: \"After the move\"}) { path } }", Map.of());
		String squad = graphQlWith(moved, lead.person().id(), "mutation { createSquad(input: {name: \"Moved\"}) { id } }", Map.of())
			.path("data").path("createSquad").path("id").asString();

		assertThat(jdbc.sql("select seq from admin_audit where detail like '%After the move%' or seq > ?").param(auditBefore).query(Long.class).list())
			.isNotEmpty()
			.allSatisfy(seq -> assertThat(seq).isGreaterThan(auditBefore));
		assertThat(jdbc.sql("select seq from squad_member where squad_id = ?").param(squad).query(Long.class).single())
			.isGreaterThan(membersBefore);
	}

	@Test
	@Order(4)
	void theLibrarySearchOnTheTargetFindsTheImportedQuestions() {
		String search = "query($s: String!) { libraryQuestions(search: $s) { questions { id question } } }";
		JsonNode found = graphQlWith(moved, lead.person().id(), search, Map.of("s", "Deploy frday"));
		assertThat(found.path("data").path("libraryQuestions").path("questions").valueStream().map(q -> q.path("question").asString()))
			.contains("Deploy on Friday");
	}

	@Test
	void theAdminPageRefusesToImportIntoAnInstallationInUseAndChangesNothing() throws Exception {
		MvcResult refused = source.perform(multipart("/admin/backup/import")
			.file(new MockMultipartFile("file", "backup.zip", "application/zip", exported))
			.with(csrf())
			.with(user(admin.id()))).andReturn();

		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/admin/backup");
		assertThat((String) refused.getFlashMap().get("problem")).contains("already holds data").contains("Nothing was imported");
		byte[] after = source.perform(get("/admin/backup/export").with(user(admin.id()))).andReturn().getResponse().getContentAsByteArray();
		assertSameTables(after, exported);
	}

	@Test
	void theAdminPageSaysWhyAnImportWasRefusedInTheAdminsLanguage() throws Exception {
		MvcResult refused = source.perform(multipart("/admin/backup/import")
			.file(new MockMultipartFile("file", "backup.zip", "application/zip", exported))
			.with(csrf())
			.with(user(admin.id()))
			.locale(Locale.GERMAN)).andReturn();
		assertThat((String) refused.getFlashMap().get("problem")).startsWith("Diese Datenbank enthält schon Daten (Zeilen in ")
			.endsWith("Es wurde nichts importiert.");

		MvcResult noFile = source.perform(multipart("/admin/backup/import").with(csrf()).with(user(admin.id())).locale(Locale.FRENCH))
			.andReturn();
		assertThat((String) noFile.getFlashMap().get("problem"))
			.isEqualTo("Choisissez un fichier de sauvegarde (un .zip produit par un export) à importer.");

		MvcResult notABackup = source.perform(multipart("/admin/backup/import")
			.file(new MockMultipartFile("file", "backup.zip", "application/zip", "not a zip".getBytes()))
			.with(csrf())
			.with(user(admin.id()))
			.locale(Locale.of("nl"))).andReturn();
		assertThat((String) notABackup.getFlashMap().get("problem"))
			.isEqualTo("Dit is geen back-up van Feature Creep: het is geen zipbestand dat begint met manifest.json. Er is niets geïmporteerd.");
		MvcResult inEnglish = source.perform(multipart("/admin/backup/import")
			.file(new MockMultipartFile("file", "backup.zip", "application/zip", "not a zip".getBytes()))
			.with(csrf())
			.with(user(admin.id()))).andReturn();
		assertThat((String) inEnglish.getFlashMap().get("problem"))
			.isEqualTo("This is not a Feature Creep backup: it is no zip file that starts with manifest.json. Nothing was imported.");
	}

	@Test
	void onlyOrganisationAdminsReachBackupsAndUploadsNeedTheCsrfToken() throws Exception {
		String member = lead.person().id();
		assertThat(source.perform(get("/admin/backup").with(user(member))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(source.perform(get("/admin/backup/export").with(user(member))).andReturn().getResponse().getStatus()).isEqualTo(403);
		// MockMvc sends multipart bodies without a length: from anyone but an admin they are refused unread, as a
		// backup-sized one would be (LargeUploadTests)
		assertThat(source.perform(multipart("/admin/backup/import").file(new MockMultipartFile("file", exported)).with(csrf()).with(user(member)))
			.andReturn().getResponse().getStatus()).isEqualTo(413);
		assertThat(source.perform(multipart("/admin/backup/import").file(new MockMultipartFile("file", exported)).with(user(admin.id())))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		String page = source.perform(get("/admin/backup").with(user(admin.id()))).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("Download backup").contains(BackupFiles.manifest(exported).path("anonymityKeyFingerprint").asString());
	}

	@Test
	void theCommandLineImportsIntoAnEmptyDatabaseAndRefusesAFullOne() {
		Target empty = newTarget();
		Path file = file("cli.zip");
		writeFile(file, exported);

		Run imported = command("import", file, empty);
		assertThat(imported.status()).as(imported.err()).isZero();
		assertThat(imported.out()).contains("Imported");
		byte[] back = command("export", file("cli-back.zip"), empty).file();
		assertSameTables(back, exported);

		Run again = command("import", file, empty);
		assertThat(again.status()).isEqualTo(1);
		assertThat(again.err()).contains("already holds data").contains("person (").contains("Nothing was imported");
		assertSameTables(command("export", file("cli-after.zip"), empty).file(), exported);
	}

	@Test
	void aFileFromANewerSchemaOrFormatIsRefusedAndTheTargetStaysEmpty() {
		Target empty = newTarget();
		Path newerSchema = file("newer-schema.zip");
		writeFile(newerSchema, BackupFiles.withManifest(exported, manifest -> manifest.put("schemaVersion", "9999")));
		Path newerFormat = file("newer-format.zip");
		writeFile(newerFormat, BackupFiles.withManifest(exported, manifest -> manifest.put("formatVersion", 2)));

		Run schema = command("import", newerSchema, empty);
		Run format = command("import", newerFormat, empty);

		assertThat(schema.status()).isEqualTo(1);
		assertThat(schema.err()).contains("newer database (schema version 9999").contains("Nothing was imported");
		assertThat(format.status()).isEqualTo(1);
		assertThat(format.err()).contains("format version 2").contains("Nothing was imported");
		assertOnlySeeded(empty);
	}

	@Test
	void aFileMadeUnderAnotherAnonymityKeyIsRefused() {
		Target empty = newTarget();
		Path file = file("key.zip");
		writeFile(file, exported);

		Run refused = command("import", file, empty, "--feature-creep.anonymity.key=" + java.util.Base64.getEncoder()
			.encodeToString("another-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8)));

		assertThat(refused.status()).isEqualTo(1);
		assertThat(refused.err()).contains("another anonymity key").contains("FEATURE_CREEP_ANONYMITY_KEY").contains("Nothing was imported");
		assertOnlySeeded(empty);
	}

	@Test
	void aDamagedFileIsRefusedAndWhatWasAlreadyReadIsRolledBack() {
		Target empty = newTarget();
		Path badValue = file("bad-value.zip");
		// the last table but one: most rows are in before the bad one comes
		writeFile(badValue, BackupFiles.withEntry(exported, "tables/vote.json", entry -> entry.replaceFirst("\"colour\":\\d", "\"colour\":\"red\"")));
		Path missingRows = file("missing-rows.zip");
		writeFile(missingRows, BackupFiles.withEntry(exported, "tables/session_note.json",
				entry -> entry.replaceFirst("\"rows\":\\[\\{.*?\\}(,|\\])", "\"rows\":[")));
		Path truncated = file("truncated.zip");
		writeFile(truncated, java.util.Arrays.copyOf(exported, exported.length / 2));
		Path notABackup = file("not-a-backup.zip");
		writeFile(notABackup, "name,colour\nBo,green\n".getBytes(StandardCharsets.UTF_8));

		assertThat(command("import", badValue, empty).err()).contains("Row ").contains("of vote, column colour").contains("whole number");
		assertThat(command("import", missingRows, empty).err()).contains("session_note").contains("incomplete or damaged");
		assertThat(command("import", truncated, empty).err()).contains("Nothing was imported");
		assertThat(command("import", notABackup, empty).err()).contains("not a Feature Creep backup");
		assertThat(command("import", file("does-not-exist.zip"), empty).err()).contains("No such file");
		assertThat(command("import", null, empty).status()).isEqualTo(2);
		assertOnlySeeded(empty);
	}

	/** Table by table, so that a difference names its table. */
	static void assertSameTables(byte[] actual, byte[] expected) {
		Map<String, String> theirs = BackupFiles.tables(expected);
		Map<String, String> ours = BackupFiles.tables(actual);
		assertThat(ours.keySet()).containsExactlyElementsOf(theirs.keySet());
		theirs.forEach((name, entry) -> assertThat(ours.get(name)).as(name).isEqualTo(entry));
	}

	void assertOnlySeeded(Target database) {
		JsonNode manifest = BackupFiles.manifest(command("export", file("check-" + UUID.randomUUID() + ".zip"), database).file());
		Map<String, Long> rows = new LinkedHashMap<>();
		manifest.path("tables").forEach(table -> {
			if (table.path("rows").asLong() > 0) {
				rows.put(table.path("name").asString(), table.path("rows").asLong());
			}
		});
		assertThat(rows).containsOnlyKeys("organisation", "library_question").containsEntry("organisation", 1L);
	}

	// --- the installation

	String squad(String name, boolean anonymous) {
		String squadId = lead.execute("mutation($n: String!, $a: Boolean) { createSquad(input: {name: $n, anonymous: $a}) { id } }",
				"n", name, "a", anonymous)
			.ok()
			.text("createSquad.id");
		String token = lead.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squadId)
			.ok()
			.text("createInvite.token");
		for (Caller member : List.of(bo, cy)) {
			member.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
		}
		return squadId;
	}

	void endedSession(String squadId, int colour, String trend, String comment) {
		GraphQlResponse created = lead
			.execute("mutation($s: String!) { createSession(input: {squadId: $s}) { id questions { id } } }", "s", squadId)
			.ok();
		String sessionId = created.text("createSession.id");
		sessions.add(sessionId);
		lead.execute("mutation($s: String!) { addQuestion(input: {sessionId: $s, question: {question: \"Deploy on Friday\", descriptionGood: \"Calm\", descriptionBad: \"Scary\"}}) { id } }",
				"s", sessionId)
			.ok();
		JsonNode questions = session(lead, sessionId).data("session.questions");
		for (Caller voter : List.of(lead, bo, cy)) {
			questions.forEach(q -> voter
				.execute("mutation($s: String!, $q: String!, $a: Int!, $t: Trend, $c: String) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: $t, comment: $c}) { id } }",
						"s", sessionId, "q", q.path("id").asString(), "a", colour, "t", trend, "c", comment + " (" + voter.person().firstName() + ")")
				.ok());
		}
		String first = questions.path(0).path("id").asString();
		lead.execute("mutation($s: String!, $q: String!) { addNote(input: {sessionId: $s, questionId: $q, body: \"We talked it through\"}) { id } }",
				"s", sessionId, "q", first)
			.ok();
		lead.execute("mutation($s: String!, $q: String!, $o: String) { addAction(input: {sessionId: $s, questionId: $q, title: \"Fix it\", ownerId: $o, dueDate: \"2030-01-31\"}) { id } }",
				"s", sessionId, "q", first, "o", bo.person().id())
			.ok();
		lead.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", sessionId).ok();
	}

	GraphQlResponse session(Caller caller, String sessionId) {
		return caller.execute("query($id: String!) { session(id: $id) { questions { id } } }", "id", sessionId).ok();
	}

	// --- calling either installation

	/** Like {@code @AutoConfigureMockMvc}'s: every filter of the application, signed-in test people. */
	static MockMvc mockMvc(WebApplicationContext context) {
		DefaultMockMvcBuilder builder = MockMvcBuilders.webAppContextSetup(context);
		SpringBootMockMvcBuilderCustomizer boot = new SpringBootMockMvcBuilderCustomizer(context);
		boot.setPrint(MockMvcPrint.NONE);
		boot.customize(builder);
		builder.apply(new MockMvcConfigurerAdapter() {

			@Override
			public RequestPostProcessor beforeMockMvcCreated(ConfigurableMockMvcBuilder<?> mockMvc,
					WebApplicationContext applicationContext) {
				return SecurityMockMvcRequestPostProcessors.testSecurityContext();
			}

		});
		return builder.build();
	}

	/** The whole answer, refusals of fields (owners only, ...) included: those must be the same too. */
	JsonNode graphQl(MockMvc mvc, String personId, String document, String id) {
		JsonNode response = graphQlWith(mvc, personId, document, id == null ? Map.of() : Map.of("id", id));
		assertThat(response.path("data").isObject()).as(response.toString()).isTrue();
		return response;
	}

	JsonNode graphQlWith(MockMvc mvc, String personId, String document, Map<String, Object> variables) {
		try {
			MvcResult result = mvc.perform(post("/graphql").with(csrf())
				.with(user(personId))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(Map.of("query", document, "variables", variables)))).andReturn();
			return json.readTree(result.getResponse().getContentAsString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A page as a person sees it, without what differs per request (CSRF tokens). */
	static String page(MockMvc mvc, String personId, String path) throws Exception {
		MockHttpServletRequestBuilder request = get(path).with(user(personId));
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(path).isLessThan(400);
		return result.getResponse().getStatus() + " " + result.getResponse().getRedirectedUrl() + "\n" + result.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]*", "$1")
			.replaceAll("(content=\")[^\"]*(\"[^>]*name=\"_csrf)", "$1$2")
			.replaceAll("(name=\"_csrf\"[^>]*content=\")[^\"]*", "$1");
	}

	// --- the command line, run in this JVM as java -jar would run it

	record Run(int status, String out, String err, Path path) {

		byte[] file() {
			assertThat(status).as(err).isZero();
			try {
				return Files.readAllBytes(path);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	Run command(String command, Path file, String url) {
		return command(command, file, new Target(url, "sa", "", false, null));
	}

	Run command(String command, Path file, Target database, String... more) {
		List<String> args = new ArrayList<>(List.of(command));
		if (file != null) {
			args.add(file.toString());
		}
		args.addAll(List.of("--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--logging.level.root=info"));
		args.addAll(List.of(more));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = BackupCommandLine.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), file);
	}

	Path file(String name) {
		return folder.resolve(name);
	}

	static void writeFile(Path path, byte[] bytes) {
		try {
			Files.write(path, bytes);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// --- target databases

	/** A new, empty database: on the PostgreSQL test server if there is one, else in memory. */
	Target newTarget() {
		String postgres = System.getenv("FC_TEST_POSTGRES_URL");
		Target created;
		if (postgres == null || postgres.isBlank()) {
			// a file, as the embedded default is: H2 2.4.240 breaks the CHECK constraints of an in-memory database once
			// the connection that created them closes, and each command-line run here opens and closes its own
			created = new Target("jdbc:h2:file:" + folder.resolve("fc-move-" + UUID.randomUUID()), "sa", "", false, null);
		}
		else {
			String name = "fc_move_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			String user = System.getenv().getOrDefault("FC_TEST_POSTGRES_USER", "");
			String password = System.getenv().getOrDefault("FC_TEST_POSTGRES_PASSWORD", "");
			Target.execute(postgres, user, password, "create database " + name);
			String url = postgres.replaceFirst("/[^/?]+(\\?.*)?$", "/" + name + "$1");
			created = new Target(url, user, password, true, () -> Target.execute(postgres, user, password,
					"drop database if exists " + name + " with (force)"));
		}
		targets.add(created);
		return created;
	}

	record Target(String url, String username, String password, boolean postgres, Runnable dropper) {

		void drop() {
			if (dropper != null) {
				dropper.run();
			}
		}

		static void execute(String url, String user, String password, String sql) {
			try (Connection connection = DriverManager.getConnection(url, user, password);
					Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not run '" + sql + "'", ex);
			}
		}

	}

}
