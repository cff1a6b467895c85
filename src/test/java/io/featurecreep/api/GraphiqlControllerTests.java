package io.featurecreep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * /graphiql works without internet access: every script and stylesheet it loads comes from the
 * application itself, and no script is inline (a {@code script-src 'self'} policy must allow it).
 */
@SpringBootTest
@AutoConfigureMockMvc
class GraphiqlControllerTests {

	private static final Pattern ASSET = Pattern.compile("<(?:script|link)\\b[^>]*?\\b(?:src|href)=\"([^\"]*)\"");

	private static final Pattern ANY_URL = Pattern.compile("\\b(?:src|href|action)=\"([^\"]*)\"");

	@Autowired
	MockMvc mvc;

	String page;

	@BeforeEach
	void loadPage() throws Exception {
		page = mvc.perform(get("/graphiql"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void pageLoadsReactGraphiqlAndItsOwnScriptAndStyles() {
		assertThat(matches(ASSET, page)).anySatisfy(url -> assertThat(url).matches("/webjars/react/[^/]+/umd/react\\.production\\.min\\.js"))
			.anySatisfy(url -> assertThat(url).matches("/webjars/react-dom/[^/]+/umd/react-dom\\.production\\.min\\.js"))
			.anySatisfy(url -> assertThat(url).matches("/webjars/graphiql/[^/]+/graphiql\\.min\\.js"))
			.anySatisfy(url -> assertThat(url).matches("/webjars/graphiql/[^/]+/graphiql\\.min\\.css"))
			.anySatisfy(url -> assertThat(url).matches("/graphiql/graphiql-page-[0-9a-f]{32}\\.js"))
			.anySatisfy(url -> assertThat(url).matches("/graphiql/graphiql-page-[0-9a-f]{32}\\.css"));
	}

	@Test
	void pageReferencesOnlyLocalUrls() {
		assertThat(matches(ANY_URL, page)).isNotEmpty()
			.allSatisfy(url -> assertThat(url).startsWith("/").doesNotStartWith("//"));
		assertThat(page).doesNotContainPattern("(?i)\\b(?:https?:)?//[a-z0-9.-]+\\.[a-z]{2,}[/\"']");
	}

	@Test
	void everyAssetThePageLoadsIsServed() throws Exception {
		for (String url : matches(ASSET, page)) {
			MvcResult result = mvc.perform(get(url)).andExpect(status().isOk()).andReturn();
			assertThat(result.getResponse().getContentAsByteArray()).as(url).isNotEmpty();
			assertThat(result.getResponse().getContentType()).as(url)
				.containsAnyOf("javascript", "text/css", "image/");
		}
	}

	@Test
	void stylesheetsImportNothingFromOutside() throws Exception {
		for (String url : matches(ASSET, page)) {
			if (url.endsWith(".css")) {
				String css = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
				assertThat(css).as(url).doesNotContainPattern("(?i)url\\(\\s*['\"]?(?:https?:)?//").doesNotContain("@import");
			}
		}
	}

	/**
	 * GraphiQL's style sheet embeds its fonts as {@code data:} URLs, which the strict policy refused (34 errors in
	 * the browser's console on every visit): its page alone may load fonts so, and nothing else changes.
	 */
	@Test
	void thePageMayUseTheFontsItsStyleSheetEmbedsAndOnlyThatPage() throws Exception {
		String graphiql = mvc.perform(get("/graphiql")).andReturn().getResponse().getHeader("Content-Security-Policy");
		assertThat(graphiql).contains("font-src 'self' data:;").contains("script-src 'self';").doesNotContain("unsafe-eval");
		String other = mvc.perform(get("/signin")).andReturn().getResponse().getHeader("Content-Security-Policy");
		assertThat(other).contains("font-src 'self';").doesNotContain("font-src 'self' data:");
		assertThat(graphiql.replace("font-src 'self' data:;", "font-src 'self';")).isEqualTo(other);
	}

	@Test
	void pageHasAnIconSoBrowsersDoNotGuessOne() {
		assertThat(matches(ASSET, page)).anySatisfy(url -> assertThat(url).matches("/favicon-[0-9a-f]{32}\\.svg"));
	}

	@Test
	void pageHasNoInlineScript() {
		assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContainPattern("(?i)\\son[a-z]+=");
	}

	@Test
	void pageTellsTheScriptWhereGraphqlIsAndWhichCsrfTokenToSend() {
		assertThat(page).contains("<meta name=\"graphql-path\" content=\"/graphql\">")
			.contains("<meta name=\"graphql-ws-path\" content=\"/graphql-ws\">")
			.contains("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\">")
			.containsPattern("<meta name=\"_csrf\" content=\"[^\"]{16,}\">");
	}

	private static List<String> matches(Pattern pattern, String text) {
		Matcher matcher = pattern.matcher(text);
		return matcher.results().map(result -> result.group(1)).toList();
	}

}
