package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.featurecreep.library.LibraryIndex.Visibility;

/** The index alone, with questions made up for each test. */
class LibraryIndexTest {

	static final String ORG = "org-1";

	static final String OTHER_ORG = "org-2";

	final LibraryIndex index = new LibraryIndex();

	int ids;

	@AfterEach
	void close() throws Exception {
		index.close();
	}

	LibraryQuestion shared(String title, String good, String bad, Integer position, long uses) {
		return new LibraryQuestion("q" + ids++, null, title, good, bad, position, uses);
	}

	LibraryQuestion custom(String org, String title, String good, long uses) {
		return new LibraryQuestion("q" + ids++, org, title, good, "", null, uses);
	}

	List<String> search(String text) {
		return search(ORG, LibraryScope.ALL, text);
	}

	List<String> search(String org, LibraryScope scope, String text) {
		return index.search(new Visibility(org, scope), text, 0, 10)
			.questions()
			.stream()
			.map(LibraryQuestion::title)
			.toList();
	}

	void deck() {
		index.replaceAll(List.of(shared("Learning", "We learn lots of interesting stuff", "We never learn", 5, 0),
				shared("Easy to release", "Releasing is simple and safe", "Releasing is painful", 2, 0),
				shared("Health of codebase", "Our code is clean", "Our code is a mess", 4, 0),
				shared("Speed", "We get stuff done quickly", "We keep waiting", 8, 0)));
	}

	/**
	 * A change of the index must not be interrupted halfway (in a directory of files the interrupt closes their
	 * channels for good); the callers' threads do get interrupted (consumers stopping), so the index changes on a
	 * thread of its own.
	 */
	@Test
	void aCallerInterruptedWhileChangingTheIndexLeavesItWorking() {
		deck();

		Thread.currentThread().interrupt();
		index.put(List.of(custom(ORG, "Pairing", "We pair", 0)));
		assertThat(Thread.interrupted()).as("the caller's interrupt is kept for it").isTrue();
		index.put(List.of(custom(ORG, "Mentoring", "We mentor", 0)));

		assertThat(search("pairing")).contains("Pairing");
		assertThat(search("mentoring")).contains("Mentoring");
	}

	@Test
	void aHalfTypedWordFindsWordsStartingWithIt() {
		deck();

		assertThat(search("lea")).first().isEqualTo("Learning");
		assertThat(search("learni")).containsExactly("Learning");
		assertThat(search("releasi")).containsExactly("Easy to release");
	}

	@Test
	void aHalfTypedWordWithATypoStillFindsThem() {
		deck();

		assertThat(search("lae")).first().isEqualTo("Learning");
		assertThat(search("spe")).first().isEqualTo("Speed");
		assertThat(search("sped")).first().isEqualTo("Speed");
		assertThat(search("helth")).first().isEqualTo("Health of codebase");
	}

	@Test
	void aCompleteWordMatchesItsOtherForms() {
		deck();

		assertThat(search("releases")).containsExactly("Easy to release");
		assertThat(search("learned")).first().isEqualTo("Learning");
	}

	@Test
	void wordsAreAlternativesAndMoreMatchedWordsRankHigher() {
		deck();

		assertThat(search("clean speed")).containsExactlyInAnyOrder("Health of codebase", "Speed");
		assertThat(search("code clean quickly").getFirst()).isEqualTo("Health of codebase");
	}

	@Test
	void aMatchInTheTitleOutranksOneInTheDescriptions() {
		index.replaceAll(List.of(shared("Ownership", "We own our mission", "", null, 0),
				shared("Mission", "We know why we are here", "", null, 0)));

		assertThat(search("mission")).containsExactly("Mission", "Ownership");
	}

	@Test
	void theMoreUsedOfTwoEquallyGoodMatchesComesFirst() {
		index.replaceAll(List.of(custom(ORG, "Release cadence", "", 0), custom(ORG, "Release quality", "", 40),
				custom(ORG, "Release notes", "", 3)));

		assertThat(search("release")).containsExactly("Release quality", "Release notes", "Release cadence");
	}

	@Test
	void usageDoesNotOutweighABetterMatch() {
		deck();
		index.put(List.of(custom(ORG, "Onboarding", "New people release on day one", 1000),
				custom(ORG, "Release cadence", "", 0)));

		assertThat(search("release")).containsExactly("Easy to release", "Release cadence", "Onboarding");
	}

