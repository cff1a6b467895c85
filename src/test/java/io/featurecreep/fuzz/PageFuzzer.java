package io.featurecreep.fuzz;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.UriUtils;

import io.featurecreep.fuzz.FuzzRequest.Caller;
import io.featurecreep.fuzz.FuzzRequest.Csrf;

/**
 * Requests to every page the application maps: the routes, their path variables, request parameters, form
 * fields (also those of form objects, indexed lists included) and headers come from the handler methods in
 * Spring MVC's {@link RequestMappingHandlerMapping}, so a new page is fuzzed the day it is added. Path variables
 * get real ids of the {@link FuzzWorld} and made-up ones; fields get right and wrong types, repeats, huge values
 * and control characters; requests come from signed-in people and from nobody, with and without htmx.
 */
final class PageFuzzer {

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

	private static final List<String> ACCEPTS = List.of("text/html", "application/json", "text/event-stream", "*/*",
			"garbage", "text/csv", "application/xml;q=abc", "", "image/*");

	/** Paths outside the handler methods: the sign-in filter, static files, actuator, and paths no route has. */
	private static final List<String> ODD_PATHS = List.of("/", "/nope", "/squads", "/squads/", "/sessions", "/error",
			"/actuator/health", "/actuator/health/liveness", "/actuator/info", "/actuator/env", "/actuator/prometheus",
			"/favicon.ico",
			"/favicon.svg", "/webjars/htmx.org/dist/htmx.min.js", "/webjars/nope/x.js", "/css/nope.css",
			"/css/%2e%2e/%2e%2e/etc/passwd", "/squads/%2F", "/squads/x%00", "/%0d%0aSet-Cookie:x=y",
			"/squads;jsessionid=1", "//squads", "/./workspace", "/WORKSPACE", "/workspace/", "/workspace?x",
			"/graphiql?path=javascript:alert(1)", "/graphiql?path=%22%3E%3Cscript%3E", "/oauth2/authorization/nope",
			"/login/oauth2/code/nope?code=x&state=y", "/signin?error", "/signin?signedout", "/join/", "/join/%20",
			"/sessions/%E2%80%AE/results", "/squads/%F0%9F%98%80", "/squads/%C3%28", "/%25", "/squads/%5C..%5C",
			"/graphql-ws", "/graphiql/../graphql", "/sessions/x/parts/", "/library/suggestions?search=%00");

	private final List<Route> routes = new ArrayList<>();

	private final Set<String> fuzzed = new ConcurrentSkipListSet<>();

