package io.featurecreep.operations;

import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * When asked to, Tomcat serves each request on a virtual thread of its own instead of a pooled platform thread.
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
 * Off unless {@code feature-creep.web.virtual-threads=true}: in one of three benchmark runs with it on, a search sent
 * one at a time over one connection waited seconds once, which is not explained yet (docs/benchmarks.md). Use it on
 * Java 24 or newer only: before JEP 491 a virtual thread waiting inside {@code synchronized} (a driver's socket read,
 * say) holds its carrier, and a few such waits can hold all the carriers of a small machine.
 */
@Configuration(proxyBeanMethods = false)
class RequestThreads {

	static final String PROPERTY = "feature-creep.web.virtual-threads";

	/** The setting is read when the bean is made, not by a condition: Spring AOT decides conditions at build (ADR 9). */
	@Bean
	TomcatProtocolHandlerCustomizer<?> virtualRequestThreads(Environment environment) {
		boolean enabled = environment.getProperty(PROPERTY, Boolean.class, false);
		return handler -> {
			if (enabled) {
				handler.setExecutor(new VirtualThreadExecutor("http-request-"));
			}
		};
	}

}
