package io.featurecreep.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

import io.featurecreep.healthcheck.HealthSession;
import io.featurecreep.healthcheck.SessionMode;
import io.featurecreep.healthcheck.SessionQuestion;
import io.featurecreep.healthcheck.Trend;

/**
 * The ephemeral message a member votes with in Discord: one select menu per question (colour, with or without a
 * trend: twelve options), at most four questions at a time with buttons to page through the rest, and after a vote a
 * button that opens a modal for a comment. A live session offers its open question only. The message shows nobody's
 * votes but a confirmation of the voter's own, and only the voter sees it.
 */
final class DiscordBallot {

	/** Discord allows five rows of components: four questions and a row of buttons. */
	static final int QUESTIONS_PER_PAGE = 4;

	private static final String[] COLOUR_KEYS = { "healthcheck.colour.red", "healthcheck.colour.yellow",
			"healthcheck.colour.green" };

	private static final String[] COLOUR_EMOJI = { "\uD83D\uDD34", "\uD83D\uDFE1", "\uD83D\uDFE2" };

	private final MessageSource messages;

	private final Locale language;

	DiscordBallot(MessageSource messages, Locale language) {
		this.messages = messages;
		this.language = language;
	}

	/** The questions a member may vote on now: a live session's open one, an async session's all. */
	static List<SessionQuestion> open(HealthSession session, List<SessionQuestion> questions) {
		return questions.stream()
			.filter(q -> !q.closed() && !q.revealed())
			.filter(q -> session.mode() != SessionMode.LIVE || q.id().equals(session.activeQuestionId()))
			.toList();
	}

	/** The message's content and components, with a line on top (a confirmation or a refusal) if given. */
	Map<String, Object> message(HealthSession session, String name, List<SessionQuestion> questions, int page,
			String notice, CommentOffer comment) {
		List<SessionQuestion> open = open(session, questions);
		int pages = Math.max(1, (open.size() + QUESTIONS_PER_PAGE - 1) / QUESTIONS_PER_PAGE);
		int shown = Math.max(0, Math.min(page, pages - 1));
		StringBuilder content = new StringBuilder();
		if (notice != null) {
			content.append(notice).append("\n\n");
		}
		List<Object> rows = new ArrayList<>();
		if (open.isEmpty()) {
			content.append(text(session.mode() == SessionMode.LIVE ? "chat.discord.ballot.noOpenQuestion"
					: "chat.discord.ballot.nothingToVote", plain(name)));
		}
		else {
			content.append(text(session.mode() == SessionMode.LIVE ? "chat.discord.ballot.live"
					: "chat.discord.ballot.async", plain(name)));
			List<SessionQuestion> onPage = open.subList(shown * QUESTIONS_PER_PAGE,
					Math.min(open.size(), (shown + 1) * QUESTIONS_PER_PAGE));
			for (SessionQuestion question : onPage) {
				content.append("\n\u2022 ").append(plain(cut(question.title(), 200)));
				rows.add(row(select(session.id(), question)));
			}
		}
		List<Object> buttons = new ArrayList<>();
		if (comment != null) {
			buttons.add(button(CustomIds.commentButton(session.id(), comment.questionId(), comment.colour(),
					comment.trend()), cut(text("chat.discord.comment.button", comment.title()), 80), 1));
		}
		if (shown > 0) {
			buttons.add(button(CustomIds.page(session.id(), shown - 1), text("chat.discord.page.previous"), 2));
		}
		if (shown < pages - 1) {
			buttons.add(button(CustomIds.page(session.id(), shown + 1), text("chat.discord.page.next"), 2));
		}
		if (!buttons.isEmpty()) {
			rows.add(Map.of("type", 1, "components", buttons));
		}
		return data(cut(content.toString(), 2000), rows);
	}

	/** A plain ephemeral text. */
	Map<String, Object> notice(String text) {
		return data(cut(text, 2000), List.of());
	}

	/** The modal that asks for a comment on the question just voted on. */
	Map<String, Object> commentModal(String sessionId, String questionId, int colour, Trend trend, String title) {
		Map<String, Object> input = new LinkedHashMap<>();
		input.put("type", 4);
		input.put("custom_id", "comment");
		input.put("style", 2);
		input.put("label", cut(text("chat.discord.comment.label"), 45));
		input.put("placeholder", cut(title, 100));
		input.put("min_length", 1);
		input.put("max_length", 2000);
		input.put("required", true);
		Map<String, Object> modal = new LinkedHashMap<>();
		modal.put("custom_id", CustomIds.commentModal(sessionId, questionId, colour, trend));
		modal.put("title", cut(text("chat.discord.comment.title"), 45));
		modal.put("components", List.of(row(input)));
		return modal;
	}

	String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}

	private Map<String, Object> select(String sessionId, SessionQuestion question) {
		List<Object> options = new ArrayList<>();
		for (int colour = 2; colour >= 0; colour--) {
			options.add(option(colour, null));
			for (Trend trend : Trend.values()) {
				options.add(option(colour, trend));
			}
		}
		Map<String, Object> select = new LinkedHashMap<>();
		select.put("type", 3);
		select.put("custom_id", CustomIds.vote(sessionId, question.id()));
		select.put("placeholder", cut(question.title(), 150));
		select.put("min_values", 1);
		select.put("max_values", 1);
		select.put("options", options);
		return select;
	}

	private Map<String, Object> option(int colour, Trend trend) {
		String colourText = text(COLOUR_KEYS[colour]);
		String label = trend == null ? text("chat.discord.option.colour", colourText)
				: text("chat.discord.option.colourAndTrend", colourText, text(trendKey(trend)));
		Map<String, Object> option = new LinkedHashMap<>();
		option.put("label", cut(label, 100));
		option.put("value", CustomIds.choice(colour, trend));
		option.put("emoji", Map.of("name", COLOUR_EMOJI[colour]));
		return option;
	}

	static String trendKey(Trend trend) {
		return switch (trend) {
			case IMPROVING -> "healthcheck.trend.improving";
			case STABLE -> "healthcheck.trend.stable";
			case WORSENING -> "healthcheck.trend.worsening";
		};
	}

	private static Map<String, Object> button(String customId, String label, int style) {
		return Map.of("type", 2, "style", style, "label", label, "custom_id", customId);
	}

	private static Map<String, Object> row(Object component) {
		return Map.of("type", 1, "components", List.of(component));
	}

	/** Ephemeral (flag 64), mentions switched off whatever a title contains. */
	private static Map<String, Object> data(String content, List<Object> rows) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("content", content);
		data.put("flags", 64);
		data.put("allowed_mentions", Map.of("parse", List.of()));
		data.put("components", rows);
		return data;
	}

	/**
	 * Users' text in Discord's markdown: characters that format or mention are escaped, so a title shows as written
	 * and cannot ping anyone (mentions are also switched off).
	 */
	static String plain(String text) {
		return text.replaceAll("([\\\\*_~`|>#\\[\\]()<@-])", "\\\\$1");
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
	}

	/** A comment button to show after a vote: the question and the vote it completes. */
	record CommentOffer(String questionId, String title, int colour, Trend trend) {
	}

}
