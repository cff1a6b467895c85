package io.featurecreep.library;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The language of a GraphQL request. The API speaks English: codes and English messages, which clients compare, so
 * the request's locale is English whatever the page language of the person calling (graphql-java would otherwise
 * word its own validation errors in German or Dutch). The one exception is the deck's texts, which answer in the
 * language of the request's {@code Accept-Language} header ({@link Deck#GRAPHQL_LANGUAGE}), English without one.
 */
@Component
class GraphQlLanguage implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Locale deck = deckLanguage(request);
		request.configureExecutionInput((input, builder) -> builder.locale(Locale.ENGLISH)
			.graphQLContext(Map.of(Deck.GRAPHQL_LANGUAGE, deck))
			.build());
		return chain.next(request);
	}

	/** The deck's language the header asks for first, English when it asks for none of them or makes no sense. */
	static Locale deckLanguage(WebGraphQlRequest request) {
		List<Locale.LanguageRange> asked;
		try {
			asked = request.getHeaders().getAcceptLanguage();
		}
		catch (IllegalArgumentException unreadable) {
			return Locale.ENGLISH;
		}
		Locale language = asked.isEmpty() ? null : Locale.lookup(asked, Deck.LANGUAGES);
		return language == null ? Locale.ENGLISH : language;
	}

}
