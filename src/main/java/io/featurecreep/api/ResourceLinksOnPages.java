package io.featurecreep.api;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Boot registers Spring's {@link ResourceUrlEncodingFilter} for every request (the webjars are on the class path): it
 * wraps request and response so that a page's links to static files get their versions. A GraphQL answer has no such
 * links, and on {@code /graphql} the wrappers only cost time (issue #15): there they are left out.
 */
@Configuration(proxyBeanMethods = false)
class ResourceLinksOnPages {

	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new NotOnGraphQl());
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	static final class NotOnGraphQl extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request instanceof HttpServletRequest http
					&& http.getRequestURI().equals(http.getContextPath() + "/graphql")) {
				chain.doFilter(request, response);
				return;
			}
			super.doFilter(request, response, chain);
		}

	}

}
