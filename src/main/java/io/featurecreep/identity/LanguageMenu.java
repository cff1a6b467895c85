package io.featurecreep.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.featurecreep.shared.Language;
import io.featurecreep.shared.PageFrame;

/**
 * What the language menu at the foot of every page needs: the languages ({@code frameLanguages}), the reader's
 * choice ({@code frameLanguage}: a tag, or empty to follow the browser) and the page to come back to ({@code frameReturnTo}, only for pages a browser can
 * load again: a page shown in answer to a form has none, and the menu then leads to the workspace). htmx fragment
 * requests render no frame and skip it.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageMenu implements PageFrame {

	private static final List<Language> LANGUAGES = List.of(Language.values());

	private final PageLanguage pageLanguage;

	LanguageMenu(PageLanguage pageLanguage) {
		this.pageLanguage = pageLanguage;
	}

	@ModelAttribute
	void frame(HttpServletRequest request, org.springframework.ui.Model model) {
		model.addAllAttributes(attributes(request));
	}

	@Override
	public Map<String, Object> attributes(HttpServletRequest request) {
		if (HtmxRequests.fromHtmx(request)) {
			return Map.of();
		}
		Map<String, Object> frame = new HashMap<>();
		frame.put("frameLanguages", LANGUAGES);
		frame.put("frameLanguage", pageLanguage.choice(request).map(Language::tag).orElse(""));
		String returnTo = returnTo(request);
		if (returnTo != null) {
			frame.put("frameReturnTo", returnTo);
		}
		return frame;
	}

	private static String returnTo(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return null;
		}
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed) {
			return withoutContextPath(failed, request);
		}
		String query = request.getQueryString();
		return withoutContextPath(request.getRequestURI(), request) + (query == null ? "" : "?" + query);
	}

	private static String withoutContextPath(String uri, HttpServletRequest request) {
		String context = request.getContextPath();
		return !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

}