	@Test
	void nearDuplicatesShowAsOneQuestionPreferringTheDefaultThenTheSharedThenTheMostUsed() {
		LibraryQuestion teamworkDefault = shared("Teamwork", "We work together", "", 3, 0);
		index.replaceAll(List.of(custom(ORG, "Team work", "", 80), teamworkDefault, custom(ORG, "Teamwork!", "", 5),
				custom(ORG, "Team-work", "", 90), custom(ORG, "Team spirit", "", 1)));

		List<LibraryQuestion> found = index.search(new Visibility(ORG, LibraryScope.ALL), "team", 0, 10).questions();

		assertThat(found).extracting(LibraryQuestion::title).containsExactlyInAnyOrder("Teamwork", "Team spirit");
		assertThat(found).filteredOn(q -> q.title().equals("Teamwork")).containsExactly(teamworkDefault);
		assertThat(index.search(new Visibility(ORG, LibraryScope.ORGANISATION), "team", 0, 10).questions())
			.extracting(LibraryQuestion::title)
			.containsExactlyInAnyOrder("Team-work", "Team spirit");

		LibraryQuestion supportShared = shared("Support", "", "", null, 0);
		index.put(List.of(custom(ORG, "Suport", "", 50), supportShared));
		assertThat(index.search(new Visibility(ORG, LibraryScope.ALL), "support", 0, 10).questions())
			.containsExactly(supportShared);
	}

	@Test
	void questionsSharingOnlyAWordAreNotDuplicates() {
		index.replaceAll(List.of(shared("Fun", "", "", 3, 0), custom(ORG, "Fun at work", "", 0),
				custom(ORG, "No fun", "", 0)));

		assertThat(search("fun")).containsExactlyInAnyOrder("Fun", "Fun at work", "No fun");
	}

	@Test
	void anotherOrganisationsQuestionsAreNeverShown() {
		index.replaceAll(List.of(shared("Mission", "", "", 6, 0), custom(ORG, "Mission statement", "", 0),
				custom(OTHER_ORG, "Mission control", "", 500), custom(OTHER_ORG, "Secret mission", "", 500)));

		assertThat(search("mission")).containsExactlyInAnyOrder("Mission", "Mission statement");
		assertThat(search(ORG, LibraryScope.SHARED, "mission")).containsExactly("Mission");
		assertThat(search(ORG, LibraryScope.ORGANISATION, "mission")).containsExactly("Mission statement");
		assertThat(search(ORG, LibraryScope.ALL, null)).containsExactlyInAnyOrder("Mission", "Mission statement");
		assertThat(search(OTHER_ORG, LibraryScope.ORGANISATION, "mission")).containsExactlyInAnyOrder("Mission control",
				"Secret mission");
	}

	@Test
	void aQuestionMovedToAnotherOrganisationIsShownOnlyThereAtOnce() {
		LibraryQuestion secret = custom(OTHER_ORG, "Secret mission", "", 0);
		index.replaceAll(List.of(shared("Mission", "", "", 6, 0), custom(ORG, "Mission statement", "", 0), secret));
		assertThat(search("mission")).containsExactlyInAnyOrder("Mission", "Mission statement");
		assertThat(search(OTHER_ORG, LibraryScope.ORGANISATION, "mission")).containsExactly("Secret mission");

		index.put(List.of(new LibraryQuestion(secret.id(), ORG, "Secret mission", "", "", null, 0)));

		assertThat(search("mission")).containsExactlyInAnyOrder("Mission", "Mission statement", "Secret mission");
		assertThat(search(OTHER_ORG, LibraryScope.ORGANISATION, "mission")).isEmpty();

		index.remove(List.of(secret.id()));

		assertThat(search("mission")).containsExactlyInAnyOrder("Mission", "Mission statement");
	}

	@Test
	void whatEachOrganisationMaySeeIsKeptOnlyForSegmentsStillSearched() {
		deck();
		for (int i = 0; i < 40; i++) {
			index.put(List.of(custom(ORG, "Retro topic " + i, "", i)));
			search("retro");
			search(OTHER_ORG, LibraryScope.ALL, "retro");
		}

		assertThat(index.segmentsWithVisibleDocumentsKept()).isLessThanOrEqualTo(index.segments());
	}

