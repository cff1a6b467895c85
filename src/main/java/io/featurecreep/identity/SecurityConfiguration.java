package io.featurecreep.identity;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import io.featurecreep.identity.SignInMetrics.Method;

/**
 * Who may reach what over HTTP, and how every way of signing in ends with an authentication whose name is
 * the person id: form sign-in (local accounts), OIDC sign-in (when a client registration is configured),
 * bearer tokens (personal access tokens and JWTs), and the dev profile's demo person.
 * GraphQL decides per operation, so {@code /graphql} itself is open to everyone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String GRAPHQL = "/graphql";

	private static final String SIGN_IN_FAILED = "/signin?error";

	/**
	 * Where Slack and Discord send interactions: no session and no CSRF token, as every request there must carry its
	 * chat's signature, which the chat module checks on the raw body before anything else.
	 */
	private static final String SLACK_INTERACTIONS = "/integrations/slack/interactions";

	private static final String DISCORD_INTERACTIONS = "/integrations/discord/interactions";

	private static final String[] OPEN = { GRAPHQL, "/graphql-ws", "/graphiql", "/graphiql/**", "/webjars/**", "/css/**", "/js/**",
			"/favicon*.ico", "/favicon*.svg", "/error", "/actuator/health/**", "/signin", "/signup", "/invitations/*", "/",
			SignInThrottle.REFUSED_PATH, "/password-reset", "/password-reset/*", "/language", SLACK_INTERACTIONS,
			DISCORD_INTERACTIONS };

	/** bcrypt for new hashes; the {id} prefix lets a later default take over without a mass reset. */
	@Bean
	static PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SessionSignIn sessions, AccessTokens accessTokens,
			ExternalSignIn externalSignIn, ObjectProvider<JwtDecoder> jwtDecoder,
			ClientRegistrations clientRegistrations, ObjectProvider<DevMode> devMode,
			CorsSettings cors, HeaderSettings headers, SignInThrottle signInThrottle, SignInTimes signInTimes,
			SignInMetrics metrics,
			@Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) throws Exception {
		BearerAuthentication bearer = new BearerAuthentication(
				authentication -> AccessTokenAuthentication.authenticate(accessTokens, authentication),
				jwtAuthentication(jwtDecoder.getIfAvailable(), externalSignIn));
		RequestMatcher graphQl = PathPatternRequestMatcher.pathPattern(GRAPHQL);
		boolean dev = devMode.getIfAvailable() != null;

		http.authorizeHttpRequests(requests -> requests.requestMatchers(OPEN).permitAll().anyRequest().authenticated());
		http.securityContext(context -> context.securityContextRepository(sessions.contextRepository()));
		http.requestCache(cache -> cache.requestCache(sessions.requestCache()));
		http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
		// Requests with a bearer token need no CSRF token: the resource server exempts them itself, using the
		// same token resolver as for authentication (so a blank Authorization header is no exemption).
		http.csrf(csrf -> csrf.csrfTokenRepository(sessions.csrfTokenRepository())
			.ignoringRequestMatchers(request -> graphQl.matches(request) && (dev || !signedInBySession(request)))
			.ignoringRequestMatchers(SLACK_INTERACTIONS, DISCORD_INTERACTIONS));
		http.cors(corsConfig -> corsConfig.configurationSource(corsForGraphQl(cors)));
		http.formLogin(form -> form.loginPage("/signin")
			.loginProcessingUrl("/signin")
			.usernameParameter("email")
			.passwordParameter("password")
			.successHandler(signInThrottle.onSuccess(SessionSignIn.HOME, sessions.requestCache()))
			.failureHandler(metrics.counting(Method.PASSWORD, new SimpleUrlAuthenticationFailureHandler(SIGN_IN_FAILED))));
		// attempts are counted before the password is checked; sessions older than a password change end
		http.addFilterBefore(signInThrottle.filter(), UsernamePasswordAuthenticationFilter.class);
		http.addFilterAfter(signInTimes.filter(), CsrfFilter.class);
		http.logout(logout -> logout.logoutUrl("/signout")
			.logoutSuccessUrl("/signin?signedout")
			.invalidateHttpSession(true)
			.clearAuthentication(true)
			.deleteCookies(sessionCookie));
		http.oauth2ResourceServer(resourceServer -> resourceServer.bearerTokenResolver(bearer.tokenResolver())
			.authenticationManagerResolver(bearer)
			.authenticationEntryPoint(metrics.counting(GraphQlSecurityErrors.unauthenticated())));
		if (!clientRegistrations.isEmpty()) {
			http.oauth2Login(login -> login.loginPage("/signin")
				.defaultSuccessUrl(SessionSignIn.HOME)
				.failureHandler(metrics.counting(Method.PROVIDER, new SimpleUrlAuthenticationFailureHandler(SIGN_IN_FAILED)))
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(new PersonOidcUserService(externalSignIn))
					.userService(PersonOidcUserService.refusePlainOAuth2())));
		}
		// htmx requests of a page whose sign-in has ended: send the whole page to sign-in, not a fragment
		RequestMatcher htmx = request -> request.getHeader("HX-Request") != null;
		http.exceptionHandling(exceptions -> exceptions
			.defaultAccessDeniedHandlerFor(GraphQlSecurityErrors.forbidden(), graphQl)
			.defaultAuthenticationEntryPointFor((request, response, refused) -> {
				response.setHeader("HX-Redirect", request.getContextPath() + "/signin");
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			}, htmx));
		// HSTS goes only with responses over TLS (RFC 6797); behind a TLS proxy Tomcat must know the original
		// scheme (server.forward-headers-strategy=native)
		// one policy for every response but the GraphiQL page's, whose style sheet embeds its fonts (HeaderSettings)
		RequestMatcher graphiql = PathPatternRequestMatcher.pathPattern("/graphiql");
		http.headers(header -> header
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(graphiql,
					new ContentSecurityPolicyHeaderWriter(headers.graphiqlContentSecurityPolicy())))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(graphiql),
					new ContentSecurityPolicyHeaderWriter(headers.contentSecurityPolicy())))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(headers.permissionsPolicy()))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
				.includeSubDomains(true)));
		if (dev) {
			http.addFilterBefore(devMode.getObject().filter(), AnonymousAuthenticationFilter.class);
		}
		return http.build();
	}

	/**
	 * Spring Security's timings per filter and per authentication are switched off
	 * ({@code management.observations.enable.spring.security=false}), but its filter chain still wrapped every filter
	 * to ask for one on every request (issue #15). Without observations to make, the chain runs its filters as they
	 * are. The per-request timing ({@code http.server.requests}) is not Security's and stays.
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring Security's firewall with its own rules, checked without regular expressions ({@link HeaderCharacters}). */
	@Bean
	static WebSecurityCustomizer firewall() {
		return HeaderCharacters.firewall();
	}

	/** JWTs need an issuer or key configured through Boot's standard resource-server properties. */
	private static AuthenticationManager jwtAuthentication(JwtDecoder decoder, ExternalSignIn externalSignIn) {
		if (decoder == null) {
			return authentication -> {
				throw new InvalidBearerTokenException("No JWT issuer is configured");
			};
		}
		JwtAuthenticationProvider provider = new JwtAuthenticationProvider(new VerifiedJwts(decoder));
		provider.setJwtAuthenticationConverter(new PersonJwtConverter(externalSignIn));
		return provider::authenticate;
	}

	/**
	 * A forged cross-site request can only do harm by riding on a signed-in session; a request without one
	 * acts as nobody, and GraphQL refuses it with its own message, so it needs no CSRF token.
	 */
	private static boolean signedInBySession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null
				&& session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
	}

	private static CorsConfigurationSource corsForGraphQl(CorsSettings settings) {
		CorsConfiguration config = new CorsConfiguration();
		config.setAllowedOrigins(settings.allowedOrigins());
		config.setAllowedHeaders(List.of("authorization", "content-type"));
		config.setAllowedMethods(List.of("POST", "GET", "OPTIONS"));
		config.setAllowCredentials(false);
		config.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(GRAPHQL, config);
		return source;
	}

}
