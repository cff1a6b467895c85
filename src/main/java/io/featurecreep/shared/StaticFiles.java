package io.featurecreep.shared;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Style sheets, scripts and images under addresses that change with their content ({@code /css/app-<md5>.css};
 * WebJars also carry their version): browsers keep them for a year without asking again, and still fetch a new
 * release at once, because its pages link new addresses. Thymeleaf's {@code @{/css/app.css}} becomes the versioned
 * address by itself (Boot's resource URL filter). Pages stay uncached (Spring Security's headers).
 * <p>
 * These handlers take the place of Boot's two ({@code spring.web.resources.add-mappings=false}), whose cache
 * settings cannot say {@code immutable}; they serve the same places.
 */
@Configuration(proxyBeanMethods = false)
class StaticFiles implements WebMvcConfigurer {

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	/** For the one file whose address never changes: where browsers look for an icon when a page names none. */
	private static final CacheControl A_DAY = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();

	/**
	 * Where our own files are (the places Security leaves open). Not {@code /**}: Boot's resource URL filter asks
	 * the handler of every link a page builds whether it names a file, and for a page's links ({@code /squads/...})
	 * that meant searching every static location on the class path, jar by jar, without remembering that nothing was
	 * there: 70% of the time of the home page in a profile (issue #15).
	 */
	static final List<String> OWN_FOLDERS = List.of("css", "js", "graphiql");

	/** The icons' content-versioned addresses, at the top ({@code /favicon.ico} itself is served below). */
	static final String[] OWN_ICONS = { "/favicon*.svg", "/favicon*.ico" };

	private final WebProperties web;

	StaticFiles(WebProperties web) {
		this.web = web;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR)
			.resourceChain(true);
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations(web.getResources().getStaticLocations())
			.setCacheControl(A_DAY);
		// a handler's pattern leaves the rest of the path to look up: /css/app.css is app.css in each location's css/
		for (String folder : OWN_FOLDERS) {
			versioned(registry.addResourceHandler("/" + folder + "/**"), Stream.of(web.getResources().getStaticLocations())
				.map(location -> (location.endsWith("/") ? location : location + "/") + folder + "/")
				.toArray(String[]::new));
		}
		versioned(registry.addResourceHandler(OWN_ICONS), web.getResources().getStaticLocations());
	}

	private static void versioned(ResourceHandlerRegistration files, String[] locations) {
		files.addResourceLocations(locations)
			.setCacheControl(A_YEAR)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
