package io.featurecreep.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.featurecreep.DatabaseTest;
import io.featurecreep.WithH2;
import io.featurecreep.WithPostgres;
import io.featurecreep.events.InProcessBroadcast;

/**
 * The library on its database, with its index: the original's search expectations (spec 5.2, 9.6 and 9.10) on
 * a fresh library, recording uses, and the index following the database. Each test works in an organisation
 * of its own, which sees exactly the shared library plus what the test adds.
 */
@DatabaseTest
@Import({ QuestionLibrary.class, CountUses.class, LibraryIndex.class, LibraryIndexer.class, InProcessBroadcast.class,
		QuestionLibraryTests.Config.class })
class QuestionLibraryTests {

	static final List<String> DEFAULTS_WITH_WE = List.of("Delivering value", "Fun", "Learning", "Mission",
			"Pawns or players", "Speed");

	static final List<String> DECK = List.of("Suitable process", "Support", "Teamwork");

	static class Config {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}

		/** The library times its searches; this slice has no metrics auto-configuration. */
		@Bean
		io.micrometer.core.instrument.MeterRegistry meterRegistry() {
			return new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
		}

	}

	abstract class Contract {

		@Autowired
		QuestionLibrary library;

		@Autowired
		CountUses countUses;

		@Autowired
		LibraryIndexer indexer;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		TransactionTemplate transactions;

		@Autowired
		ApplicationEventPublisher events;

		String organisation;

		@BeforeEach
		void newOrganisation() {
			organisation = newOrganisation("Library test");
		}

		String newOrganisation(String name) {
			String id = UUID.randomUUID().toString();
			jdbc.sql("insert into organisation (id, name, created_at) values (?, ?, ?)")
				.params(id, name, OffsetDateTime.now())
				.update();
			return id;
		}

		List<String> titles(String text) {
			return library.search(organisation, text, 10).stream().map(LibraryQuestion::title).toList();
		}

		@Test
		void theSharedLibraryHoldsTheDefaultsAndTheRestOfTheSpotifyDeck() {
			LibraryPage all = library.search(organisation, null, LibraryScope.SHARED, 0, 50);

			assertThat(all.questions()).extracting(LibraryQuestion::title)
				.containsExactlyInAnyOrder("Delivering value", "Easy to release", "Fun", "Health of codebase", "Learning",
						"Mission", "Pawns or players", "Speed", "Suitable process", "Support", "Teamwork");
			assertThat(all.questions()).filteredOn(LibraryQuestion::isDefault).hasSize(8);
			assertThat(library.defaults()).extracting(LibraryQuestion::title)
				.containsExactly("Delivering value", "Easy to release", "Fun", "Health of codebase", "Learning", "Mission",
						"Pawns or players", "Speed");
		}

		@Test
		void weFindsEveryQuestionWhoseDescriptionsSayWe() {
			// the original's fresh bank of 8 gave 6; the deck's three cards say "we" too
			assertThat(titles("we")).containsExactlyInAnyOrderElementsOf(
					java.util.stream.Stream.concat(DEFAULTS_WITH_WE.stream(), DECK.stream()).toList());
		}

		@Test
		void codebaseFindsOnlyTheHealthOfTheCodebase() {
			assertThat(titles("codebase")).containsExactly("Health of codebase");
		}

		@Test
		void theOriginalsInternalSearchesGiveTheSameCounts() {
			assertThat(titles("Fun")).containsExactly("Fun");
			assertThat(titles("Fun codebase")).containsExactlyInAnyOrder("Fun", "Health of codebase");
			assertThat(titles("Boooooooring")).containsExactly("Fun");
		}

		@Test
		void aTypoStillFindsTheQuestion() {
			assertThat(titles("codbase")).containsExactly("Health of codebase");
			assertThat(titles("releese")).first().isEqualTo("Easy to release");
			assertThat(titles("misison")).first().isEqualTo("Mission");
		}

		@Test
		void anAddedQuestionIsFoundAtOnceAndAlone() {
			library.entryFor(organisation, "abcdefghijklmnop", null, null);

			List<LibraryQuestion> found = library.search(organisation, "abcdefghijklmnop", 10);

			assertThat(found).extracting(LibraryQuestion::title).containsExactly("abcdefghijklmnop");
			assertThat(found.getFirst().descriptionGood()).isEmpty();
			assertThat(found.getFirst().isDefault()).isFalse();
			assertThat(found.getFirst().usageCount()).as("counted once its asker commits").isZero();
		}

		@Test
		void reAddingADefaultFindsItInsteadOfAddingIt() {
			long before = count();

			LibraryQuestion fun = library.entryFor(organisation, "  fun ", null, null);

			assertThat(fun.id()).isEqualTo("00000000-0000-0000-0001-000000000003");
			assertThat(fun.title()).isEqualTo("Fun");
			assertThat(count()).isEqualTo(before);
			assertThat(titles("Fun")).containsExactly("Fun");
		}

		@Test
		void usesAreCountedOncePerOccasionHoweverOftenTheWorkRuns() {
			String fun = "00000000-0000-0000-0001-000000000003";
			LibraryQuestion own = library.entryFor(organisation, "Ukulele practice", null, null);
			long funBefore = library.find(fun).orElseThrow().usageCount();
			QuestionsAsked asked = new QuestionsAsked(UUID.randomUUID().toString(), List.of(fun, own.id(), own.id()));

			countUses.handle(asked);
			countUses.handle(asked);
			countUses.handle(new QuestionsAsked(UUID.randomUUID().toString(), List.of(own.id())));

			assertThat(library.find(fun).orElseThrow().usageCount()).isEqualTo(funBefore + 1);
			assertThat(library.find(own.id()).orElseThrow().usageCount()).isEqualTo(3);
			assertThat(library.search(organisation, "ukulele", 10)).extracting(LibraryQuestion::usageCount)
				.as("the index follows the counts")
				.containsExactly(3L);
		}

		@Test
		void aTitleDifferingOnlyInCaseArticlesPunctuationOrEndingsIsTheSameQuestion() {
			long before = count();

			assertThat(library.entryFor(organisation, "Health of the codebase!", null, null).title())
				.isEqualTo("Health of codebase");
			assertThat(library.entryFor(organisation, "Pawn or player", null, null).title()).isEqualTo("Pawns or players");
			assertThat(count()).isEqualTo(before);
		}

		@Test
		void aTitleSharingAWordIsANewQuestion() {
			// the original rejected any title that shared a word with one in its bank
			LibraryQuestion funAtWork = library.entryFor(organisation, "Fun at work", null, null);
			LibraryQuestion noFun = library.entryFor(organisation, "No fun", null, null);

			assertThat(funAtWork.title()).isEqualTo("Fun at work");
			assertThat(noFun.title()).isEqualTo("No fun");
			assertThat(funAtWork.id()).isNotEqualTo(noFun.id());
			assertThat(funAtWork.organisationId()).isEqualTo(organisation);
		}

		@Test
		void anotherOrganisationsQuestionsAreNeverShown() {
			String other = newOrganisation("Other");
			library.entryFor(other, "Zebra crossing safety", "We cross safely", "We never look");
			library.entryFor(organisation, "Zebra stripes", null, null);

			assertThat(titles("zebra")).containsExactly("Zebra stripes");
			assertThat(titles("we")).doesNotContain("Zebra crossing safety");
			assertThat(library.search(organisation, "zebra", LibraryScope.ORGANISATION, 0, 50).questions())
				.extracting(LibraryQuestion::title)
				.containsExactly("Zebra stripes");
			assertThat(library.search(organisation, null, LibraryScope.ALL, 0, 50).questions())
				.extracting(LibraryQuestion::title)
				.doesNotContain("Zebra crossing safety");
			assertThat(library.search(other, "zebra", 10)).extracting(LibraryQuestion::title)
				.containsExactly("Zebra crossing safety");
		}

		@Test
		void theIndexCatchesUpWithRowsItWasNotToldAbout() {
			// another node wrote these, and this node missed the events
			String id = UUID.randomUUID().toString();
			jdbc.sql("""
					insert into library_question (id, organisation_id, title, description_good, description_bad,
					  default_position, usage_count, created_at) values (?, ?, 'Quokka happiness', '', '', null, 3, ?)""")
				.params(id, organisation, OffsetDateTime.now())
				.update();
			jdbc.sql("update library_question set usage_count = usage_count + 5 where id = ?")
				.param("00000000-0000-0000-0002-000000000003")
				.update();
			assertThat(titles("quokka")).isEmpty();

			indexer.catchUp();

			assertThat(titles("quokka")).containsExactly("Quokka happiness");
			LibraryQuestion teamwork = library.search(organisation, "teamwork", 10).getFirst();
			assertThat(teamwork.usageCount())
				.isEqualTo(library.find("00000000-0000-0000-0002-000000000003").orElseThrow().usageCount());
		}

		@Test
		void aQuestionAddedInATransactionThatRollsBackIsNeverFound() {
			transactions.executeWithoutResult(tx -> {
				library.entryFor(organisation, "Wombat wellbeing", null, null);
				tx.setRollbackOnly();
			});

			assertThat(titles("wombat")).isEmpty();
		}

		@Test
		void aChangeAnnouncedWithoutATransactionIsIndexedAtOnce() {
			// how another node's change arrives through the cluster's event transport
			String id = UUID.randomUUID().toString();
			jdbc.sql("""
					insert into library_question (id, organisation_id, title, description_good, description_bad,
					  default_position, usage_count, created_at) values (?, ?, 'Narwhal navigation', '', '', null, 1, ?)""")
				.params(id, organisation, OffsetDateTime.now())
				.update();

			events.publishEvent(new LibraryQuestionChanged(id));

			assertThat(titles("narwhal")).containsExactly("Narwhal navigation");
		}

		@Test
		void changesWaitingTogetherAreReadTogetherAndEachIsIndexedWhenItsCallReturns() throws InterruptedException {
			// many sessions starting at once each count uses of their questions; a read per change, one after the
			// other under the indexer's lock, made them queue
			List<String> titles = List.of("Axolotl routine", "Pangolin routine", "Tapir routine", "Okapi routine");
			List<Thread> changes = new ArrayList<>();
			int readsBefore;
			synchronized (indexer) { // as while the indexer reads for an earlier change
				readsBefore = indexer.reads();
				for (String title : titles) {
					String id = UUID.randomUUID().toString();
					jdbc.sql("""
							insert into library_question (id, organisation_id, title, title_key, description_good,
							  description_bad, default_position, usage_count, created_at)
							values (?, ?, ?, ?, '', '', null, 1, ?)""")
						.params(id, organisation, title, LibraryAnalysis.titleKey(title), OffsetDateTime.now())
						.update();
					changes.add(Thread.ofVirtual().start(() -> events.publishEvent(new LibraryQuestionChanged(id))));
				}
				await().until(indexer::waiting, waiting -> waiting == titles.size());
			}
			for (Thread change : changes) {
				change.join();
			}

			assertThat(indexer.reads() - readsBefore).isOne();
			assertThat(titles("routine")).containsExactlyInAnyOrderElementsOf(titles);
		}

		@Test
		void everyRowHasItsTitleKeyAfterStart() {
			assertThat(jdbc.sql("select count(*) from library_question where title_key is null")
				.query(Long.class)
				.single()).isZero();
			assertThat(jdbc.sql("select title_key from library_question where title = 'Health of codebase'")
				.query(String.class)
				.single()).isEqualTo("health of codebas");
		}

		long count() {
			return jdbc.sql("select count(*) from library_question").query(Long.class).single();
		}

	}

	@Nested
	@WithH2
	class OnH2 extends Contract {

	}

	@Nested
	@WithPostgres
	class OnPostgres extends Contract {

	}

}
