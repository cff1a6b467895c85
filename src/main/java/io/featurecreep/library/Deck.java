package io.featurecreep.library;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.shared.Language;

import io.featurecreep.shared.EnglishTexts;

/**
 * The Spotify deck (the default indicators and the rest of the deck, rows of {@code library_question} with fixed ids)
 * in the reader's language. The database keeps the deck's English words, which sessions copy into their questions;
 * the translations are in {@code i18n/deck*.properties}. A text shows translated only while it is still the deck's
 * own English: a question a squad or organisation worded differently (an edited copy) shows as written, whatever
 * its language. Each text is judged on its own, so a renamed question keeps its translated descriptions if it kept
 * the deck's. Search and the API's inputs stay on the stored English; only what is shown changes.
 */
@Component
public class Deck {

	/**
	 * Where a GraphQL request keeps the language in which the deck's texts answer ({@link GraphQlLanguage}): the
	 * language of its {@code Accept-Language} header, English without one.
	 */
	public static final String GRAPHQL_LANGUAGE = "featureCreep.deckLanguage";

	/** The languages the deck is written in; English, the database's, first. */
	static final List<Locale> LANGUAGES = Stream
		.concat(Stream.of(Language.DEFAULT), Arrays.stream(Language.values()).filter(l -> l != Language.DEFAULT))
		.map(Language::locale)
		.toList();

	/** The deck's cards by their fixed ids (V2, V10): the one place where an id meets the keys of its texts. */
	private static final Map<String, Card> CARDS = Map.ofEntries(
			Map.entry("00000000-0000-0000-0001-000000000001",
					new Card("deck.deliveringValue.title", "deck.deliveringValue.good", "deck.deliveringValue.bad")),
			Map.entry("00000000-0000-0000-0001-000000000002",
					new Card("deck.easyToRelease.title", "deck.easyToRelease.good", "deck.easyToRelease.bad")),
			Map.entry("00000000-0000-0000-0001-000000000003",
					new Card("deck.fun.title", "deck.fun.good", "deck.fun.bad")),
			Map.entry("00000000-0000-0000-0001-000000000004",
					new Card("deck.healthOfCodebase.title", "deck.healthOfCodebase.good", "deck.healthOfCodebase.bad")),
			Map.entry("00000000-0000-0000-0001-000000000005",
					new Card("deck.learning.title", "deck.learning.good", "deck.learning.bad")),
			Map.entry("00000000-0000-0000-0001-000000000006",
					new Card("deck.mission.title", "deck.mission.good", "deck.mission.bad")),
			Map.entry("00000000-0000-0000-0001-000000000007",
					new Card("deck.pawnsOrPlayers.title", "deck.pawnsOrPlayers.good", "deck.pawnsOrPlayers.bad")),
			Map.entry("00000000-0000-0000-0001-000000000008",
					new Card("deck.speed.title", "deck.speed.good", "deck.speed.bad")),
			Map.entry("00000000-0000-0000-0002-000000000001",
					new Card("deck.suitableProcess.title", "deck.suitableProcess.good", "deck.suitableProcess.bad")),
			Map.entry("00000000-0000-0000-0002-000000000002",
					new Card("deck.support.title", "deck.support.good", "deck.support.bad")),
			Map.entry("00000000-0000-0000-0002-000000000003",
					new Card("deck.teamwork.title", "deck.teamwork.good", "deck.teamwork.bad")));

	private final MessageSource messages;

	/** The deck's titles in every language, each to its card: for texts that come back from a form. */
	private final Map<String, Card> byTitle = new HashMap<>();

	Deck(MessageSource messages) {
		this.messages = messages;
		for (Card card : CARDS.values()) {
			for (Locale language : LANGUAGES) {
				byTitle.putIfAbsent(messages.getMessage(card.title(), null, language), card);
			}
		}
	}

	private static boolean isDeck(String libraryQuestionId) {
		return libraryQuestionId != null && CARDS.containsKey(libraryQuestionId);
	}

	/** A question's title as the reader reads it: the deck's in their language while it is the deck's, else as written. */
	public String title(String libraryQuestionId, String text, Locale reader) {
		return shown(libraryQuestionId, Card::title, text, reader);
	}

	/** What green looks like, as {@link #title} shows titles. */
	public String descriptionGood(String libraryQuestionId, String text, Locale reader) {
		return shown(libraryQuestionId, Card::good, text, reader);
	}

	/** What red looks like, as {@link #title} shows titles. */
	public String descriptionBad(String libraryQuestionId, String text, Locale reader) {
		return shown(libraryQuestionId, Card::bad, text, reader);
	}

	/** A library entry as the reader reads it (for showing only: never store or search what this returns). */
	public LibraryQuestion shown(LibraryQuestion entry, Locale reader) {
		if (!isDeck(entry.id())) {
			return entry;
		}
		return new LibraryQuestion(entry.id(), entry.organisationId(), title(entry.id(), entry.title(), reader),
				descriptionGood(entry.id(), entry.descriptionGood(), reader),
				descriptionBad(entry.id(), entry.descriptionBad(), reader), entry.defaultPosition(), entry.usageCount());
	}

	/**
	 * A question as a page's form sends it back, to be stored: a title that is one of the deck's in any of its
	 * languages becomes the deck's English, and so do descriptions that are that card's own, so that the stored
	 * question is the deck's and reads in every reader's language. Other texts stay as written.
	 */
	public Texts stored(String title, String descriptionGood, String descriptionBad) {
		Card card = title == null ? null : byTitle.get(title.strip());
		if (card == null) {
			return new Texts(title, descriptionGood, descriptionBad);
		}
		return new Texts(EnglishTexts.of(card.title()), english(card.good(), descriptionGood),
				english(card.bad(), descriptionBad));
	}

	private String english(String key, String text) {
		if (text == null) {
			return null;
		}
		for (Locale language : LANGUAGES) {
			if (messages.getMessage(key, null, language).equals(text.strip())) {
				return EnglishTexts.of(key);
			}
		}
		return text;
	}

	private String shown(String libraryQuestionId, Function<Card, String> key, String text, Locale reader) {
		Card card = libraryQuestionId == null || text == null ? null : CARDS.get(libraryQuestionId);
		if (card == null || !EnglishTexts.of(key.apply(card)).equals(text.strip())) {
			return text;
		}
		return messages.getMessage(key.apply(card), null, text, reader == null ? Locale.ENGLISH : reader);
	}

	/** A question's three texts. */
	public record Texts(String title, String descriptionGood, String descriptionBad) {
	}

	/** The message keys of one card's texts. */
	private record Card(String title, String good, String bad) {
	}

}