	PageFuzzer(RequestMappingHandlerMapping mapping) {
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappingsByPattern(mapping).values()) {
			routes.add(Route.of(entry.getKey(), entry.getValue()));
		}
	}

	private static Map<String, Map.Entry<RequestMappingInfo, HandlerMethod>> mappingsByPattern(
			RequestMappingHandlerMapping mapping) {
		// sorted by pattern and method, so that a seed picks the same routes in every run
		Map<String, Map.Entry<RequestMappingInfo, HandlerMethod>> sorted = new TreeMap<>();
		mapping.getHandlerMethods().forEach((info, handler) -> sorted.put(info.toString(), Map.entry(info, handler)));
		return sorted;
	}

	/** Every mapped route, and those the run has sent a request to so far. */
	Coverage coverage() {
		return new Coverage("routes", routes.stream().map(Route::name).toList(), fuzzed);
	}

	FuzzRequest next(Random random, FuzzWorld world) {
		if (random.nextInt(100) < 7) {
			return oddPath(random, world);
		}
		Route route = routes.get(random.nextInt(routes.size()));
		fuzzed.add(route.name());
		String method = route.methods().isEmpty() || random.nextInt(100) < 8
				? NastyValues.oneOf(random, List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"))
				: NastyValues.oneOf(random, route.methods());
		boolean post = !method.equals("GET") && !method.equals("HEAD");
		Caller caller = caller(random);
		Csrf csrf = !post ? Csrf.NONE : random.nextInt(100) < 88 ? Csrf.VALID : random.nextBoolean() ? Csrf.NONE : Csrf.INVALID;

		StringBuilder fields = new StringBuilder();
		for (Field field : route.fields()) {
			if (random.nextInt(100) < 65) {
				int repeats = random.nextInt(100) < 10 ? 2 + random.nextInt(3) : 1;
				for (int i = 0; i < repeats; i++) {
					append(fields, field.name(random), field.value(random, world));
				}
			}
		}
		int extra = random.nextInt(100);
		if (extra < 15) {
			append(fields, NastyValues.oneOf(random, List.of("class.module.classLoader.URLs[0]", "questions[0]",
					"questions", "questions[0].title.x", "questions[0][1]", "_csrf", "name[]", "", "x", "__proto__",
					"questions[2147483648].title", "questions[-1].title", "questions[0].key")), NastyValues.text(random));
		}
		else if (extra < 20) {
			append(fields, NastyValues.text(random), NastyValues.text(random));
		}

		String path = path(route.pattern(), random, world);
		boolean inBody = post && random.nextInt(100) < 88;
		String uri = inBody || fields.isEmpty() ? path : path + "?" + fields;
		FuzzRequest request = FuzzRequest.of(post ? "page-post" : "page-get", method, uri, route.pattern(), caller, csrf);
		headers(request, random, route);
		if (inBody) {
			int type = random.nextInt(100);
			String contentType = type < 88 ? MediaType.APPLICATION_FORM_URLENCODED_VALUE
					: NastyValues.oneOf(random, List.of("application/x-www-form-urlencoded; charset=bogus",
							"multipart/form-data; boundary=fuzz", "application/json", "text/plain", "garbage"));
			request = request.withBody(type < 96 || random.nextBoolean() ? contentType : null, fields.toString());
		}
		return request;
	}

	static Caller caller(Random random) {
		int pick = random.nextInt(100);
		return pick < 15 ? Caller.ANONYMOUS : pick < 50 ? Caller.OWNER : pick < 72 ? Caller.MEMBER
				: pick < 82 ? Caller.STRANGER : pick < 95 ? Caller.ADMIN : Caller.BEARER;
	}

	private static void headers(FuzzRequest request, Random random, Route route) {
		if (random.nextBoolean() || route.headers().contains("HX-Request") && random.nextInt(4) > 0) {
			request.header("HX-Request", random.nextInt(20) > 0 ? "true" : NastyValues.text(random));
		}
		int pick = random.nextInt(100);
		if (pick < 15) {
			request.header("Accept", NastyValues.oneOf(random, ACCEPTS));
		}
		else if (pick < 25) {
			request.header(NastyValues.oneOf(random, List.of("HX-Current-URL", "HX-Target", "HX-Trigger",
					"HX-Trigger-Name", "HX-Boosted", "HX-History-Restore-Request", "Referer", "Accept-Language",
					"If-Modified-Since", "If-None-Match", "Range", "X-Forwarded-Host", "X-Forwarded-Proto", "Origin")),
					NastyValues.text(random));
		}
	}

	private static String path(String pattern, Random random, FuzzWorld world) {
		Matcher matcher = VARIABLE.matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = switch (name) {
				case "part" -> random.nextInt(100) < 80 ? NastyValues.oneOf(random,
						List.of("stage", "status", "controls", "timer", "progress", "counts")) : NastyValues.text(random);
				default -> {
					String id = world.idFor(name, random);
					yield id != null ? id : NastyValues.text(random);
				}
			};
			// a huge path variable is cut: a URL that long never reaches an application behind a real server
			String segment = UriUtils.encodePathSegment(value.length() > 2000 ? value.substring(0, 2000) : value,
					StandardCharsets.UTF_8);
			matcher.appendReplacement(path, Matcher.quoteReplacement(segment));
		}
		matcher.appendTail(path);
		return path.toString();
	}

	private FuzzRequest oddPath(Random random, FuzzWorld world) {
		Caller caller = caller(random);
		int pick = random.nextInt(100);
		FuzzRequest request;
		if (pick < 6) {
			// the sign-in form: its filter checks a password hash even for unknown people, so it is slow; keep it rare
			request = FuzzRequest.of("page-odd-path", "POST", "/signin", "/signin", Caller.ANONYMOUS, Csrf.VALID)
				.withBody(MediaType.APPLICATION_FORM_URLENCODED_VALUE, "email=" + GraphQlFuzzer.encode(NastyValues.text(random))
						+ "&password=" + GraphQlFuzzer.encode(NastyValues.text(random)));
		}
		else if (pick < 12) {
			request = FuzzRequest.of("page-odd-path", "POST", "/signout", "/signout", caller, random.nextBoolean() ? Csrf.VALID : Csrf.NONE);
		}
		else if (pick < 20) {
			String text = NastyValues.text(random);
			request = FuzzRequest.of("page-odd-path", "GET",
					"/" + GraphQlFuzzer.encode(text.length() > 3000 ? text.substring(0, 3000) : text), "/{text}", caller,
					Csrf.NONE);
		}
		else {
			String path = NastyValues.oneOf(random, ODD_PATHS);
			request = FuzzRequest.of("page-odd-path", random.nextInt(5) == 0 ? "POST" : "GET", path, path, caller,
					Csrf.VALID);
		}
		if (random.nextBoolean()) {
			request.header("HX-Request", "true");
		}
		return request;
	}

	private static void append(StringBuilder fields, String name, String value) {
		if (!fields.isEmpty()) {
			fields.append('&');
		}
		fields.append(GraphQlFuzzer.encode(name)).append('=').append(GraphQlFuzzer.encode(value));
	}

	/** A mapped handler method: where it is, which methods it takes, what it reads from the request. */
	record Route(String pattern, List<String> methods, List<Field> fields, List<String> headers) {

		String name() {
			return String.join(",", methods) + " " + pattern;
		}

		static Route of(RequestMappingInfo info, HandlerMethod handler) {
			String pattern = info.getPathPatternsCondition() != null
					? info.getPathPatternsCondition().getPatternValues().iterator().next()
					: info.getPatternValues().iterator().next();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			List<Field> fields = new ArrayList<>();
			List<String> headers = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
				if (param != null) {
					String name = StringUtils.hasText(param.name()) ? param.name() : parameter.getParameterName();
					fields.add(new Field(name, parameter.getParameterType()));
				}
				else if (header != null) {
					headers.add(StringUtils.hasText(header.name()) ? header.name() : parameter.getParameterName());
				}
				else if (parameter.hasParameterAnnotation(ModelAttribute.class)
						|| parameter.getParameterType().getName().startsWith("io.featurecreep")) {
					formFields(parameter.getParameterType(), "", fields, 0);
				}
			}
			return new Route(pattern, methods.stream().map(RequestMethod::name).sorted().toList(), fields, headers);
		}

		/** The fields Spring's data binder fills on a form object: its properties, list items as {@code name[]}. */
		private static void formFields(Class<?> type, String prefix, List<Field> fields, int depth) {
			if (depth > 2) {
				return;
			}
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					fields.add(new Field(prefix + component.getName(), component.getType()));
				}
				return;
			}
			for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
				if (property.getWriteMethod() == null) {
					continue;
				}
				Class<?> propertyType = property.getPropertyType();
				if (List.class.isAssignableFrom(propertyType)) {
					Type generic = property.getWriteMethod().getGenericParameterTypes()[0];
					if (generic instanceof ParameterizedType parameterized
							&& parameterized.getActualTypeArguments()[0] instanceof Class<?> element
							&& !BeanUtils.isSimpleValueType(element)) {
						formFields(element, prefix + property.getName() + "[].", fields, depth + 1);
						continue;
					}
				}
				fields.add(new Field(prefix + property.getName(), propertyType));
			}
		}

	}

	/** A request parameter or form field, with the type the handler converts it to. */
	record Field(String name, Class<?> type) {

		/** The name, with a list index filled in: mostly small, sometimes past what the binder lets a list grow to. */
		String name(Random random) {
			if (!name.contains("[]")) {
				return name;
			}
			String index = random.nextInt(100) < 85 ? Integer.toString(random.nextInt(4))
					: NastyValues.oneOf(random, List.of("-1", "255", "256", "1000", "99999", "2147483648", "abc", "", " "));
			return name.replace("[]", "[" + index + "]");
		}

		String value(Random random, FuzzWorld world) {
			String leaf = name.substring(name.lastIndexOf('.') + 1);
			if (random.nextInt(100) < 15) {
				return NastyValues.text(random);
			}
			if (type.isEnum()) {
				return random.nextInt(100) < 85 ? NastyValues.oneOf(random, Arrays.asList(type.getEnumConstants())).toString()
						: NastyValues.text(random);
			}
			if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
				return String.valueOf(NastyValues.integer(random, 0, leaf.equals("validForMinutes") ? 43_200 : 3600));
			}
			if (type == boolean.class || type == Boolean.class) {
				return NastyValues.oneOf(random, List.of("true", "false", "on", "1", "yes", "", "TRUE", "maybe"));
			}
			String id = world.idFor(leaf, random);
			if (id != null) {
				return id;
			}
			return switch (leaf) {
				case "op" -> NastyValues.oneOf(random, List.of("search", "start", "save", "defaults", "add", "up:", "down:",
						"remove:", "library:", "library:" + world.idFor("libraryQuestionId", random), "up:x", ":", "",
						"remove:" + NastyValues.text(random)));
				case "deadline", "dueDate", "from", "to" -> NastyValues.date(random);
				case "mode" -> NastyValues.oneOf(random, List.of("LIVE", "ASYNC", "live", "", "BOGUS"));
				case "timeZone" -> NastyValues.oneOf(random,
						List.of("Europe/Berlin", "UTC", "America/New_York", "Mars/Olympus", "+25:00", "GMT+14", "", "Z"));
				case "email" -> NastyValues.oneOf(random, List.of("fuzz@example.test", "a@b", "", "x@" + "y".repeat(400)));
				case "next" -> NastyValues.oneOf(random, List.of("/workspace", "//evil.example", "https://evil.example",
						"/\\evil.example", "javascript:alert(1)", "/squads/%0d%0a"));
				default -> NastyValues.text(random);
			};
		}

	}

}
