package io.featurecreep.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token read from the {@code Authorization} header without a regular expression (issue #15) is the token
 * Spring Security's resolver finds, and a header it refuses as malformed is refused the same way; only a blank header
 * or a bare "Bearer" means no token, for the original client.
 */
class BearerHeaderTest {

	private final BearerAuthentication.AuthorizationHeader ours = new BearerAuthentication.AuthorizationHeader();

	private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

	@Test
	void findsTheTokensSpringSecurityFindsAndRefusesWhatItRefuses() {
		List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc", "BeArEr a.b-c_d~e+f/g",
				"Bearer abc=", "Bearer abc==", "Bearer =", "Bearer abc=d", "Bearer  abc", "Bearer abc ", "Bearer abc\n",
				"Bearer a,b", "Bearer a b", "Bearerabc", "Bearer\tabc", "Basic dXNlcjpwYXNz", "Token abc", "DPoP abc",
				"Bearer ünï", "Bearer \u212Aelvin", "Bearer fcp_0123456789abcdef", "bearer", "BEARER  x"));
		Random random = new Random(6750);
		String alphabet = "aZ09-._~+/=, \t;:!\"#$%&'()*<>?@[\\]^`{|}\u00e9\u212a";
		for (int i = 0; i < 20_000; i++) {
			StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "bearer ");
			int length = random.nextInt(6);
			for (int j = 0; j < length; j++) {
				header.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			headers.add(header.toString());
		}
		for (String header : headers) {
			if (header.isBlank() || header.strip().equalsIgnoreCase("bearer")) {
				continue; // no token for the original client, below
			}
			MockHttpServletRequest request = request(header);
			Throwable springRefusal = catchThrowable(() -> spring.resolve(request));
			Throwable ourRefusal = catchThrowable(() -> ours.resolve(request));
			if (springRefusal == null) {
				assertThat(ourRefusal).as(header).isNull();
				assertThat(ours.resolve(request)).as(header).isEqualTo(spring.resolve(request));
			}
			else {
				assertThat(ourRefusal).as(header).isInstanceOf(OAuth2AuthenticationException.class);
				assertThat(((OAuth2AuthenticationException) ourRefusal).getError().getDescription()).as(header)
					.isEqualTo(((OAuth2AuthenticationException) springRefusal).getError().getDescription());
				assertThat(((OAuth2AuthenticationException) ourRefusal).getError().getErrorCode()).as(header)
					.isEqualTo(((OAuth2AuthenticationException) springRefusal).getError().getErrorCode());
			}
		}
	}

	@Test
	void noHeaderABlankOneOrABareSchemeIsNoToken() {
		assertThat(ours.resolve(new MockHttpServletRequest("POST", "/graphql"))).isNull();
		for (String header : List.of("", "  ", "Bearer", "bearer", " Bearer ", "BEARER ")) {
			assertThat(ours.resolve(request(header))).as("[%s]", header).isNull();
		}
	}

	private static MockHttpServletRequest request(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
		request.addHeader("Authorization", header);
		return request;
	}

}
