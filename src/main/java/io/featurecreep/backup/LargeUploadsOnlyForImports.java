package io.featurecreep.backup;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import io.featurecreep.identity.Accounts;

/**
 * The multipart limit must be as large as a backup, but only an organisation admin importing one may send that
 * much: anyone else's multipart body over {@value #ORDINARY_LIMIT} bytes (or of unknown length) is refused before
 * it is read. It has to run before the CSRF check, which reads the form and so the whole body, and after the
 * session's sign-in is known.
 */
final class LargeUploadsOnlyForImports extends OncePerRequestFilter {

	/** Spring Boot's own default for a multipart file. */
	static final long ORDINARY_LIMIT = 1024 * 1024;

	static final String IMPORT_PATH = "/admin/backup/import";

	private final Accounts accounts;

	LargeUploadsOnlyForImports(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (multipart(request) && (length < 0 || length > ORDINARY_LIMIT) && !adminImporting(request)) {
			response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
	}

	private boolean adminImporting(HttpServletRequest request) {
		if (!HttpMethod.POST.matches(request.getMethod())
				|| !IMPORT_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			return false;
		}
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return caller != null && caller.isAuthenticated() && accounts.isOrganisationAdmin(caller.getName());
	}

}
