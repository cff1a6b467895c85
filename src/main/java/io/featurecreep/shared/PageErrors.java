package io.featurecreep.shared;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal that a page did not turn into a form error: the error page with the refusal's message (in the reader's
 * language where it has a key) and a fitting status, never a stack trace. Pages show what they can next to the field; this is the rest.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

	private final List<PageFrame> frames;

	private final MessageSource messages;

	PageErrors(List<PageFrame> frames, MessageSource messages) {
		this.frames = frames;
		this.messages = messages;
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException refusal, HttpServletRequest request) {
		HttpStatus status = switch (refusal.code()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case INTERNAL_SERVER_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
			case BAD_USER_INPUT -> HttpStatus.BAD_REQUEST;
			case TOO_MANY_REQUESTS -> HttpStatus.TOO_MANY_REQUESTS;
		};
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("problem", refusal.messageIn(messages, LocaleContextHolder.getLocale()));
		frames.forEach(frame -> page.addAllObjects(frame.attributes(request)));
		return page;
	}

}
