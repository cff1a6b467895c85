package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionLibraryWordsTest {

	@Test
	void queryCharactersAreJustSeparators() {
		assertThat(QuestionLibrary.words("@title:(fun) | -code* \"release\" %we%")).containsExactly("title", "fun", "code",
				"release", "we");
	}

	@Test
	void wordsAreLowerCaseAndDistinct() {
		assertThat(QuestionLibrary.words("Fun FUN fün")).containsExactly("fun", "fün");
		assertThat(QuestionLibrary.words(null)).isEmpty();
		assertThat(QuestionLibrary.words("  ")).isEmpty();
	}

}
