package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;

/**
 * What no page accepts, whichever handler would read it: the NUL character anywhere in a form or query string (the
 * sign-in form included), and curly braces in an address (a redirect back to it read them as a URI template: 500).
 */
@FeatureCreepTest
class UnstorableTextTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNulInAFormIsABadRequestAndNothingIsStored() throws Exception {
		String owner = api.newPerson("Owner").id();
		int before = jdbc.sql("select count(*) from squad").query(Integer.class).single();

		int status = mvc.perform(post("/squads").param("name", "a\u0000b").with(user(owner)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();

		assertThat(status).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from squad").query(Integer.class).single()).isEqualTo(before);
		assertThat(mvc.perform(post("/signin").param("email", "a\u0000@example.org").param("password", "x").with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus()).as("before sign-in looks the address up").isEqualTo(400);
	}

	@Test
	void curlyBracesInAnAddressAreABadRequestNotATemplate() throws Exception {
		String owner = api.newPerson("Owner").id();
		for (String path : new String[] { "/squads/$%7B7*7%7D/channels", "/join/%7B7*7%7D" }) {
			assertThat(mvc.perform(post(java.net.URI.create(path)).with(user(owner)).with(csrf())).andReturn().getResponse().getStatus())
				.as(path)
				.isEqualTo(400);
		}
		assertThat(mvc.perform(get(java.net.URI.create("/squads/%7B7*7%7D")).with(user(owner))).andReturn().getResponse().getStatus())
			.isEqualTo(400);
	}

}
