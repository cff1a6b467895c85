package io.featurecreep.identity;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The OIDC providers people may sign in with, from Boot's {@code spring.security.oauth2.client.*} settings. Unlike
 * Boot's in-memory repository it may be empty: it is always a bean, so that whether OIDC sign-in is on is decided at
 * run time (Spring AOT fixes conditions when the jar is built), and the sign-in setup looks at {@link #isEmpty()}.
 */
final class ClientRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

	private final Map<String, ClientRegistration> byId;

	ClientRegistrations(Map<String, ClientRegistration> byId) {
		this.byId = new LinkedHashMap<>(byId);
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		return byId.get(registrationId);
	}

	@Override
	public Iterator<ClientRegistration> iterator() {
		return byId.values().iterator();
	}

	boolean isEmpty() {
		return byId.isEmpty();
	}

}
