package io.featurecreep.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.featurecreep.identity.AuditLog.AuditEntry;

/**
 * An audit entry as a sentence in the reader's language. The log stores what happened as it always has (an action,
 * ids and a short detail, which the API returns as stored); this reads the details the identity module writes (a
 * sign-up mode, an invite's label, uses and days) and says them again in the reader's words. A detail it does not
 * recognise is shown as stored. People are named as everywhere; someone erased (or gone) as a former member, in the
 * reader's language too.
 */
@Component
class AuditTexts {

	/** {@code OrganisationInvites.describe}: an optional “label”, then one use or N uses, then maybe N day(s). */
	private static final Pattern INVITE = Pattern
		.compile("(?:\u201c(?<label>.*)\u201d, )?(?:one use|(?<uses>\\d{1,9}) uses)(?:, (?<days>\\d{1,9}) days?)?");

	/** {@code SignUpPolicies.change}: the mode, and for DOMAINS the domains after a colon. */
	private static final Pattern POLICY = Pattern.compile("(?<mode>INVITE|OPEN|DOMAINS|CLOSED)(?:: (?<domains>.*))?");

	private final MessageSource messages;

	AuditTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The entry's sentence; {@code named} holds the people it names who still exist. */
	String describe(AuditEntry entry, Map<String, Person> named, Locale locale) {
		String actor = name(entry.actorId(), named, locale);
		String subject = name(entry.subjectId(), named, locale);
		String detail = entry.detail() == null ? "" : entry.detail();
		return switch (entry.action()) {
			case SIGNUP_POLICY_CHANGED -> text("admin.audit.SIGNUP_POLICY_CHANGED", locale, actor, subject, policy(detail, locale));
			case INVITE_CREATED -> text("admin.audit.INVITE_CREATED", locale, actor, subject, invite(detail, locale));
			case INVITE_REVOKED -> text("admin.audit.INVITE_REVOKED", locale, actor, subject, invite(detail, locale));
			case PROMOTED -> text("admin.audit.PROMOTED", locale, actor, subject, detail);
			case DEMOTED -> text("admin.audit.DEMOTED", locale, actor, subject, detail);
			case DEACTIVATED -> text("admin.audit.DEACTIVATED", locale, actor, subject, detail);
			case REACTIVATED -> text("admin.audit.REACTIVATED", locale, actor, subject, detail);
			case ERASED -> text("admin.audit.ERASED", locale, actor, subject, detail);
			case RESET_LINK_CREATED -> text("admin.audit.RESET_LINK_CREATED", locale, actor, subject, detail);
			case SESSION_DISCARDED -> text("admin.audit.SESSION_DISCARDED", locale, actor, subject, detail);
			case ALERT_DISMISSED -> text("admin.audit.ALERT_DISMISSED", locale, actor, subject, detail);
		};
	}

	private String name(String personId, Map<String, Person> named, Locale locale) {
		if (personId == null) {
			return "";
		}
		Person person = named.get(personId);
		return person == null || person.erased() ? text("identity.audit.formerMember", locale) : person.displayName();
	}

	private String policy(String detail, Locale locale) {
		Matcher policy = POLICY.matcher(detail);
		if (!policy.matches()) {
			return detail;
		}
		return switch (policy.group("mode")) {
			case "INVITE" -> text("identity.audit.mode.invite", locale);
			case "OPEN" -> text("identity.audit.mode.open", locale);
			case "CLOSED" -> text("identity.audit.mode.closed", locale);
			default -> text("identity.audit.mode.domains", locale, policy.group("domains") == null ? "" : policy.group("domains"));
		};
	}

	private String invite(String detail, Locale locale) {
		Matcher invite = INVITE.matcher(detail);
		if (!invite.matches()) {
			return detail;
		}
		List<String> parts = new ArrayList<>();
		if (invite.group("label") != null) {
			parts.add(text("identity.audit.invite.label", locale, invite.group("label")));
		}
		String uses = invite.group("uses") == null ? "1" : invite.group("uses");
		parts.add(text("identity.audit.invite.uses", locale, Integer.parseInt(uses), uses));
		if (invite.group("days") != null) {
			parts.add(text("identity.audit.invite.days", locale, Integer.parseInt(invite.group("days")), invite.group("days")));
		}
		return String.join(", ", parts);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

}
