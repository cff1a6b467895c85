package io.featurecreep.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which differences between build and start stop a Spring AOT start (AotStartIT starts the real jar). */
class BuildTimeSettingsTest {

	@Test
	void theSettingsAnOperatorDecidesAtStartAreNoDifference() {
		MockEnvironment built = new MockEnvironment().withProperty("spring.graphql.websocket.path", "/graphql-ws");
		MockEnvironment started = new MockEnvironment().withProperty("spring.graphql.websocket.path", "/graphql-ws")
			.withProperty("spring.data.redis.url", "redis://redis:6379")
			.withProperty("spring.mail.host", "smtp.example.org")
			.withProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri", "https://issuer.example.org")
			.withProperty("server.forward-headers-strategy", "native");
		assertThat(BuildTimeSettings.differences(BuildTimeSettings.of(built), BuildTimeSettings.of(started))).isEmpty();
	}

	@Test
	void aManagementPortSpringsOwnForwardedHeadersOrAnotherProfileAreNamed() {
		MockEnvironment started = new MockEnvironment().withProperty("management.server.port", "9090")
			.withProperty("server.forward-headers-strategy", "framework");
		started.setActiveProfiles("dev");
		assertThat(BuildTimeSettings.differences(BuildTimeSettings.of(new MockEnvironment()), BuildTimeSettings.of(started)))
			.containsExactly("(active profiles): built with '', set now to 'dev'",
					"server.forward-headers-strategy is framework: built with 'false', set now to 'true'",
					"management.server.port: built with '', set now to '9090'");
	}

}
