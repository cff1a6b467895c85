package io.featurecreep.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Boot's error address ({@code /error}) is where the servlet container forwards a failed request; asked for
 * directly, it has no error to describe, so Boot's error controller answered 500 (status 999, "None"), or failed
 * on an {@code Accept} it cannot write. A direct request is refused here as an unknown address instead, so it
 * gets the same 404 as any other (the error page for browsers, problem JSON for API clients, from
 * {@link RequestErrors}); the container's own error dispatches (and forwards) pass untouched.
 */
@Component
class ErrorAddressOnlyForErrors implements WebMvcConfigurer, HandlerInterceptor {

	private final String errorPath;

	ErrorAddressOnlyForErrors(@Value("${spring.web.error.path:${error.path:/error}}") String errorPath) {
		this.errorPath = errorPath;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(errorPath);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws NoResourceFoundException {
		if (request.getDispatcherType() != DispatcherType.REQUEST) {
			return true;
		}
		throw new NoResourceFoundException(HttpMethod.valueOf(request.getMethod()), request.getRequestURI(),
				errorPath);
	}

}
