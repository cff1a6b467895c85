package io.featurecreep.chat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import io.featurecreep.chat.CustomIds.Choice;
import io.featurecreep.chat.CustomIds.Parsed;
import io.featurecreep.chat.DiscordBallot.CommentOffer;
import io.featurecreep.chat.ChatVoting.ChatVote;
import io.featurecreep.chat.ChatVoting.Refusal;
import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionLookup;
import io.featurecreep.healthcheck.SessionQuestion;
import io.featurecreep.notifications.DiscordConnections;
import io.featurecreep.notifications.DiscordConnections.Connection;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.Language;
import io.featurecreep.squads.Squad;
import io.featurecreep.squads.SquadAccess;
import tools.jackson.databind.JsonNode;

/**
 * Answers a verified Discord interaction of a connected application: PING with PONG; /healthcheck and the "vote"
 * button with the member's ballot; a choice in a select menu with a vote; the comment button with a modal and the
 * modal with the vote and its comment. Every answer but PONG and the modal is ephemeral: only the one who asked sees
 * it. Whoever is not linked to a person gets a one-time link, whoever is not a member of the squad an explanation,
 * never a vote. Texts are in the squad's report language.
 */
@Service
class DiscordInteractions {

	static final int PONG = 1;

	static final int MESSAGE = 4;

	static final int UPDATE_MESSAGE = 7;

	static final int MODAL = 9;

	private final SessionLookup sessions;

	private final ChatVoting votes;

	private final SquadAccess squads;

	private final DiscordVoters voters;

	private final MessageSource messages;

	DiscordInteractions(SessionLookup sessions, ChatVoting votes, SquadAccess squads, DiscordVoters voters,
			MessageSource messages) {
		this.sessions = sessions;
		this.votes = votes;
		this.squads = squads;
		this.voters = voters;
		this.messages = messages;
	}

	Map<String, Object> answer(JsonNode interaction, Connection connection) {
		int type = interaction.path("type").asInt();
		if (type == 1) {
			return Map.of("type", PONG);
		}
		Optional<Squad> squad = squads.find(connection.squadId());
		Locale language = squad.map(Squad::reportLanguage).orElse(Locale.ENGLISH);
		DiscordBallot ballot = new DiscordBallot(messages, language);
		if (squad.isEmpty()) {
			return reply(MESSAGE, ballot.notice(ballot.text("chat.discord.notConnected")));
		}
		JsonNode user = interaction.path("member").path("user").isObject() ? interaction.path("member").path("user")
				: interaction.path("user");
		String guildId = interaction.path("guild_id").asString("");
		String userId = user.path("id").asString("");
		Optional<String> person = voters.personOf(guildId, userId);
		if (person.isEmpty()) {
			String name = user.path("global_name").asString(user.path("username").asString(userId));
			return reply(MESSAGE, ballot.notice(ballot.text("chat.discord.unlinked", plainName(squad.get()),
					voters.linkFor(guildId, userId, name))));
		}
		if (!squads.isMember(connection.squadId(), person.get())) {
			return reply(MESSAGE, ballot.notice(ballot.text("chat.discord.notMember", plainName(squad.get()))));
		}
		Voter voter = new Voter(person.get(), new ChatUser(ChatPlatform.DISCORD, guildId, userId), squad.get(), ballot,
				language);
		return switch (type) {
			case 2 -> command(interaction, voter);
			case 3 -> component(interaction, voter);
			case 5 -> modalSubmitted(interaction, voter);
			default -> reply(MESSAGE, ballot.notice(ballot.text("chat.discord.unknown")));
		};
	}

	/** For a channel no squad connected: said in the language the user's Discord is set to, if we speak it. */
	Map<String, Object> notConnected(JsonNode interaction) {
		Locale language = Language.bestMatch(interaction.path("locale").asString("en"))
			.orElse(Language.DEFAULT)
			.locale();
		DiscordBallot ballot = new DiscordBallot(messages, language);
		return reply(MESSAGE, ballot.notice(ballot.text("chat.discord.notConnected")));
	}

