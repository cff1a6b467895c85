package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import graphql.introspection.IntrospectionQuery;
import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;
import io.featurecreep.support.GraphQlApi.Caller;
import io.featurecreep.support.GraphQlResponse;

/**
 * The cost limit weighs each field by what it takes to resolve: a search of the question library far more than a
 * lookup, a lookup more than a plain value. So no single request, however it is put together, runs for long.
 */
@FeatureCreepTest
class QueryCostTests {

	@Autowired
	GraphQlApi api;

	Caller me;

	@BeforeEach
	void signIn() {
		me = api.as(api.newPerson("Cost"));
	}

	@Test
	void hundredsOfAliasedSearchesAreRefusedBeforeTheyRun() {
		GraphQlResponse response = me.execute(aliased(990, i -> "libraryQuestions(search: \"delivering valu " + i + "\") { hasMore }"));

		assertThat(response.errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(response.errorMessages().get(0)).contains("too much").contains("at most");
		assertThat(response.body().path("data").isNull() || response.body().path("data").isMissingNode()).isTrue();
	}

	@Test
	void theOriginalSearchCostsAsMuchAsALibrarySearch() {
		assertThat(me.execute(aliased(990, i -> "search(search: \"fun " + i + "\") { question }")).errorCodes())
			.containsExactly("BAD_USER_INPUT");
	}

	@Test
	void hundredsOfAliasedLookupsAreRefusedToo() {
		assertThat(me.execute(aliased(990, i -> "me { id }")).errorCodes()).containsExactly("BAD_USER_INPUT");
		assertThat(me.execute(aliased(495, i -> "squads { id name open }")).errorCodes())
			.containsExactly("BAD_USER_INPUT");
	}

	@Test
	void oneRequestMaySearchOnlyAFewDozenTimes() {
		int low = 1;
		int high = 990;
		while (low < high) {
			int n = (low + high + 1) / 2;
			if (me.execute(aliased(n, i -> "libraryQuestions(search: \"fun " + i + "\") { hasMore }")).errorCodes().isEmpty()) {
				low = n;
			}
			else {
				high = n - 1;
			}
		}
		assertThat(low).as("searches one request may make").isBetween(10, 50);
	}

	@Test
	void theClientsIntrospectionQueryStillFits() {
		me.execute(IntrospectionQuery.INTROSPECTION_QUERY).ok();
	}

	@Test
	void aSquadPageWorthOfNestedFieldsStillFits() {
		me.execute("{ squads { id name open members { id firstName } sessions { id questions { id question answers "
				+ "{ answer person { id } } results { votes average } } } } }").ok();
	}

	private static String aliased(int count, java.util.function.IntFunction<String> field) {
		return IntStream.range(0, count).mapToObj(i -> "a" + i + ": " + field.apply(i)).collect(Collectors.joining(" ", "{ ", " }"));
	}

}
