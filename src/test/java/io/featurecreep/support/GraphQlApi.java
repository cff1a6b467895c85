package io.featurecreep.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.Person;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the real GraphQL endpoint (security filters, interceptors, controllers, database) as a given person.
 * Only how the person signed in is simulated; the sign-in mechanisms have their own tests. Not a component (test
 * classes sit inside the application's package): tests bring it in with {@code @Import}.
 */
public class GraphQlApi {

	private final MockMvc mvc;

	private final Accounts accounts;

	private final JsonMapper json;

	public GraphQlApi(MockMvc mvc, Accounts accounts, JsonMapper json) {
		this.mvc = mvc;
		this.accounts = accounts;
		this.json = json;
	}

	/** A new person with a complete profile. */
	public Person newPerson(String firstName) {
		String subject = UUID.randomUUID().toString();
		return accounts.provisionExternal("https://issuer.test", subject,
				firstName.toLowerCase() + "-" + subject.substring(0, 8) + "@example.test", firstName, "Tester");
	}

	public Caller as(Person person) {
		return new Caller(person);
	}

	public Caller anonymous() {
		return new Caller(null);
	}

	/** Someone calling the API. */
	public final class Caller {

		private final Person person;

		/** The request's {@code Accept-Language} header; none when null. */
		private final String languages;

		Caller(Person person) {
			this(person, null);
		}

		private Caller(Person person, String languages) {
			this.person = person;
			this.languages = languages;
		}

		public Person person() {
			return person;
		}

		/** The same caller, sending {@code Accept-Language} with every request. */
		public Caller acceptingLanguage(String languages) {
			return new Caller(person, languages);
		}

		public GraphQlResponse execute(String document) {
			return execute(document, Map.of());
		}

		/** Variables as alternating names and values. */
		public GraphQlResponse execute(String document, Object... variables) {
			Map<String, Object> map = new LinkedHashMap<>();
			for (int i = 0; i < variables.length; i += 2) {
				map.put((String) variables[i], variables[i + 1]);
			}
			return execute(document, map);
		}

		public GraphQlResponse execute(String document, Map<String, Object> variables) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("query", document);
			body.put("variables", variables);
			return raw(json.writeValueAsString(body));
		}

		/** Posts any body, valid or not. */
		public GraphQlResponse raw(String body) {
			return raw(body, MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_JSON_VALUE);
		}

		/** Posts any body with any Content-Type (none when null) and Accept header, valid or not. */
		public GraphQlResponse raw(String body, String contentType, String accept) {
			MockHttpServletRequestBuilder request = post("/graphql").with(csrf())
				.header(HttpHeaders.ACCEPT, accept)
				.content(body);
			if (contentType != null) {
				request = request.header(HttpHeaders.CONTENT_TYPE, contentType);
			}
			if (person != null) {
				request = request.with(user(person.id()));
			}
			if (languages != null) {
				request = request.header(HttpHeaders.ACCEPT_LANGUAGE, languages);
			}
			try {
				MvcResult result = mvc.perform(request).andReturn();
				if (result.getRequest().isAsyncStarted()) {
					result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(result)).andReturn();
				}
				String content = result.getResponse().getContentAsString();
				return new GraphQlResponse(result.getResponse().getStatus(),
						content.isEmpty() ? json.createObjectNode() : json.readTree(content));
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
