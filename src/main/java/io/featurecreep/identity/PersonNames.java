package io.featurecreep.identity;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A person's name as pages and channel messages show it: {@link Person#displayName()}, except that the neutral
 * labels (an erased person, someone with neither name nor e-mail) are in the reader's language. Templates call it as
 * {@code ${@personNames.of(person)}}.
 */
@Component
public class PersonNames {

	private final MessageSource messages;

	PersonNames(MessageSource messages) {
		this.messages = messages;
	}

	/** In the language of the request being answered. */
	public String of(Person person) {
		return of(person, LocaleContextHolder.getLocale());
	}

	public String of(Person person, Locale language) {
		if (person.erased()) {
			return messages.getMessage("person.formerMember", null, language);
		}
		String name = person.displayName();
		return Person.UNNAMED.equals(name) ? messages.getMessage("person.unnamed", null, language) : name;
	}

}
