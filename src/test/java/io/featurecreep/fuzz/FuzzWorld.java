package io.featurecreep.fuzz;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.featurecreep.fuzz.FuzzRequest.Caller;
import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.Person;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlResponse;
import tools.jackson.databind.JsonNode;

/**
 * Real data for the fuzzer to aim at: an organisation of its own with an admin, an owner, a member and a person
 * from outside the squads; a named and an anonymous squad with invites; an ended, a live and an async session
 * with votes, a note and an action; an access token. Requests that name these ids get past "not found" into the
 * resolvers and handlers that do the work. The fuzzer changes and ends them as it goes, so the run makes a new
 * world every few hundred requests.
 *
 * <p>
 * Each world lives in an organisation of its own so that nothing the fuzzer does (garbage questions in the
 * organisation's library, who may see the matrix) reaches the other tests sharing the application context.
 */
final class FuzzWorld {

	private final String organisationId;

	private final Person owner;

	private final Person member;

	private final Person stranger;

	private final Person admin;

	private final List<String> squads = new ArrayList<>();

	private final List<String> sessions = new ArrayList<>();

	private final List<String> questions = new ArrayList<>();

	private final List<String> invites = new ArrayList<>();

	private final List<String> actions = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final List<String> libraryQuestions = new ArrayList<>();

	private String memberToken;

	private String memberTokenId;

	private FuzzWorld(String organisationId, Person owner, Person member, Person stranger, Person admin) {
		this.organisationId = organisationId;
		this.owner = owner;
		this.member = member;
		this.stranger = stranger;
		this.admin = admin;
	}

	/**
	 * Makes sure the shared organisation already has its admin, so that none of the fuzzer's people becomes it
	 * (the first person created administers the default organisation).
	 */
	static void keepDefaultOrganisationAdminElsewhere(GraphQlApi api) {
		api.newPerson("Bystander");
	}

	static FuzzWorld create(GraphQlApi api, Accounts accounts, JdbcClient jdbc) {
		String organisationId = UUID.randomUUID().toString();
		jdbc.sql("insert into organisation (id, name, created_at) values (?, ?, ?)")
			.params(organisationId, "Fuzz " + organisationId.substring(0, 8), OffsetDateTime.now())
			.update();
		FuzzWorld world = new FuzzWorld(organisationId, person(accounts, jdbc, organisationId, "Owner"),
				person(accounts, jdbc, organisationId, "Member"), person(accounts, jdbc, organisationId, "Stranger"),
				person(accounts, jdbc, organisationId, "Admin"));
		jdbc.sql("insert into organisation_admin (organisation_id, person_id) values (?, ?)")
			.params(organisationId, world.admin.id())
			.update();
		world.populate(api, jdbc);
		return world;
	}

	private static Person person(Accounts accounts, JdbcClient jdbc, String organisationId, String role) {
		String subject = UUID.randomUUID().toString();
		Person person = accounts.provisionExternal("https://fuzz.test", subject,
				role.toLowerCase(Locale.ROOT) + "-" + subject.substring(0, 8) + "@example.test", "Fuzz", role);
		jdbc.sql("update person set organisation_id = ? where id = ?").params(organisationId, person.id()).update();
		return new Person(person.id(), organisationId, person.firstName(), person.lastName(), person.email(),
				person.createdAt());
	}

	private void populate(GraphQlApi api, JdbcClient jdbc) {
		GraphQlApi.Caller lead = api.as(owner);
		GraphQlApi.Caller mate = api.as(member);
		String named = lead.execute("mutation { createSquad(input: {name: \"Fuzz named\", anonymous: false}) { id } }")
			.ok()
			.text("createSquad.id");
		String anonymous = lead.execute("mutation { createSquad(input: {name: \"Fuzz anonymous\", anonymous: true}) { id } }")
			.ok()
			.text("createSquad.id");
		squads.add(named);
		squads.add(anonymous);
		for (String squad : squads) {
			String token = invite(lead, squad);
			mate.execute("mutation($t: String!) { joinSquad(token: $t) { id } }", "t", token).ok();
			invites.add(token);
			invites.add(invite(lead, squad)); // one nobody has used
		}

		// an ended session with votes: its results, history and exports
		String ended = session(lead, "{squadId: $s, questions: [{question: \"Fuzz one\"}, {question: \"Fuzz two\"}]}", named);
		String first = questions.get(questions.size() - 2);
		lead.execute("mutation($s: String!, $q: String!) { setActiveQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
				"s", ended, "q", first).ok();
		vote(lead, ended, first, 2);
		vote(mate, ended, first, 1);
		lead.execute("mutation($s: String!) { endSession(input: {sessionId: $s}) { id } }", "s", ended).ok();

		// a live session under way, with a note and an action
		String live = session(lead,
				"{squadId: $s, name: \"Fuzz live\", questions: [{question: \"Fuzz three\", descriptionGood: \"good\", descriptionBad: \"bad\"}, {question: \"Fuzz four\"}, {question: \"Fuzz five\"}]}",
				named);
		String active = questions.get(questions.size() - 3);
		lead.execute("mutation($s: String!, $q: String!) { setActiveQuestion(input: {sessionId: $s, questionId: $q}) { id } }",
				"s", live, "q", active).ok();
		vote(mate, live, active, 0);
		notes.add(lead.execute("mutation($s: String!, $q: String) { addNote(input: {sessionId: $s, questionId: $q, body: \"Fuzz note\"}) { id } }",
				"s", live, "q", active).ok().text("addNote.id"));
		actions.add(lead.execute("mutation($s: String!, $o: String) { addAction(input: {sessionId: $s, title: \"Fuzz action\", ownerId: $o, dueDate: \"2030-01-31\"}) { id } }",
				"s", live, "o", member.id()).ok().text("addAction.id"));

		// an async session of the anonymous squad, open for a day
		String async = session(lead, "{squadId: $s, mode: ASYNC, deadline: \""
				+ Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}", anonymous);
		vote(mate, async, questions.get(questions.size() - 1), 2);

		GraphQlResponse token = mate.execute("mutation { createAccessToken(input: {name: \"fuzz\"}) { secret token { id } } }").ok();
		memberToken = token.text("createAccessToken.secret");
		memberTokenId = token.text("createAccessToken.token.id");
		libraryQuestions.addAll(jdbc.sql("select id from library_question where organisation_id is null")
			.query(String.class)
			.list());
	}

