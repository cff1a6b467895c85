package io.featurecreep.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Pages that show people to each other send those without a complete profile to onboarding first. */
public final class Onboarding {

	private Onboarding() {
	}

	/** A redirect to onboarding that comes back to {@code next}, if the person's profile is incomplete. */
	public static Optional<String> redirectIfIncomplete(Person person, String next) {
		if (person.profileComplete()) {
			return Optional.empty();
		}
		return Optional.of("redirect:/onboarding?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
	}

}
