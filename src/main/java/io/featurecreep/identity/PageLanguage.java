package io.featurecreep.identity;

import java.security.Principal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;

import io.featurecreep.shared.Language;

/**
 * Which language a page speaks: the signed-in person's choice (their profile), else the choice made in this browser
 * before signing in (a cookie), else the browser's {@code Accept-Language} (its first language we write, regions
 * ignored: {@code de-CH} is German), else English. Spring MVC asks it for every request, so messages, Thymeleaf and
 * {@code LocaleContextHolder} all follow it.
 * <p>
 * GraphQL speaks English whoever calls it, so the API's requests skip the person and the cookie: there only an
 * {@code Accept-Language} sent with the request counts (the default indicators' texts follow it).
 * <p>
 * Spring's {@code CookieLocaleResolver} cannot come first to the profile, nor make the cookie Secure only over
 * TLS, which is why this is written here.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
class PageLanguage implements LocaleResolver {

	static final String COOKIE = "fc_lang";

	private static final Duration REMEMBERED = Duration.ofDays(365);

	/** Resolved once per request: Spring asks again for every message, and the profile is in the database. */
	private static final String RESOLVED = PageLanguage.class.getName() + ".resolved";

	private static final String CHOICE = PageLanguage.class.getName() + ".choice";

	private final People people;

	private final String graphqlPath;

	private final String websocketPath;

	PageLanguage(People people, @Value("${spring.graphql.http.path:/graphql}") String graphqlPath,
			@Value("${spring.graphql.websocket.path:}") String websocketPath) {
		this.people = people;
		this.graphqlPath = graphqlPath;
		this.websocketPath = websocketPath;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(RESOLVED) instanceof Locale resolved) {
			return resolved;
		}
		Optional<Language> chosen = api(request) ? Optional.empty() : choice(request);
		Locale locale = chosen.or(() -> browser(request)).orElse(Language.DEFAULT).locale();
		request.setAttribute(RESOLVED, locale);
		return locale;
	}

	/**
	 * Remembers the language in this browser for a year (a {@link Locale} of another language is none: the browser's
	 * language counts again), and speaks it for the rest of the request.
	 */
	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Optional<Language> language = Language.of(locale);
		String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, language.map(Language::tag).orElse(""))
			.path(path)
			.maxAge(language.isPresent() ? REMEMBERED : Duration.ZERO)
			.sameSite("Lax")
			.httpOnly(true)
			.secure(request.isSecure())
			.build();
		if (response != null) {
			response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		}
		request.setAttribute(CHOICE, language);
		request.removeAttribute(RESOLVED);
	}

	/**
	 * What the reader chose: the signed-in person's language, else this browser's cookie. None means: follow the
	 * browser.
	 */
	@SuppressWarnings("unchecked")
	Optional<Language> choice(HttpServletRequest request) {
		if (request.getAttribute(CHOICE) instanceof Optional<?> known) {
			return (Optional<Language>) known;
		}
		String personId = signedIn(request.getUserPrincipal());
		Optional<Language> choice = (personId == null ? Optional.<Language>empty() : people.chosenLanguage(personId))
			.or(() -> cookie(request));
		request.setAttribute(CHOICE, choice);
		return choice;
	}

	private boolean api(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals(graphqlPath) || (!websocketPath.isBlank() && path.equals(websocketPath));
	}

	/**
	 * The browser's languages. Spring Security's firewall refuses to give out a header with control characters, and
	 * does so only when it is read: here that may be while an error page is being rendered, after the firewall's own
	 * handler could answer 400, so an unreadable header counts as none rather than failing the page.
	 */
	private static Optional<Language> browser(HttpServletRequest request) {
		try {
			return Language.bestMatch(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
		}
		catch (RequestRejectedException unreadable) {
			return Optional.empty();
		}
	}

	private static Optional<Language> cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return Optional.empty();
		}
		for (Cookie cookie : cookies) {
			if (COOKIE.equals(cookie.getName())) {
				return Language.ofTag(cookie.getValue());
			}
		}
		return Optional.empty();
	}

	static String signedIn(Principal principal) {
		return principal == null || principal instanceof AnonymousAuthenticationToken ? null : principal.getName();
	}

}
