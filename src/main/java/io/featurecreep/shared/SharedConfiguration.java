package io.featurecreep.shared;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Beans every module uses. The clock is a bean so tests can move time (invite expiry, deadlines). The message source
 * reads {@link MessageBundles#BASENAMES}, the same list {@link EnglishTexts} reads, and never falls back to the
 * machine's language: a reader whose language has no bundle gets English, whatever the server's locale.
 */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	MessageSource messageSource() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames(MessageBundles.BASENAMES.toArray(String[]::new));
		source.setDefaultEncoding(StandardCharsets.UTF_8.name());
		source.setFallbackToSystemLocale(false);
		return source;
	}

}
