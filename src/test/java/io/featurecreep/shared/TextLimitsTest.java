package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextLimitsTest {

	@Test
	void requiredTextIsTrimmedAndMustNotBeBlank() {
		assertThat(TextLimits.required("  Squad  ", "Name", 10)).isEqualTo("Squad");
		assertThatThrownBy(() -> TextLimits.required(" \t", "Name", 10)).hasMessage("Name must not be empty");
		assertThatThrownBy(() -> TextLimits.required(null, "Name", 10)).hasMessage("Name must not be empty");
	}

	@Test
	void lengthCountsUtf16UnitsAsTheEmbeddedDatabaseDoesSoAnEmojiCountsTwice() {
		String emoji = "🟢".repeat(5);
		assertThat(TextLimits.required(emoji, "Name", 10)).isEqualTo(emoji);
		assertThatThrownBy(() -> TextLimits.required(emoji + "x", "Name", 10))
			.isInstanceOf(DomainException.class)
			.hasMessage("Name is too long (at most 10 characters; emoji and some other symbols count as two)");
	}

	@Test
	void optionalBlankTextBecomesNull() {
		assertThat(TextLimits.optional("   ", "Comment", 5)).isNull();
		assertThat(TextLimits.optional(null, "Comment", 5)).isNull();
	}

}