	@Test
	void withoutTextTheMostUsedComeFirstThenTheDefaultsInOrder() {
		index.replaceAll(List.of(shared("Speed", "", "", 8, 0), shared("Fun", "", "", 3, 0),
				custom(ORG, "Onboarding", "", 7), shared("Support", "", "", null, 0), custom(ORG, "Retros", "", 2)));

		assertThat(search(ORG, LibraryScope.ALL, null)).containsExactly("Onboarding", "Retros", "Fun", "Speed",
				"Support");
		assertThat(search(ORG, LibraryScope.ALL, " * ")).isEmpty();
	}

	@Test
	void pagesFollowOneAnotherWithoutGapsOrRepeats() {
		List<LibraryQuestion> questions = new ArrayList<>();
		IntStream.range(0, 25).forEach(i -> questions.add(custom(ORG, "Retro topic " + (char) ('a' + i), "", i)));
		// near-duplicates of some of them, which must not take places on a page
		IntStream.range(0, 25).filter(i -> i % 3 == 0)
			.forEach(i -> questions.add(custom(ORG, "Retro topic " + (char) ('a' + i) + "!", "", 0)));
		index.replaceAll(questions);
		Visibility visibility = new Visibility(ORG, LibraryScope.ALL);

		List<String> seen = new ArrayList<>();
		int offset = 0;
		LibraryPage page;
		do {
			page = index.search(visibility, "retro", offset, 7);
			assertThat(page.offset()).isEqualTo(offset);
			page.questions().forEach(q -> seen.add(q.title()));
			offset += 7;
		}
		while (page.hasMore());

		assertThat(seen).hasSize(25).doesNotHaveDuplicates().noneMatch(title -> title.endsWith("!"));
		assertThat(seen.getFirst()).isEqualTo("Retro topic y");
	}

	@Test
	void manyNearDuplicatesStillFillThePage() {
		List<LibraryQuestion> questions = new ArrayList<>();
		IntStream.range(0, 200).forEach(i -> questions.add(custom(ORG, "Deployment", "", 100)));
		questions.add(custom(ORG, "Deployment frequency", "", 0));
		questions.add(custom(ORG, "Deployment safety", "", 0));
		index.replaceAll(questions);

		assertThat(search("deployment")).containsExactly("Deployment", "Deployment frequency", "Deployment safety");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"codebase\"", "codebase*", "title:codebase", "(codebase OR fun) AND -speed",
			"code~2 base^3", "[a TO z] {b TO c}", "\\codebase/", "codebase && || !", "/.*/", "'", "\"" })
	void queryLanguageIsJustText(String text) {
		deck();

		List<String> found = search(text);

		if (text.contains("code")) {
			assertThat(found).contains("Health of codebase");
		}
	}

	@Test
	void longTextWithManyWordsIsSearchedWithinLimits() {
		deck();
		String words = "a b c d e f g h i j k l m n o p q r s t u v w x y z ".repeat(3) + "code clean";
		String manyLong = "interesting ".repeat(16) + "releasi";

		assertThat(search(words)).contains("Health of codebase");
		assertThat(search(manyLong)).contains("Learning");
		assertThat(search("x".repeat(200))).isEmpty();
		assertThat(search("ab".repeat(100))).isEmpty();
	}

	@Test
	void oneLetterIsNotASearchYet() {
		deck();

		assertThat(search("s")).isEmpty();
	}

	@Test
	void changesAreSearchableAtOnce() {
		deck();
		LibraryQuestion onboarding = custom(ORG, "Onboarding", "", 0);

		index.put(List.of(onboarding));
		assertThat(search("onboard")).containsExactly("Onboarding");

		index.put(List.of(new LibraryQuestion(onboarding.id(), ORG, "Onboarding", "", "", null, 9)));
		assertThat(index.search(new Visibility(ORG, LibraryScope.ALL), "onboard", 0, 1).questions().getFirst()
			.usageCount()).isEqualTo(9);
		assertThat(index.usageCounts()).containsEntry(onboarding.id(), 9L).hasSize(5);

		index.remove(List.of(onboarding.id()));
		assertThat(search("onboard")).isEmpty();
		assertThat(index.size()).isEqualTo(4);
	}

}
