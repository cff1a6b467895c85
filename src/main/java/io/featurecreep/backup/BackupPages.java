package io.featurecreep.backup;

import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.featurecreep.identity.Accounts;
import io.featurecreep.identity.Callers;
import io.featurecreep.library.LibrarySearchIndex;
import io.featurecreep.shared.DomainException;
import io.featurecreep.shared.ErrorCode;

/**
 * The admin page for backups: download the whole installation, or upload a backup into a new one. Organisation
 * admins only. An upload replaces the importing admin's own first account too, so they are signed out afterwards
 * and sign in again with an account from the backup. A refused import is shown in the admin's language
 * ({@link ImportRefused} carries a key); the API and the command line keep its English.
 */
@Controller
class BackupPages {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

	private final InstallationExport export;

	private final InstallationImport importer;

	private final InstallationFacts facts;

	private final Accounts accounts;

	private final LibrarySearchIndex library;

	private final Clock clock;

	private final MessageSource messages;

	BackupPages(InstallationExport export, InstallationImport importer, InstallationFacts facts, Accounts accounts,
			LibrarySearchIndex library, ObjectProvider<Clock> clock, MessageSource messages) {
		this.export = export;
		this.importer = importer;
		this.facts = facts;
		this.accounts = accounts;
		this.library = library;
		this.clock = clock.getIfAvailable(Clock::systemUTC);
		this.messages = messages;
	}

	@GetMapping("/admin/backup")
	String page(Principal principal, Model model) {
		requireAdmin(principal, "backup.refused.adminsOnly.see");
		model.addAttribute("schemaVersion", facts.schemaVersion());
		model.addAttribute("appVersion", facts.appVersion());
		model.addAttribute("fingerprint", facts.anonymityKeyFingerprint());
		return "backup/admin-backup";
	}

	/** Streamed as it is read: an installation of any size, in little memory. */
	@GetMapping("/admin/backup/export")
	void download(Principal principal, HttpServletResponse response) throws IOException {
		requireAdmin(principal, "backup.refused.adminsOnly.download");
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename("feature-creep-" + FILE_TIME.format(clock.instant()) + ".zip")
			.build()
			.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		export.writeTo(response.getOutputStream());
	}

	@PostMapping("/admin/backup/import")
	String upload(@RequestParam(required = false) MultipartFile file, Principal principal, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Locale locale) throws IOException {
		String callerId = requireAdmin(principal, "backup.refused.adminsOnly.import");
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problem", messages.getMessage("backup.import.noFile", null, locale));
			return "redirect:/admin/backup";
		}
		try (InputStream in = file.getInputStream()) {
			importer.importFrom(in, new InstallationImport.Occupant(callerId));
		}
		catch (ImportRefused refused) {
			redirect.addFlashAttribute("problem", refused.messageIn(messages, locale));
			return "redirect:/admin/backup";
		}
		library.rebuildEverywhere();
		// the caller's account was part of what the import replaced
		new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
		return "redirect:/signin?imported";
	}

	private String requireAdmin(Principal principal, String adminsOnlyKey) {
		String callerId = Callers.id(principal);
		if (!accounts.isOrganisationAdmin(callerId)) {
			throw DomainException.of(ErrorCode.FORBIDDEN, adminsOnlyKey);
		}
		return callerId;
	}

}
