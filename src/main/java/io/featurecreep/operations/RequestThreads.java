package io.featurecreep.operations;

import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tomcat serves each request on a virtual thread of its own instead of a pooled platform thread.
 * <p>
 * Why: on a busy node most of a request's cost beyond its own work was the kernel switching threads, once when
 * Tomcat's poller hands the request to a worker and again whenever the worker waits (a vote waiting for its batch's
 * statement, see {@code shared.GroupCommit}). A virtual thread is queued to a carrier and unmounted while it waits,
 * without a kernel switch while the carriers are busy: 11 % more pings and 13 % more votes a second on two cores
 * (RequestCostBenchmark, docs/benchmarks.md).
 * <p>
 * Only Tomcat's threads: Spring Boot's {@code spring.threads.virtual.enabled} would also run the GraphQL controllers
 * on an executor, which makes every GraphQL request an asynchronous dispatch (measured: a quarter fewer pings).
 * <p>
 * On by default from Java 24, where a virtual thread waiting inside {@code synchronized} no longer holds its carrier
 * (JEP 491); on Java 21 to 23 a few such waits (a driver's socket read inside a synchronized block) could hold all the
 * carriers of a small machine, so there it is off unless {@code feature-creep.web.virtual-threads=true}.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

	static final String PROPERTY = "feature-creep.web.virtual-threads";

	/** The first Java release whose virtual threads keep no carrier while waiting in {@code synchronized}. */
	static final int UNPINNED_SINCE = 24;

	@Bean
	TomcatProtocolHandlerCustomizer<?> virtualRequestThreads(Environment environment) {
		boolean enabled = environment.getProperty(PROPERTY, Boolean.class,
				Runtime.version().feature() >= UNPINNED_SINCE);
		return handler -> {
			if (enabled) {
				handler.setExecutor(new VirtualThreadExecutor("http-request-"));
			}
		};
	}

}
