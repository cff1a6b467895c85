package io.featurecreep.shared;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Spring MVC's own refusals of a request (an unknown address, a wrong method, a form value it cannot convert):
 * RFC 9457 problem JSON for API clients, as Boot's problem-details handler gives them (this class takes its
 * place), and the error page in the app's layout for browsers, which ask for HTML before anything else.
 * <p>
 * A form value that cannot be converted is described in words here, once for every form and both kinds of
 * client: Spring's own text prints the value, and a field sent twice is a {@code String[]}, which prints as
 * {@code [Ljava.lang.String;@4dc07d2c}.
 */
@ControllerAdvice
@Order(0)
class RequestErrors extends ResponseEntityExceptionHandler {

	/** How much of a field's name a refusal repeats: enough to recognise it, not a whole posted page. */
	private static final int FIELD_SHOWN = 80;

	private final List<PageFrame> frames;

	RequestErrors(List<PageFrame> frames) {
		this.frames = frames;
	}

	/** A browser's request for a page: the same refusal as a page of the app rather than JSON. */
	@ExceptionHandler(value = { NoResourceFoundException.class, NoHandlerFoundException.class,
			HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class,
			ServletRequestBindingException.class, TypeMismatchException.class, HttpMessageNotReadableException.class,
			MethodArgumentNotValidException.class, HandlerMethodValidationException.class,
			MaxUploadSizeExceededException.class, ErrorResponseException.class, InvalidPropertyException.class },
			produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(Exception refused, WebRequest request, HttpServletRequest servletRequest,
			HttpServletResponse response) throws Exception {
		ResponseEntity<Object> problem = refused instanceof InvalidPropertyException field ? unknownField(field, request)
				: handleException(refused, request);
		if (problem == null) {
			return new ModelAndView();
		}
		problem.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		HttpStatusCode status = problem.getStatusCode();
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		if (status.is4xxClientError() && problem.getBody() instanceof ProblemDetail detail) {
			page.addObject("problem", inWords(refused, detail));
		}
		frames.forEach(frame -> page.addAllObjects(frame.attributes(servletRequest)));
		return page;
	}

	/**
	 * What the page says: our own details are in the reader's language already; Spring's are English, so a page
	 * says the same in the reader's words where that helps, and otherwise only what its status says.
	 */
	private String inWords(Exception refused, ProblemDetail detail) {
		return switch (refused) {
			case InvalidPropertyException unknownField -> detail.getDetail();
			case TypeMismatchException mismatch -> detail.getDetail();
			case MissingServletRequestParameterException missing ->
				text("error.value.missing", missing.getParameterName());
			case HttpRequestMethodNotSupportedException method -> text("error.method.text");
			case MaxUploadSizeExceededException tooLarge -> text("error.tooLarge.text");
			default -> null;
		};
	}

	/**
	 * A form field in a shape its form does not have ({@code questions[-1].key}, {@code questions[ ].x},
	 * {@code questions[0][1]}, an index past the longest list the form takes): data binding ignores unknown plain
	 * names but throws on these, so they are answered here, once for every form, with a 400 that names the field.
	 * No browser sends them from our pages, so refusing the post loses nobody's work.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	ResponseEntity<Object> unknownField(InvalidPropertyException refused, WebRequest request) {
		String field = String.valueOf(refused.getPropertyName());
		if (field.codePointCount(0, field.length()) > FIELD_SHOWN) {
			field = field.substring(0, field.offsetByCodePoints(0, FIELD_SHOWN)) + "…";
		}
		String detail = message("error.field.unknown", field, LocaleContextHolder.getLocale());
		ProblemDetail body = createProblemDetail(refused, HttpStatus.BAD_REQUEST, detail, null, null, request);
		return handleExceptionInternal(refused, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		boolean repeated = mismatch.getValue() instanceof Object[] values && values.length > 1;
		String field = mismatch.getPropertyName();
		String detail = message(repeated ? "error.value.repeated" : "error.value.invalid", field,
				LocaleContextHolder.getLocale());
		ProblemDetail body = createProblemDetail(mismatch, status, detail, null, null, request);
		return handleExceptionInternal(mismatch, body, headers, status, request);
	}

	private String text(String key, Object... arguments) {
		MessageSource messages = getMessageSource();
		return messages == null ? null : messages.getMessage(key, arguments, null, LocaleContextHolder.getLocale());
	}

	private String message(String key, String field, Locale locale) {
		MessageSource messages = getMessageSource();
		String fallback = "The form sent a value for " + field + " that does not fit";
		return messages == null ? fallback : messages.getMessage(key, new Object[] { field }, fallback, locale);
	}

}
