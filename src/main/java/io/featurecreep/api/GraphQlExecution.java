package io.featurecreep.api;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the GraphQL engine runs requests: documents it has parsed and validated once are kept for their next use. */
@Configuration(proxyBeanMethods = false)
class GraphQlExecution {

	/** Far more distinct documents than any client sends; each is a few kilobytes at most. */
	static final int KEPT_DOCUMENTS = 500;

	/** Longer texts are parsed every time: real client documents are short, GraphiQL's introspection ~3 KB. */
	static final int LONGEST_KEPT_QUERY = 20_000;

	@Bean
	ParsedDocumentCache parsedDocumentCache() {
		return new ParsedDocumentCache(KEPT_DOCUMENTS, LONGEST_KEPT_QUERY);
	}

	@Bean
	GraphQlSourceBuilderCustomizer keepParsedDocuments(ParsedDocumentCache cache) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(cache));
	}

}
