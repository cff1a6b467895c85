package io.featurecreep.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * GraphiQL, the in-browser GraphQL IDE, at {@code /graphiql}. Spring's own page loads GraphiQL from a
 * CDN; this one serves it from the application (WebJars), so it works offline and under a
 * {@code script-src 'self'} Content-Security-Policy. The page sends the session cookie and the CSRF
 * token with every request, so it acts as the signed-in user.
 */
@Controller
class GraphiqlController {

	private final String graphqlPath;

	private final String websocketPath;

	GraphiqlController(@Value("${spring.graphql.http.path:/graphql}") String graphqlPath,
			@Value("${spring.graphql.websocket.path:}") String websocketPath) {
		this.graphqlPath = graphqlPath;
		this.websocketPath = websocketPath;
	}

	@GetMapping("/graphiql")
	String graphiql(Model model) {
		model.addAttribute("graphqlPath", graphqlPath);
		model.addAttribute("websocketPath", websocketPath.isBlank() ? null : websocketPath);
		return "graphiql";
	}

}
