package io.featurecreep.chat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.chat.ChatVoting.Ballot;
import io.featurecreep.chat.ChatVoting.ChatVote;
import io.featurecreep.healthcheck.SessionQuestion;
import io.featurecreep.healthcheck.Trend;
import io.featurecreep.shared.DomainException;
import tools.jackson.databind.JsonNode;

/**
 * The Slack form a member votes in (a modal of Block Kit): per open question its title and descriptions, a colour
 * (red, yellow, green), an optional trend and an optional comment; and reading the answers back from a submission.
 * Texts are in the squad's report language; what people wrote is escaped, so a question cannot mention anyone.
 * Slack allows 100 blocks in a form: at most {@link #MOST_QUESTIONS} questions, the rest are voted on the page.
 */
@Component
class SlackBallotView {

	static final String CALLBACK = "fc_ballot";

	static final int MOST_QUESTIONS = 24;

	private static final String COLOUR = "c_";

	private static final String TREND = "t_";

	private static final String COMMENT = "m_";

	private final MessageSource messages;

	SlackBallotView(MessageSource messages) {
		this.messages = messages;
	}

	Map<String, Object> ballot(Ballot ballot, String connectionId, Locale language) {
		List<Object> blocks = new ArrayList<>();
		if (ballot.session().anonymous()) {
			blocks.add(Map.of("type", "context", "elements",
					List.of(Map.of("type", "plain_text", "text", text("chat.modal.anonymous", language)))));
		}
		List<SessionQuestion> questions = ballot.questions().stream().limit(MOST_QUESTIONS).toList();
		boolean optional = questions.size() > 1;
		for (SessionQuestion question : questions) {
			blocks.add(Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text", describe(question))));
			blocks.add(input(COLOUR + question.id(), text("chat.modal.colour", language), optional,
					select("colour", List.of(option(text("chat.colour.red", language), "0"),
							option(text("chat.colour.yellow", language), "1"),
							option(text("chat.colour.green", language), "2")))));
			List<Object> trends = new ArrayList<>();
			for (Trend trend : Trend.values()) {
				trends.add(option(trendText(trend, language), trend.name()));
			}
			blocks.add(input(TREND + question.id(), text("chat.modal.trend", language), true, select("trend", trends)));
			blocks.add(input(COMMENT + question.id(), text("chat.modal.comment", language), true,
					Map.of("type", "plain_text_input", "action_id", "comment", "multiline", true, "max_length", 2000)));
		}
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("type", "modal");
		view.put("callback_id", CALLBACK);
		view.put("private_metadata", ballot.session().id() + " " + connectionId);
		view.put("title", plain(cut(text("chat.modal.title", language), 24)));
		view.put("submit", plain(cut(text("chat.modal.submit", language), 24)));
		view.put("close", plain(cut(text("chat.modal.close", language), 24)));
		view.put("blocks", blocks);
		return view;
	}

	Map<String, Object> thanks(Locale language) {
		return Map.of("type", "modal", "title", plain(cut(text("chat.modal.title", language), 24)), "close",
				plain(cut(text("chat.modal.close", language), 24)), "blocks",
				List.of(Map.of("type", "section", "text", plain(text("chat.modal.thanks", language)))));
	}

	String text(String key, Locale language, Object... arguments) {
		return messages.getMessage(key, arguments, language);
	}

	String inWords(DomainException refused, Locale language) {
		return refused.messageIn(messages, language);
	}

	/** The votes of a submission; a question with a trend or comment but no colour is incomplete. */
	static Answers answers(JsonNode values) {
		List<ChatVote> votes = new ArrayList<>();
		List<String> incomplete = new ArrayList<>();
		String first = null;
		for (String block : values.propertyNames()) {
			if (!block.startsWith(COLOUR)) {
				continue;
			}
			first = first == null ? block : first;
			String questionId = block.substring(COLOUR.length());
			String colour = selected(values.path(block).path("colour"));
			String trend = selected(values.path(TREND + questionId).path("trend"));
			String comment = values.path(COMMENT + questionId).path("comment").path("value").asString("");
			if (colour.isEmpty()) {
				if (!trend.isEmpty() || !comment.isBlank()) {
					incomplete.add(block);
				}
				continue;
			}
			if (!colour.matches("[012]") || (!trend.isEmpty() && !isTrend(trend))) {
				incomplete.add(block);
				continue;
			}
			votes.add(new ChatVote(questionId, Integer.parseInt(colour), trend.isEmpty() ? null : Trend.valueOf(trend),
					comment.isBlank() ? null : comment));
		}
		return new Answers(votes, incomplete, first);
	}

	/** A submission's votes, the colour blocks answered only in part, and the first colour block (for errors). */
	record Answers(List<ChatVote> votes, List<String> incomplete, String firstBlock) {
	}

	private String trendText(Trend trend, Locale language) {
		return switch (trend) {
			case IMPROVING -> text("chat.trend.IMPROVING", language);
			case STABLE -> text("chat.trend.STABLE", language);
			case WORSENING -> text("chat.trend.WORSENING", language);
		};
	}

	private static boolean isTrend(String value) {
		for (Trend trend : Trend.values()) {
			if (trend.name().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static String selected(JsonNode element) {
		return element.path("selected_option").path("value").asString("");
	}

	private static String describe(SessionQuestion question) {
		StringBuilder text = new StringBuilder("*").append(escape(cut(question.title(), 200))).append('*');
		if (question.descriptionGood() != null && !question.descriptionGood().isBlank()) {
			text.append("\n:large_green_circle: ").append(escape(cut(question.descriptionGood(), 1000)));
		}
		if (question.descriptionBad() != null && !question.descriptionBad().isBlank()) {
			text.append("\n:red_circle: ").append(escape(cut(question.descriptionBad(), 1000)));
		}
		return text.toString();
	}

	private static Map<String, Object> input(String blockId, String label, boolean optional, Map<String, Object> element) {
		return Map.of("type", "input", "block_id", blockId, "optional", optional, "label", plain(cut(label, 2000)),
				"element", element);
	}

	private static Map<String, Object> select(String actionId, List<Object> options) {
		return Map.of("type", "static_select", "action_id", actionId, "options", options);
	}

	private static Map<String, Object> option(String text, String value) {
		return Map.of("text", plain(cut(text, 75)), "value", value);
	}

	private static Map<String, Object> plain(String text) {
		return Map.of("type", "plain_text", "text", text);
	}

	/** Slack's escaping: only &, < and > mean something in its text. */
	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String cut(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
