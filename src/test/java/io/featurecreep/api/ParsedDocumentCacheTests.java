package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/** A document parsed once serves later requests with their own variables; refused ones are not kept. */
class ParsedDocumentCacheTests {

	@Nested
	@FeatureCreepTest
	class ThroughTheEndpoint {

		@Autowired
		GraphQlApi api;

		@Autowired
		ParsedDocumentCache cache;

		Caller me;

		@BeforeEach
		void signIn() {
			me = api.as(api.newPerson("Parsed"));
		}

		@Test
		void aKeptDocumentRunsWithEachRequestsOwnVariablesAndCaller() {
			String create = "mutation($n: String!) { createSquad(input: {name: $n}) { name } }";
			assertThat(me.execute(create, "n", "First squad").ok().text("createSquad.name")).isEqualTo("First squad");
			long kept = cache.size();
			assertThat(kept).isPositive();
			Caller other = api.as(api.newPerson("Other"));
			assertThat(other.execute(create, "n", "Second squad").ok().text("createSquad.name"))
				.isEqualTo("Second squad");
			assertThat(cache.size()).isEqualTo(kept);
			assertThat(other.execute("{ squads { name } }").ok().data("squads").toString()).contains("Second squad")
				.doesNotContain("First squad");
		}

		@Test
		void aRefusedDocumentIsRefusedEveryTimeAndNotKept() {
			long kept = cache.size();
			for (int i = 0; i < 2; i++) {
				assertThat(me.execute("{ squads { nothingHere } }").errorCodes()).containsOnly("BAD_USER_INPUT");
			}
			assertThat(cache.size()).isEqualTo(kept);
		}

		@Test
		void theDepthLimitStillAppliesToAKeptDocument() {
			String tooDeep = "{ __schema { types { fields { type " + "{ ofType ".repeat(20) + "{ name }"
					+ " }".repeat(20) + " } } } }";
			for (int i = 0; i < 2; i++) {
				GraphQlResponse response = me.execute(tooDeep);
				assertThat(response.errorCodes()).containsOnly("BAD_USER_INPUT");
				assertThat(response.errorMessages().get(0)).containsIgnoringCase("depth");
			}
		}

	}

	@Nested
	class Keeping {

		final AtomicInteger parsed = new AtomicInteger();

		final Function<ExecutionInput, PreparsedDocumentEntry> parse = input -> {
			parsed.incrementAndGet();
			return input.getQuery().contains("bad")
					? new PreparsedDocumentEntry(ValidationError.newValidationError()
						.validationErrorType(ValidationErrorType.FieldUndefined)
						.description("bad")
						.build())
					: new PreparsedDocumentEntry(Document.newDocument().build());
		};

		@Test
		void aDocumentAskedForOftenOutlivesAStreamOfOneOffs() {
			ParsedDocumentCache cache = new ParsedDocumentCache(50, 100);
			// Caffeine counts uses once the cache is half full, and halves its counts after ten times its size
			for (int i = 0; i < 30; i++) {
				get(cache, "{ earlier" + i + " }");
			}
			for (int i = 0; i < 20; i++) {
				get(cache, "{ vote }");
			}
			for (int i = 0; i < 200; i++) {
				get(cache, "{ once" + i + " }");
			}
			assertThat(parsed).hasValue(231);
			get(cache, "{ vote }");
			assertThat(parsed).as("the document clients send is still kept (a least-recently-used cache would have "
					+ "pushed it out)").hasValue(231);
			assertThat(cache.size()).isEqualTo(50);
		}

		@Test
		void longTextsAndRefusedDocumentsAreParsedEachTime() {
			ParsedDocumentCache cache = new ParsedDocumentCache(10, 10);
			String longer = "{ a_long_field }";
			get(cache, longer);
			get(cache, longer);
			get(cache, "{ bad }");
			assertThat(get(cache, "{ bad }").hasErrors()).isTrue();
			assertThat(parsed).hasValue(4);
			assertThat(cache.size()).isZero();
		}

		private PreparsedDocumentEntry get(ParsedDocumentCache cache, String query) {
			return cache.getDocumentAsync(ExecutionInput.newExecutionInput(query).build(), parse).join();
		}

	}

}