	private Map<String, Object> command(JsonNode interaction, Voter voter) {
		if (!DiscordConnections.COMMAND.equals(interaction.path("data").path("name").asString(""))) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.unknown")));
		}
		return sessions.running(voter.squad().id())
			.map(session -> reply(MESSAGE, ballotOf(session, 0, null, null, voter)))
			.orElseGet(() -> reply(MESSAGE, voter.ballot()
				.notice(voter.ballot().text("chat.discord.noSession", plainName(voter.squad())))));
	}

	private Map<String, Object> component(JsonNode interaction, Voter voter) {
		JsonNode data = interaction.path("data");
		Optional<Parsed> parsed = CustomIds.parse(data.path("custom_id").asString(""));
		if (parsed.isEmpty()) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.unknown")));
		}
		String[] parts = parsed.get().parts();
		Optional<HealthSession> session = runningSession(parts[0], voter);
		if (session.isEmpty()) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.sessionOver")));
		}
		return switch (parsed.get().kind()) {
			case "vote" -> reply(MESSAGE, ballotOf(session.get(), 0, null, null, voter));
			case "page" -> reply(UPDATE_MESSAGE, ballotOf(session.get(), pageOf(parts), null, null, voter));
			case "q" -> voteChosen(session.get(), parts, data.path("values").path(0).asString(""), voter);
			case "c" -> commentAsked(session.get(), parts, voter);
			default -> reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.unknown")));
		};
	}

	private Map<String, Object> voteChosen(HealthSession session, String[] parts, String value, Voter voter) {
		String[] choiceParts = value.split(":");
		Optional<Choice> choice = parts.length < 2 ? Optional.empty()
				: CustomIds.choiceOf(choiceParts[0], choiceParts.length > 1 ? choiceParts[1] : null);
		Optional<SessionQuestion> question = parts.length < 2 ? Optional.empty()
				: sessions.question(session.id(), parts[1]);
		if (choice.isEmpty() || question.isEmpty()) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.unknown")));
		}
		int page = pageOfQuestion(session, question.get());
		try {
			votes.cast(voter.user(), session.id(), List.of(new ChatVote(question.get().id(), choice.get().colour(),
					choice.get().trend(), null)));
		}
		catch (DomainException refused) {
			return reply(UPDATE_MESSAGE, ballotOf(session, page, refusal(refused, voter), null, voter));
		}
		catch (Refusal refused) {
			return reply(UPDATE_MESSAGE, ballotOf(session, page, refusal(refused, voter), null, voter));
		}
		String voted = voter.ballot().text("chat.discord.voted", DiscordBallot.plain(question.get().title()));
		return reply(UPDATE_MESSAGE, ballotOf(session, page, voted, new CommentOffer(question.get().id(),
				question.get().title(), choice.get().colour(), choice.get().trend()), voter));
	}

	private Map<String, Object> commentAsked(HealthSession session, String[] parts, Voter voter) {
		Optional<Choice> choice = parts.length < 3 ? Optional.empty()
				: CustomIds.choiceOf(parts[2], parts.length > 3 ? parts[3] : null);
		Optional<SessionQuestion> question = parts.length < 3 ? Optional.empty()
				: sessions.question(session.id(), parts[1]);
		if (choice.isEmpty() || question.isEmpty()) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.unknown")));
		}
		return reply(MODAL, voter.ballot().commentModal(session.id(), question.get().id(), choice.get().colour(),
				choice.get().trend(), question.get().title()));
	}

	private Map<String, Object> modalSubmitted(JsonNode interaction, Voter voter) {
		JsonNode data = interaction.path("data");
		Optional<Parsed> parsed = CustomIds.parse(data.path("custom_id").asString(""))
			.filter(p -> p.kind().equals("m") && p.parts().length >= 3);
		if (parsed.isEmpty()) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.unknown")));
		}
		String[] parts = parsed.get().parts();
		Optional<HealthSession> session = runningSession(parts[0], voter);
		Optional<Choice> choice = CustomIds.choiceOf(parts[2], parts.length > 3 ? parts[3] : null);
		Optional<SessionQuestion> question = session.flatMap(s -> sessions.question(s.id(), parts[1]));
		if (session.isEmpty()) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.sessionOver")));
		}
		if (choice.isEmpty() || question.isEmpty()) {
			return reply(MESSAGE, voter.ballot().notice(voter.ballot().text("chat.discord.unknown")));
		}
		try {
			votes.cast(voter.user(), session.get().id(), List.of(new ChatVote(question.get().id(),
					choice.get().colour(), choice.get().trend(), commentOf(data))));
		}
		catch (DomainException refused) {
			return reply(MESSAGE, voter.ballot().notice(refusal(refused, voter)));
		}
		catch (Refusal refused) {
			return reply(MESSAGE, voter.ballot().notice(refusal(refused, voter)));
		}
		return reply(MESSAGE, voter.ballot()
			.notice(voter.ballot().text("chat.discord.commented", DiscordBallot.plain(question.get().title()))));
	}

	/** The text of the modal's one input, wherever Discord puts it (rows of inputs, or labels around them). */
	private static String commentOf(JsonNode data) {
		for (JsonNode row : data.path("components")) {
			JsonNode input = row.has("component") ? row.path("component") : row.path("components").path(0);
			if ("comment".equals(input.path("custom_id").asString(""))) {
				return input.path("value").asString("");
			}
		}
		return "";
	}

	/** The session, if it is this squad's, running, and the voter may see it. */
	private Optional<HealthSession> runningSession(String sessionId, Voter voter) {
		return sessions.visible(sessionId, voter.personId())
			.filter(session -> session.squadId().equals(voter.squad().id()) && session.active());
	}

	private Map<String, Object> ballotOf(HealthSession session, int page, String notice, CommentOffer comment,
			Voter voter) {
		List<SessionQuestion> questions = sessions.questions(session.id());
		// a session without a name of its own is the squad's health check
		String name = session.name() == null || session.name().isBlank() ? voter.squad().name() : session.name();
		return voter.ballot().message(session, name, questions, page, notice, comment);
	}

	private int pageOfQuestion(HealthSession session, SessionQuestion question) {
		List<SessionQuestion> open = DiscordBallot.open(session, sessions.questions(session.id()));
		int index = open.stream().map(SessionQuestion::id).toList().indexOf(question.id());
		return Math.max(0, index) / DiscordBallot.QUESTIONS_PER_PAGE;
	}

	private static int pageOf(String[] parts) {
		try {
			return parts.length > 1 ? Math.max(0, Integer.parseInt(parts[1])) : 0;
		}
		catch (NumberFormatException notAPage) {
			return 0;
		}
	}

	private String refusal(DomainException refused, Voter voter) {
		return voter.ballot().text("chat.discord.refused", refused.messageIn(messages, voter.language()));
	}

	private String refusal(Refusal refused, Voter voter) {
		return voter.ballot().text("chat.discord.refused", voter.ballot().text(refused.messageKey()));
	}

	private static String plainName(Squad squad) {
		return DiscordBallot.plain(squad.name());
	}

	private static Map<String, Object> reply(int type, Map<String, Object> data) {
		return Map.of("type", type, "data", data);
	}

	/** The person behind an interaction, a member of the connected squad, and how to speak to them. */
	private record Voter(String personId, ChatUser user, Squad squad, DiscordBallot ballot, Locale language) {
	}

}
