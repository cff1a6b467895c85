package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.featurecreep.support.FeatureCreepTest;
import io.featurecreep.support.GraphQlApi;

/**
 * Style sheets and scripts travel under addresses that change with their content, so browsers keep them for a year
 * and still fetch a new release at once; pages are never cached. Every response denies powerful browser features,
 * and one over TLS tells the browser to use TLS only.
 */
@FeatureCreepTest
class StaticFilesTests {

	static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css/|js/|webjars/|favicon)[^\"]+)\"");

	static final String A_YEAR = "max-age=31536000, public, immutable";

	@Autowired
	MockMvc mvc;

	@Autowired
	GraphQlApi api;

	@Test
	void pagesLinkTheirOwnStyleSheetAndScriptsUnderContentVersionedAddresses() throws Exception {
		List<String> assets = assets(get("/signin"));

		assertThat(assets).anySatisfy(path -> assertThat(path).matches("/css/app-[0-9a-f]{32}\\.css"))
			.anySatisfy(path -> assertThat(path).matches("/js/app-[0-9a-f]{32}\\.js"))
			.anySatisfy(path -> assertThat(path).matches("/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min(-[0-9a-f]{32})?\\.js"));
	}

	@Test
	void versionedFilesAreServedToAnyoneAndKeptForAYearWithoutAskingAgain() throws Exception {
		for (String asset : assets(get("/signin"))) {
			MockHttpServletResponse file = mvc.perform(get(asset)).andReturn().getResponse();

			assertThat(file.getStatus()).as(asset).isEqualTo(200);
			assertThat(file.getHeader("Cache-Control")).as(asset).isEqualTo(A_YEAR);
			assertThat(file.getHeader("Pragma")).as(asset).isNull();
		}
	}

	/** Old links and scripts may name a file without its version: it is still there (issue #15 moved the handlers). */
	@Test
	void filesAreAlsoServedUnderTheirPlainAddresses() throws Exception {
		for (String asset : List.of("/css/app.css", "/js/app.js", "/graphiql/graphiql-page.css", "/favicon.svg")) {
			assertThat(mvc.perform(get(asset)).andReturn().getResponse().getStatus()).as(asset).isEqualTo(200);
		}
	}

	/** Browsers ask for /favicon.ico on pages without an icon link (and some on every site): it was a 404. */
	@Test
	void theIconIsAlsoServedWhereBrowsersLookForIt() throws Exception {
		MockHttpServletResponse icon = mvc.perform(get("/favicon.ico")).andReturn().getResponse();

		assertThat(icon.getStatus()).isEqualTo(200);
		assertThat(icon.getContentType()).isIn("image/x-icon", "image/vnd.microsoft.icon");
		assertThat(icon.getContentAsByteArray()).startsWith(0, 0, 1, 0);
		assertThat(icon.getHeader("Cache-Control")).as("its address never changes").doesNotContain("immutable");
		assertThat(assets(get("/signin"))).anySatisfy(path -> assertThat(path).matches("/favicon-[0-9a-f]{32}\\.svg"))
			.anySatisfy(path -> assertThat(path).matches("/favicon-[0-9a-f]{32}\\.ico"));
	}

	@Test
	void pagesAreNotCached() throws Exception {
		MockHttpServletResponse page = mvc.perform(get("/signin")).andReturn().getResponse();

		assertThat(page.getHeader("Cache-Control")).contains("no-store");
	}

	@Test
	void everyResponseDeniesPowerfulBrowserFeatures() throws Exception {
		String person = api.newPerson("Policy").id();
		for (MockHttpServletRequestBuilder request : List.of(get("/signin"), get("/css/app.css"), get("/no/such/page"),
				get("/workspace").with(user(person)), post("/graphql").contentType(MediaType.APPLICATION_JSON)
					.content("{\"query\": \"{ ping }\"}"))) {
			String policy = mvc.perform(request).andReturn().getResponse().getHeader("Permissions-Policy");

			assertThat(policy).as(request.toString())
				.contains("camera=()", "microphone=()", "geolocation=()", "payment=()", "usb=()");
		}
	}

	@Test
	void aResponseOverTlsTellsTheBrowserToUseTlsOnly() throws Exception {
		MockHttpServletResponse secure = mvc.perform(get("/signin").secure(true)).andReturn().getResponse();
		MockHttpServletResponse plain = mvc.perform(get("/signin")).andReturn().getResponse();

		assertThat(secure.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
		assertThat(plain.getHeader("Strict-Transport-Security")).as("only over TLS (RFC 6797)").isNull();
	}

	private List<String> assets(MockHttpServletRequestBuilder page) throws Exception {
		String html = mvc.perform(page).andReturn().getResponse().getContentAsString();
		List<String> paths = new ArrayList<>();
		Matcher matcher = ASSET.matcher(html);
		while (matcher.find()) {
			paths.add(matcher.group(1));
		}
		assertThat(paths).isNotEmpty();
		return paths;
	}

}