	private static String invite(GraphQlApi.Caller lead, String squad) {
		return lead.execute("mutation($s: String!) { createInvite(input: {squadId: $s}) { token } }", "s", squad)
			.ok()
			.text("createInvite.token");
	}

	private String session(GraphQlApi.Caller lead, String input, String squad) {
		GraphQlResponse created = lead
			.execute("mutation($s: String!) { createSession(input: " + input + ") { id questions { id } } }", "s", squad)
			.ok();
		String id = created.text("createSession.id");
		sessions.add(id);
		for (JsonNode question : created.data("createSession.questions")) {
			questions.add(question.path("id").asString());
		}
		return id;
	}

	private static void vote(GraphQlApi.Caller voter, String session, String question, int colour) {
		voter.execute("mutation($s: String!, $q: String!, $a: Int!) { answerQuestion(input: {sessionId: $s, questionId: $q, answer: $a, trend: STABLE, comment: \"fuzz\"}) { id } }",
				"s", session, "q", question, "a", colour).ok();
	}

	String personId(Caller caller) {
		return switch (caller) {
			case OWNER -> owner.id();
			case MEMBER, BEARER -> member.id();
			case STRANGER -> stranger.id();
			case ADMIN -> admin.id();
			default -> throw new IllegalArgumentException(caller + " is nobody");
		};
	}

	String memberToken() {
		return memberToken;
	}

	String badToken() {
		return "Bearer " + memberToken.substring(0, memberToken.length() - 1) + "x";
	}

	String organisationId() {
		return organisationId;
	}

	/**
	 * A value for a parameter, argument or path variable of this name: mostly a real id of the kind the name says
	 * (so the request reaches the work), else a made-up or nasty one. Null when the name says nothing about ids.
	 */
	String idFor(String name, Random random) {
		String key = name.toLowerCase(Locale.ROOT);
		List<String> real;
		if (key.contains("squad")) {
			real = squads;
		}
		else if (key.contains("session")) {
			real = sessions;
		}
		else if (key.contains("question") && !key.equals("question")) {
			real = random.nextBoolean() ? questions : libraryQuestions;
		}
		else if (key.contains("person") || key.contains("owner")) {
			real = List.of(owner.id(), member.id(), stranger.id(), admin.id());
		}
		else if (key.equals("token")) {
			real = invites;
		}
		else if (key.contains("action")) {
			real = actions;
		}
		else if (key.contains("note")) {
			real = notes;
		}
		else if (key.equals("id")) {
			real = List.of(owner.id(), member.id(), memberTokenId, squads.get(0), sessions.get(0));
		}
		else if (key.endsWith("id") || key.equals("indicator")) {
			real = List.of(); // channels, deliveries: none exist, so only made-up ones
		}
		else {
			return null;
		}
		int pick = random.nextInt(100);
		if (pick < 70 && !real.isEmpty()) {
			return real.get(random.nextInt(real.size()));
		}
		if (pick < 78 && !real.isEmpty()) {
			String id = real.get(random.nextInt(real.size()));
			return switch (random.nextInt(4)) {
				case 0 -> id.toUpperCase(Locale.ROOT);
				case 1 -> id + " ";
				case 2 -> id.substring(0, id.length() / 2);
				default -> id + "\u0000";
			};
		}
		return NastyValues.madeUpId(random);
	}

}
