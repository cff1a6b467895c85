package io.featurecreep.identity;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation's audit log, newest first, a page at a time, in the reader's language. Admins only. */
@Controller
class AuditLogPages {

	static final int AUDIT_PAGE = 50;

	private final AuditLog audit;

	private final People people;

	private final AuditTexts auditTexts;

	AuditLogPages(AuditLog audit, People people, AuditTexts auditTexts) {
		this.audit = audit;
		this.people = people;
		this.auditTexts = auditTexts;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "0") String page, Principal principal, Model model, Locale locale) {
		int number = page.matches("\\d{1,6}") ? Math.min(Integer.parseInt(page), AuditLog.MAX_OFFSET / AUDIT_PAGE) : 0;
		AuditLog.Page entries = audit.newestFirst(Callers.id(principal), number * AUDIT_PAGE, AUDIT_PAGE);
		Map<String, Person> named = people.findAllById(entries.entries()
			.stream()
			.flatMap(entry -> Stream.of(entry.actorId(), entry.subjectId()))
			.filter(Objects::nonNull)
			.distinct()
			.toList());
		model.addAttribute("entries", entries.entries()
			.stream()
			.map(entry -> new AuditLine(entry, auditTexts.describe(entry, named, locale)))
			.toList());
		model.addAttribute("page", number);
		model.addAttribute("hasMore", entries.hasMore());
		return "identity/admin-audit";
	}

	/** An audit entry and what it says, with the names of who did it and to whom, in the reader's language. */
	record AuditLine(AuditLog.AuditEntry entry, String text) {
	}

}
