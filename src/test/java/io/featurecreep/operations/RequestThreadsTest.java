package io.featurecreep.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.env.MockEnvironment;

import io.featurecreep.support.GraphQlApi;

/** Tomcat runs each request on a virtual thread when asked to, on its own pool of threads otherwise. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(GraphQlApi.class) // the same context as RequestIdTests
class RequestThreadsTest {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void byDefaultTheRunningServerKeepsTomcatsOwnPool() {
		Executor executor = ((TomcatWebServer) context.getWebServer()).getTomcat()
			.getConnector()
			.getProtocolHandler()
			.getExecutor();

		assertThat(executor).isNotNull().isNotInstanceOf(VirtualThreadExecutor.class);
	}

	@Test
	void askedForTheyAreNamedVirtualThreads() throws Exception {
		Executor executor = executorWith("true");
		CompletableFuture<Thread> ran = new CompletableFuture<>();
		executor.execute(() -> ran.complete(Thread.currentThread()));

		assertThat(executor).isInstanceOf(VirtualThreadExecutor.class);
		assertThat(ran.get().isVirtual()).isTrue();
		assertThat(ran.get().getName()).startsWith("http-request-");
	}

	@Test
	void turnedOffTomcatKeepsItsOwnPool() {
		assertThat(executorWith("false")).as("Tomcat makes its own pool when it starts").isNull();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Executor executorWith(String property) {
		MockEnvironment environment = new MockEnvironment().withProperty(RequestThreads.PROPERTY, property);
		TomcatProtocolHandlerCustomizer customizer = new RequestThreads().virtualRequestThreads(environment);
		Http11NioProtocol protocol = new Http11NioProtocol();
		customizer.customize(protocol);
		return protocol.getExecutor();
	}

}
