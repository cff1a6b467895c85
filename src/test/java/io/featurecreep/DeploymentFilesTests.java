package io.featurecreep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.sun.net.httpserver.HttpServer;

/**
 * The deployment files (deploy/: Dockerfile, compose.yaml, Caddyfile, kubernetes/) agree with the application
 * and the README: every variable they set is one the application reads and the README documents; ports and
 * probe paths are the application's; secrets come only from the environment or a Secret; the image runs the
 * README's command with the AOT cache its training run wrote. Nothing here can run the files (no container
 * engine on these machines), so this reads them, and runs the image's health check against a stand-in server.
 */
class DeploymentFilesTests {

	private static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Path DEPLOY = ROOT.resolve("deploy");

	/** The image's name in compose.yaml and the Deployment (kustomization.yaml points it at a registry). */
	private static final String IMAGE = "feature-creep";

	private static final Pattern SECRET = Pattern.compile(".*(KEY|PASSWORD|TOKEN|SECRET).*");

	private static final Pattern AOT_OPTION = Pattern.compile("-XX:(AOTCache|SharedArchiveFile)=.+");

	private static AppSettings settings;

	private static Dockerfile image;

	private static Map<String, Object> compose;

	private static List<Map<String, Object>> kubernetes;

	private static String readme;

	@BeforeAll
	static void readFiles() throws IOException {
		settings = AppSettings.read(ROOT);
		image = Dockerfile.read(DEPLOY.resolve("Dockerfile"));
		compose = yaml(DEPLOY.resolve("compose.yaml")).getFirst();
		kubernetes = new ArrayList<>();
		try (Stream<Path> files = Files.list(DEPLOY.resolve("kubernetes"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
				kubernetes.addAll(yaml(file));
			}
		}
		readme = Files.readString(ROOT.resolve("README.md"));
	}

	@Test
	void settingsAreFoundInTheRealFiles() {
		// the check below means something only if the known settings include Boot's, ours and our placeholders
		assertThat(settings.size()).isGreaterThan(1000);
		assertThat(settings.reads("SPRING_DATASOURCE_URL")).isTrue();
		assertThat(settings.reads("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KEYCLOAK_CLIENT_ID")).isTrue();
		assertThat(settings.reads("FEATURE_CREEP_ANONYMITY_KEY")).as("an @Value setting").isTrue();
		assertThat(settings.reads("FEATURE_CREEP_INSIGHTS_MIN_VOTES_ANONYMOUS")).as("a record component").isTrue();
		assertThat(settings.reads("FEATURECREEP_INSIGHTS_MINVOTESANONYMOUS")).as("Boot's canonical form").isTrue();
		assertThat(settings.reads("PORT")).as("a placeholder").isTrue();
		assertThat(settings.reads("FEATURE_CREEP_ANONYMITY_KYE")).isFalse();
		assertThat(settings.reads("SPRING_DATASOURCE")).isFalse();
	}

	@Test
	void everyVariableTheDeploymentSetsIsOneTheApplicationReads() {
		Map<String, String> unread = new TreeMap<>();
		applicationVariables().forEach((variable, where) -> {
			if (!settings.reads(variable)) {
				unread.put(variable, where);
			}
		});

		assertThat(unread).as("variables that no setting of the application reads").isEmpty();
	}

	@Test
	void everyVariableTheDeploymentSetsIsInTheReadmesTable() {
		String table = readme.lines().filter(line -> line.startsWith("|")).reduce("", (a, b) -> a + "\n" + b);
		Map<String, String> undocumented = new TreeMap<>();
		applicationVariables().forEach((variable, where) -> {
			if (!Pattern.compile("\\b" + variable + "\\b").matcher(table).find()) {
				undocumented.put(variable, where);
			}
		});

		assertThat(undocumented).as("variables missing from the README's production configuration table").isEmpty();
	}

	@Test
	void secretsComeFromTheEnvironmentOrASecretAndNeverHaveADefault() {
		Dockerfile last = image.finalStage();
		assertThat(last.environment().keySet()).noneMatch(name -> SECRET.matcher(name).matches());
		assertThat(last.all("ARG")).noneMatch(arg -> SECRET.matcher(arg).matches());

		for (var service : map(compose.get("services")).entrySet()) {
			Map<String, String> environment = composeEnvironment(map(service.getValue()));
			environment.forEach((name, value) -> {
				if (SECRET.matcher(name).matches()) {
					assertThat(value).as("%s of %s: a required variable of the shell or deploy/.env", name,
							service.getKey())
						.matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
				}
			});
		}

		Map<String, Object> container = applicationContainer();
		for (Object entry : list(container.get("env"))) {
			Map<String, Object> env = map(entry);
			if (SECRET.matcher((String) env.get("name")).matches()) {
				assertThat(env).as("%s in the Deployment", env.get("name")).doesNotContainKey("value");
				assertThat(map(at(env, "valueFrom.secretKeyRef"))).containsKeys("name", "key");
			}
		}
		assertThat(data(kind("ConfigMap")).keySet()).noneMatch(name -> SECRET.matcher(name).matches());
		assertThat(data(kind("Secret")).values()).as("the Secret is a template without values").allMatch(""::equals);
	}

	@Test
	void theBuildContextHoldsNoLocalDataOrKeys() throws IOException {
		List<String> ignored = Files.readAllLines(DEPLOY.resolve("Dockerfile.dockerignore"))
			.stream()
			.map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();

		assertThat(ignored.getFirst()).as("an allowlist: everything ignored, then what the build needs").isEqualTo("*");
		assertThat(ignored).noneMatch(line -> line.matches("!\\s*(data|target|\\.git)(/.*)?"));
	}

	@Test
	void theImageIsBuiltOnAJdkAndRunsOnAJreAsAnUnprivilegedUser() {
		List<String> stages = image.all("FROM");
		assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
		assertThat(stages.getFirst()).contains("-jdk");
		Dockerfile last = image.finalStage();
		assertThat(last.last("FROM")).contains("-jre");
		assertThat(javaRelease(stages.getFirst())).as("the same Java in both stages").isEqualTo(javaRelease(last.last("FROM")));

		String user = last.last("USER");
		assertThat(user).doesNotMatch("(root|0)(:.*)?");
		assertThat(user).as("a numeric user, which runAsNonRoot can check").matches("\\d+(:\\d+)?");
		assertThat(map(at(kind("Deployment"), "spec.template.spec.securityContext"))).containsEntry("runAsNonRoot", true)
			.containsEntry("runAsUser", Integer.parseInt(user.split(":")[0]));
	}

	@Test
	void theImageRunsTheReadmesCommandWithTheCacheItsTrainingWrote() {
		Dockerfile last = image.finalStage();
		List<String> entrypoint = Dockerfile.execForm(last.last("ENTRYPOINT"));
		assertThat(entrypoint.getFirst()).isEqualTo("java");
		String cacheOption = entrypoint.stream().filter(a -> AOT_OPTION.matcher(a).matches()).findFirst().orElseThrow();
		String cache = cacheOption.substring(cacheOption.indexOf('=') + 1);
		String jar = entrypoint.get(entrypoint.indexOf("-jar") + 1);

		String training = last.all("RUN").stream().filter(run -> run.contains("train-aot-cache.sh")).findFirst()
			.orElseThrow(() -> new AssertionError("no RUN trains the AOT cache in the final stage"));
		assertThat(training).as("the cache records the jar's path: train on the path the image starts")
			.containsPattern("train-aot-cache\\.sh\\s+" + Pattern.quote(jar) + "\\s+" + Pattern.quote(cache) + "\\s*$");
		List<String> keywords = last.instructions().stream().map(Dockerfile.Instruction::keyword).toList();
		int trainedAt = last.instructions().indexOf(new Dockerfile.Instruction("RUN", training));
		assertThat(keywords.lastIndexOf("COPY")).as("the jar files do not change after training (sizes and times count)")
			.isLessThan(trainedAt);

		List<List<String>> documented = readmeJavaCommands();
		assertThat(documented).as("the README's java -jar commands").isNotEmpty();
		for (List<String> command : documented) {
			assertThat(withoutCacheAndJar(command)).as("README: %s", String.join(" ", command))
				.isEqualTo(withoutCacheAndJar(entrypoint));
		}
	}

	@Test
	void portsAndProbePathsAreTheApplications() {
		String port = settings.defaultValue("server.port");
		String portVariable = settings.placeholderOf("server.port");
		assertThat(settings.defaultValue("management.endpoint.health.probes.enabled")).isEqualTo("true");
		String health = settings.defaultValue("management.endpoints.web.base-path") == null ? "/actuator/health"
				: settings.defaultValue("management.endpoints.web.base-path") + "/health";
		String liveness = health + "/liveness";
		String readiness = health + "/readiness";

		// the probes and the scrape are on the HTTP port unless actuator gets a port of its own
		assertThat(settings.defaultValue("management.server.port")).isNull();
		assertThat(applicationVariables()).doesNotContainKey("MANAGEMENT_SERVER_PORT");

		Dockerfile last = image.finalStage();
		assertThat(last.all("EXPOSE")).containsExactly(port);
		assertThat(last.environment()).doesNotContainKeys(portVariable, "SERVER_PORT");
		List<String> healthCheck = Dockerfile.execForm(last.last("HEALTHCHECK").replaceFirst("^.*?CMD\\s+", ""));
		assertThat(String.join(" ", healthCheck)).contains("${" + portVariable + ":-" + port + "}")
			.contains(" " + liveness + " ");

		Map<String, Map<String, Object>> nodes = composeApplicationServices();
		nodes.forEach((name, service) -> {
			assertThat(list(service.get("expose"))).as(name).containsExactly(port);
			assertThat(composeEnvironment(service)).as(name).doesNotContainKeys(portVariable, "SERVER_PORT");
		});
		String caddyfile = caddyfile();
		Matcher upstreams = Pattern.compile("reverse_proxy ([^{]+)\\{").matcher(caddyfile);
		assertThat(upstreams.find()).isTrue();
		assertThat(Set.of(upstreams.group(1).strip().split("\\s+")))
			.isEqualTo(nodes.keySet().stream().map(node -> node + ":" + port).collect(Collectors.toSet()));
		assertThat(caddyfile).containsPattern("health_uri\\s+" + Pattern.quote(readiness) + "\\s");

		Map<String, Object> container = applicationContainer();
		Map<String, Object> containerPort = map(list(container.get("ports")).getFirst());
		assertThat(containerPort.get("containerPort")).isEqualTo(Integer.parseInt(port));
		assertThat(data(kind("ConfigMap"))).doesNotContainKeys(portVariable, "SERVER_PORT");
		Object portName = containerPort.get("name");
		assertThat(probe(container, "startupProbe")).containsEntry("path", liveness).containsEntry("port", portName);
		assertThat(probe(container, "livenessProbe")).containsEntry("path", liveness).containsEntry("port", portName);
		assertThat(probe(container, "readinessProbe")).containsEntry("path", readiness).containsEntry("port", portName);

		Map<String, Object> servicePort = map(at(kind("Service"), "spec.ports.0"));
		assertThat(servicePort.get("targetPort")).isEqualTo(portName);
		Map<String, Object> backend = map(at(kind("Ingress"), "spec.rules.0.http.paths.0.backend.service"));
		assertThat(backend.get("name")).isEqualTo(at(kind("Service"), "metadata.name"));
		assertThat(at(backend, "port.name")).isEqualTo(servicePort.get("name"));
		Map<String, Object> scrape = map(at(kind("ServiceMonitor"), "spec.endpoints.0"));
		assertThat(scrape).containsEntry("port", servicePort.get("name"))
			.containsEntry("path", health.replace("/health", "/prometheus"));
	}

	@Test
	void composeRunsTwoNodesWithPostgresAndRedisBehindATlsProxy() {
		Map<String, Object> services = map(compose.get("services"));
		assertThat(composeApplicationServices()).hasSize(2);
		assertThat(services.values()).anySatisfy(s -> assertThat((String) map(s).get("image")).startsWith("postgres:"));
		assertThat(services.values()).anySatisfy(s -> assertThat((String) map(s).get("image")).startsWith("redis:"));
		assertThat(services.values()).anySatisfy(s -> assertThat((String) map(s).get("image")).startsWith("caddy:"));
		assertThat(caddyfile()).containsPattern("(?m)^\\s*tls\\s");
		composeApplicationServices().values()
			.forEach(node -> assertThat(composeEnvironment(node)).containsKeys("SPRING_DATASOURCE_URL",
					"SPRING_DATA_REDIS_URL", "FEATURE_CREEP_ANONYMITY_KEY"));
	}

	@Test
	void kubernetesRunsTwoNodesWithProbesAndResources() {
		Map<String, Object> deployment = kind("Deployment");
		assertThat(map(deployment.get("spec"))).containsEntry("replicas", 2);
		Map<String, Object> resources = map(applicationContainer().get("resources"));
		assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
		assertThat(map(resources.get("limits"))).containsKeys("cpu", "memory");
		assertThat(applicationContainer()).containsKeys("startupProbe", "livenessProbe", "readinessProbe");
	}

	/** Runs the image's HEALTHCHECK command (bash) against a stand-in for the application. */
	@Test
	void theImagesHealthCheckPassesOnlyWhileTheLivenessProbeAnswers200() throws Exception {
		List<String> command = Dockerfile.execForm(image.finalStage().last("HEALTHCHECK").replaceFirst("^.*?CMD\\s+", ""));
		List<String> asked = new CopyOnWriteArrayList<>();
		int[] status = { 200 };
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			asked.add(exchange.getRequestURI().getPath());
			exchange.sendResponseHeaders(status[0], -1);
			exchange.close();
		});
		server.start();
		try {
			String portVariable = settings.placeholderOf("server.port");
			int port = server.getAddress().getPort();
			assertThat(run(command, portVariable, port)).isZero();
			status[0] = 503;
			assertThat(run(command, portVariable, port)).isNotZero();
			assertThat(asked).containsExactly("/actuator/health/liveness", "/actuator/health/liveness");
		}
		finally {
			server.stop(0);
		}
	}

	private static int run(List<String> command, String portVariable, int port) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put(portVariable, Integer.toString(port));
		Process process = builder.start();
		process.getInputStream().transferTo(System.out);
		assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
		return process.exitValue();
	}

	/** Every variable set for the application's containers, with the file that sets it. */
	private static Map<String, String> applicationVariables() {
		Map<String, String> variables = new TreeMap<>();
		image.finalStage().environment().keySet().forEach(name -> variables.put(name, "deploy/Dockerfile"));
		composeApplicationServices().values()
			.forEach(service -> composeEnvironment(service).keySet()
				.forEach(name -> variables.put(name, "deploy/compose.yaml")));
		Map<String, Object> container = applicationContainer();
		for (Object entry : list(container.get("env"))) {
			variables.put((String) map(entry).get("name"), "deploy/kubernetes/deployment.yaml");
		}
		for (Object entry : list(container.get("envFrom"))) {
			Map<String, Object> from = map(entry);
			String kind = from.containsKey("configMapRef") ? "ConfigMap" : "Secret";
			Map<String, Object> reference = map(from.getOrDefault("configMapRef", from.get("secretRef")));
			Map<String, Object> source = kubernetes.stream()
				.filter(r -> kind.equals(r.get("kind")) && reference.get("name").equals(at(r, "metadata.name")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no " + kind + " named " + reference.get("name")));
			data(source).keySet().forEach(name -> variables.put(name, "deploy/kubernetes (" + kind + ")"));
		}
		assertThat(variables).isNotEmpty();
		return variables;
	}

	private static Map<String, Map<String, Object>> composeApplicationServices() {
		Map<String, Map<String, Object>> nodes = new TreeMap<>();
		map(compose.get("services")).forEach((name, service) -> {
			Object imageName = map(service).get("image");
			if (imageName instanceof String tag && tag.split(":")[0].equals(IMAGE)) {
				nodes.put(name, map(service));
			}
		});
		return nodes;
	}

	private static Map<String, String> composeEnvironment(Map<String, Object> service) {
		Map<String, String> environment = new LinkedHashMap<>();
		Object declared = service.get("environment");
		if (declared instanceof List<?> pairs) {
			for (Object pair : pairs) {
				String[] parts = pair.toString().split("=", 2);
				environment.put(parts[0], parts.length > 1 ? parts[1] : null);
			}
		}
		else if (declared != null) {
			map(declared).forEach((name, value) -> environment.put(name, value == null ? null : value.toString()));
		}
		assertThat(service).as("variables only in the file, where this test reads them").doesNotContainKey("env_file");
		return environment;
	}

	private static Map<String, Object> applicationContainer() {
		return list(at(kind("Deployment"), "spec.template.spec.containers")).stream()
			.map(DeploymentFilesTests::map)
			.filter(container -> IMAGE.equals(container.get("image")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container of the image " + IMAGE));
	}

	private static Map<String, Object> probe(Map<String, Object> container, String name) {
		return map(at(container, name + ".httpGet"));
	}

	private static Map<String, Object> kind(String kind) {
		List<Map<String, Object>> found = kubernetes.stream().filter(r -> kind.equals(r.get("kind"))).toList();
		assertThat(found).as("exactly one %s", kind).hasSize(1);
		return found.getFirst();
	}

	private static Map<String, String> data(Map<String, Object> resource) {
		Map<String, String> data = new TreeMap<>();
		for (String field : List.of("data", "stringData")) {
			if (resource.get(field) != null) {
				map(resource.get(field)).forEach((key, value) -> data.put(key, String.valueOf(value)));
			}
		}
		return data;
	}

	/** The README's {@code java … -jar …} commands in code blocks (not the jar's tools mode). */
	private static List<List<String>> readmeJavaCommands() {
		List<List<String>> commands = new ArrayList<>();
		boolean code = false;
		for (String line : readme.lines().toList()) {
			if (line.startsWith("```")) {
				code = !code;
				continue;
			}
			List<String> words = List.of(line.strip().split("\\s+"));
			// the server's start: the jar with nothing after it (export/import FILE are the backup tools)
			if (code && words.getFirst().equals("java") && words.contains("-jar") && !line.contains("-Djarmode=")
					&& words.indexOf("-jar") + 2 == words.size()) {
				commands.add(words);
			}
		}
		return commands;
	}

	/** The options and arguments of a java command, without the AOT cache option and the jar's path. */
	private static List<String> withoutCacheAndJar(List<String> command) {
		List<String> rest = new ArrayList<>(command);
		rest.removeIf(word -> AOT_OPTION.matcher(word).matches());
		rest.remove(rest.indexOf("-jar") + 1);
		return rest;
	}

	private static String javaRelease(String from) {
		Matcher release = Pattern.compile(":(\\d+)-").matcher(from);
		assertThat(release.find()).as(from).isTrue();
		return release.group(1);
	}

	private static String caddyfile() {
		try {
			return Files.readString(DEPLOY.resolve("Caddyfile"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Map<String, Object>> yaml(Path file) throws IOException {
		List<Map<String, Object>> documents = new ArrayList<>();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				if (document != null) {
					documents.add(map(document));
				}
			}
		}
		return documents;
	}

	/** A value deep in parsed YAML: {@code at(deployment, "spec.template.spec.containers.0")}. */
	private static Object at(Object root, String path) {
		Object node = root;
		for (String step : path.split("\\.")) {
			node = step.matches("\\d+") ? list(node).get(Integer.parseInt(step)) : map(node).get(step);
		}
		return node;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	private static List<Object> list(Object value) {
		if (value == null) {
			return List.of();
		}
		assertThat(value).isInstanceOf(List.class);
		return new ArrayList<>((List<?>) value);
	}

}
