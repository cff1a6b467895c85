package io.featurecreep.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/** Starting the in-process OIDC issuer that stands in for Cognito, Keycloak and the like in tests. */
public final class MockIssuers {

	private MockIssuers() {
	}

	/**
	 * Starts the issuer and fetches its discovery document once. Without that first request from the test, the
	 * application's own first discovery request (made lazily, from a request thread) was accepted by the mock
	 * server but never answered on these machines, and timed out.
	 */
	public static MockOAuth2Server started(MockOAuth2Server issuer, String issuerId) {
		issuer.start();
		URI discovery = URI.create(issuer.issuerUrl(issuerId) + "/.well-known/openid-configuration");
		try (HttpClient http = HttpClient.newHttpClient()) {
			HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.discarding());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The mock issuer answered " + response.statusCode());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("The mock issuer did not answer", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return issuer;
	}

}
