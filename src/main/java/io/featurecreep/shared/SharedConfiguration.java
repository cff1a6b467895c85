package io.featurecreep.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every module uses. The clock is a bean so tests can move time (invite expiry, deadlines). */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
