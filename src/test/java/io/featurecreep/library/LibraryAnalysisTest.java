package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibraryAnalysisTest {

	@Test
	void queryCharactersAreJustSeparators() {
		assertThat(LibraryAnalysis.words("@title:(fun) | -code* \"release\" %we% ~2 [a TO z] \\ && ^3 title:fun"))
			.containsExactly("title", "fun", "code", "release", "we", "2", "a", "to", "z", "3", "title", "fun");
	}

	@Test
	void wordsAreLowerCaseWithoutAccentsOrPossessives() {
		assertThat(LibraryAnalysis.words("Fun FÜN fün Squad's")).containsExactly("fun", "fun", "fun", "squad");
		assertThat(LibraryAnalysis.words(null)).isEmpty();
		assertThat(LibraryAnalysis.words("  ")).isEmpty();
		assertThat(LibraryAnalysis.words("*** !!! ???")).isEmpty();
	}

	@Test
	void wordsAreStemmedButWeIsNoStopWord() {
		assertThat(LibraryAnalysis.stem("releases")).isEqualTo(LibraryAnalysis.stem("release"));
		assertThat(LibraryAnalysis.stem("learning")).isEqualTo("learn");
		assertThat(LibraryAnalysis.stem("codebase")).isEqualTo("codebas");
		assertThat(LibraryAnalysis.stem("we")).isEqualTo("we");
		assertThat(LibraryAnalysis.stem("the")).isNull();
		assertThat(LibraryAnalysis.isStopWord("the")).isTrue();
		assertThat(LibraryAnalysis.isStopWord("we")).isFalse();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Health of codebase      | health of the Codebase!
			Pawns or players        | pawn  or player
			Easy to release         | Easy-to-release
			Teamwork                | THE teamwork
			Fun                     | fün
			""")
	void titlesThatAreTheSameQuestionShareAKey(String title, String same) {
		assertThat(LibraryAnalysis.titleKey(same)).isEqualTo(LibraryAnalysis.titleKey(title));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Fun                 | No fun
			Fun                 | Fun at work
			Delivering value    | Not delivering value
			Pawns or players    | Pawns and players
			Speed               | Speed of release
			""")
	void titlesThatDifferInAMeaningfulWordHaveDifferentKeys(String title, String other) {
		assertThat(LibraryAnalysis.titleKey(other)).isNotEqualTo(LibraryAnalysis.titleKey(title));
	}

	@Test
	void aKeyFitsItsColumnEvenWhenFoldingLengthensTheTitle() {
		assertThat(LibraryAnalysis.titleKey("\uFB03".repeat(200))).hasSize(LibraryAnalysis.LONGEST_KEY);
		assertThat(LibraryAnalysis.titleKey("\uD83D\uDE00a".repeat(66) + "\u00DF".repeat(134)))
			.hasSizeLessThanOrEqualTo(LibraryAnalysis.LONGEST_KEY);
	}

	@Test
	void aTitleOfOnlyPunctuationStillHasAKey() {
		assertThat(LibraryAnalysis.titleKey(" ?!  ?")).isEqualTo("?! ?");
		assertThat(LibraryAnalysis.titleKey("The")).isEqualTo("the");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			teamwork            | team work         | true
			health of codebas   | health of codbas  | true
			helth of codebas    | health of codebas | true
			health of codebas   | health of codebas | true
			fun                 | run               | false
			learn               | lean              | false
			team lead           | team read         | false
			retro topic a       | retro topic b     | false
			deliv valu          | deliv valus       | false
			helth of codbas     | health of codebas | false
			suitabl process     | support           | false
			""")
	void nearlyTheSameTitleIsOneEditApartAndLongEnough(String key, String other, boolean same) {
		assertThat(LibraryAnalysis.nearlySameTitle(key, other)).isEqualTo(same);
		assertThat(LibraryAnalysis.nearlySameTitle(other, key)).isEqualTo(same);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			abc   | abc    | true
			abc   | abd    | true
			abc   | ab     | true
			abc   | xabc   | true
			abc   | acb    | false
			abc   | abcde  | false
			abc   | xyz    | false
			''    | a      | true
			""")
	void oneEditIsAChangeAnInsertionOrADeletion(String a, String b, boolean within) {
		assertThat(LibraryAnalysis.withinOneEdit(a, b)).isEqualTo(within);
		assertThat(LibraryAnalysis.withinOneEdit(b, a)).isEqualTo(within);
	}

}
