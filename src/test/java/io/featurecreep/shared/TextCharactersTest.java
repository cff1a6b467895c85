package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Names and titles are one line of visible text; longer texts may also break lines. Neither may hide control
 * characters, nor turn the direction of the text around (the trick that makes "exe.txt" read as "txt.exe").
 */
class TextCharactersTest {

	@ParameterizedTest
	@ValueSource(strings = { "Web\u0000squad", "Web\u0007squad", "Web\nsquad", "Web\r\nsquad", "Web\tsquad", "\u001bWeb",
			"Web\u007fsquad", "Web\u0085squad", "Web\u009bsquad" })
	void aNameWithAControlCharacterIsRefusedNamingTheField(String name) {
		assertThatThrownBy(() -> TextLimits.required(name, "Squad name", 200)).isInstanceOf(DomainException.class)
			.hasMessage("Squad name must not contain control characters (such as line breaks or tabs)");
		assertThatThrownBy(() -> TextLimits.optional(name, "Session name", 200))
			.hasMessage("Session name must not contain control characters (such as line breaks or tabs)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069" })
	void aDirectionOverrideOrIsolateIsRefusedInNamesAndLongerTexts(String bidi) {
		assertThatThrownBy(() -> TextLimits.required("invoice" + bidi + "txt.exe", "Question", 200))
			.hasMessage("Question must not contain characters that change the direction of the text");
		assertThatThrownBy(() -> TextLimits.optionalMultiline("a\n" + bidi + "b", "Comment", 2000))
			.hasMessage("Comment must not contain characters that change the direction of the text");
		assertThatThrownBy(() -> TextLimits.requiredMultiline(bidi + "b", "Note", 4000))
			.hasMessage("Note must not contain characters that change the direction of the text");
	}

	@Test
	void longerTextsKeepLineBreaksAndTabsButNoOtherControlCharacters() {
		assertThat(TextLimits.optionalMultiline("Line one\r\nLine two\n\tindented", "Comment", 2000))
			.isEqualTo("Line one\r\nLine two\n\tindented");
		assertThat(TextLimits.requiredMultiline("first\nsecond", "Note", 4000)).isEqualTo("first\nsecond");
		assertThatThrownBy(() -> TextLimits.optionalMultiline("nul\u0000byte", "Good description", 1000))
			.hasMessage("Good description must not contain control characters other than line breaks and tabs");
		assertThatThrownBy(() -> TextLimits.requiredMultiline("bell\u0007", "Note", 4000))
			.hasMessage("Note must not contain control characters other than line breaks and tabs");
	}

	@Test
	void longerTextsAreCheckedForSizeAndBlanknessLikeNames() {
		assertThat(TextLimits.optionalMultiline(" \n\t ", "Comment", 10)).isNull();
		assertThatThrownBy(() -> TextLimits.requiredMultiline("\n", "Note", 10)).hasMessage("Note must not be empty");
		assertThatThrownBy(() -> TextLimits.requiredMultiline("x".repeat(11), "Note", 10))
			.hasMessage("Note is too long (at most 10 characters)");
	}

	@Test
	void ordinaryTextInAnyScriptPasses() {
		assertThat(TextLimits.required("Équipe 🚀 فريق \u200F(RTL mark) 開発", "Squad name", 200))
			.isEqualTo("Équipe 🚀 فريق \u200F(RTL mark) 開発");
	}

	@Test
	void textFromElsewhereLosesWhatWouldBeRefused() {
		assertThat(TextLimits.withoutUnsafeCharacters("Ada\u202E\u0000 Lovelace\n")).isEqualTo("Ada Lovelace");
		assertThat(TextLimits.withoutUnsafeCharacters(null)).isNull();
	}

}
