package io.featurecreep.identity;

import java.security.Principal;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.featurecreep.identity.Accounts.ProfileChange;
import io.featurecreep.shared.Language;

/** The original API's person operations, plus {@code me} and the caller's language. */
@Controller
class PersonGraphQlController {

	private final People people;

	private final Accounts accounts;

	private final PersonVisibility visibility;

	PersonGraphQlController(People people, Accounts accounts, PersonVisibility visibility) {
		this.people = people;
		this.accounts = accounts;
		this.visibility = visibility;
	}

	@QueryMapping
	String ping() {
		return "PONG!";
	}

	/** Without an id: the caller. With one: that person, if they share a squad with the caller, else null. */
	@QueryMapping
	Person person(@Argument String id, Principal principal) {
		String callerId = Callers.id(principal);
		if (id == null || id.isEmpty()) {
			return people.findById(callerId).orElse(null);
		}
		return visibility.canSee(callerId, id) ? people.findById(id).orElse(null) : null;
	}

	@QueryMapping
	Person me(Principal principal) {
		return people.findById(Callers.id(principal)).orElse(null);
	}

	/** Merges the given fields into the caller's profile: absent fields stay, null clears. */
	@MutationMapping
	Person editPerson(@Argument("person") Map<String, Object> person, Principal principal) {
		Map<String, Object> fields = person == null ? Map.of() : person;
		ProfileChange change = new ProfileChange(fields.containsKey("firstName"), (String) fields.get("firstName"),
				fields.containsKey("lastName"), (String) fields.get("lastName"), fields.containsKey("email"),
				(String) fields.get("email"));
		return accounts.editProfile(Callers.id(principal), change);
	}

	/** Null follows the browser; another tag than ours is refused. */
	@MutationMapping
	Person setMyLocale(@Argument String locale, Principal principal) {
		String callerId = Callers.id(principal);
		people.chooseLanguage(callerId, Language.chosen(locale).orElse(null));
		return people.findById(callerId).orElse(null);
	}

	/** A person's language is their own business: null for everyone else. */
	@SchemaMapping(typeName = "Person")
	String locale(Person person, Principal principal) {
		String callerId = PageLanguage.signedIn(principal);
		if (callerId == null || !callerId.equals(person.id())) {
			return null;
		}
		return people.chosenLanguage(person.id()).map(Language::tag).orElse(null);
	}

	@SchemaMapping(typeName = "Person")
	String displayName(Person person) {
		return person.displayName();
	}

	@SchemaMapping(typeName = "Person")
	Boolean profileComplete(Person person) {
		return person.profileComplete();
	}

}
