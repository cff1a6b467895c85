package io.featurecreep;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.featurecreep.shared.MessageBundles;
import io.featurecreep.support.Bundles;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a page shows comes from a message key, and every key is translated into every language and used.
 * Three checks, on the files themselves (no application context):
 * <ul>
 * <li>templates: text between tags, user-facing attributes ({@code title}, {@code placeholder}, {@code aria-label},
 * a button's {@code value}, ...) and English literals inside Thymeleaf expressions that set them;</li>
 * <li>bundles: each of {@link MessageBundles#BASENAMES} has its English base and the four translations, all with the
 * same keys, the same arguments, and quotes written the way {@link MessageFormat} reads them;</li>
 * <li>keys: each key appears literally in a template ({@code #{key}}) or in the Java sources ({@code "key"}), so that
 * a key nobody shows is found and removed.</li>
 * </ul>
 */
class TranslationCoverageTests {

	static final List<Locale> TRANSLATIONS = List.of(Locale.GERMAN, Locale.FRENCH, Locale.of("es"), Locale.of("nl"));

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	/** Texts that are the same in every language. */
	private static final Set<String> NOT_TRANSLATED = Set.of("Feature Creep", "GraphiQL");

	/** Attributes whose value a reader sees or hears. */
	private static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "alt", "aria-label",
			"aria-description", "aria-placeholder", "aria-roledescription", "aria-valuetext", "label");

	/** Thymeleaf attributes whose value replaces an element's content or a read attribute. */
	private static final Set<String> CONTENT_SETTERS = Set.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:errors");

	private static final Pattern SUBSTITUTION = Pattern.compile("\\|([^|]*)\\|");

	/** A literal that is a name, not words: 'newTitle', 'is-red', 'DISCORD'. */
	private static final Pattern CODE_LITERAL = Pattern.compile("[a-z0-9_.:/#-][A-Za-z0-9_.:/#-]*|[A-Z0-9_]+");

	/** Character references ({@code &nbsp;}, {@code &#8594;}): one character each, never words. */
	private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#?\\w+;");

	/** {@code [[...]]} and {@code [(...)]}: expressions inlined in text, which are not text themselves. */
	private static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

	/** An apostrophe that is not doubled: in a text with arguments, MessageFormat takes it as the start of a quote. */
	private static final Pattern SINGLE_QUOTE = Pattern.compile("(?<!')'(?!')");

	@Test
	void templatesShowNoTextOutsideMessageKeys() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path template : templates()) {
			String name = TEMPLATES.relativize(template).toString();
			new TemplateReader(name, found).read(template);
		}
		assertThat(found).as("texts of pages outside message keys (put each behind #{...})").isEmpty();
	}

	@Test
	void everyBundleHasEveryKeyInEveryLanguage() throws IOException {
		List<String> found = new ArrayList<>();
		for (String basename : MessageBundles.BASENAMES) {
			Properties english = load(basename, null);
			if (english == null) {
				found.add(file(basename, null) + " is missing");
				continue;
			}
			for (Locale language : TRANSLATIONS) {
				Properties translation = load(basename, language);
				if (translation == null) {
					found.add(file(basename, language) + " is missing");
					continue;
				}
				for (String key : new TreeSet<>(english.stringPropertyNames())) {
					if (!translation.containsKey(key)) {
						found.add(file(basename, language) + " lacks " + key);
					}
					else if (!arguments(english.getProperty(key)).equals(arguments(translation.getProperty(key)))) {
						found.add(file(basename, language) + ": " + key + " has arguments "
								+ arguments(translation.getProperty(key)) + ", English "
								+ arguments(english.getProperty(key)));
					}
				}
				for (String key : translation.stringPropertyNames()) {
					if (!english.containsKey(key)) {
						found.add(file(basename, language) + " has " + key + ", which English has not");
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void everyTextReadsAsWritten() throws IOException {
		List<String> found = new ArrayList<>();
		Map<String, String> owner = new TreeMap<>();
		for (String basename : MessageBundles.BASENAMES) {
			for (Locale language : languages()) {
				Properties texts = load(basename, language);
				if (texts == null) {
					continue;
				}
				for (String key : texts.stringPropertyNames()) {
					String text = texts.getProperty(key);
					String where = file(basename, language) + ": " + key;
					if (text.isBlank()) {
						found.add(where + " is empty");
					}
					else if (arguments(text).isEmpty() && text.contains("''")) {
						found.add(where + " has no arguments, so its '' shows as two quotes: write one");
					}
					else if (!arguments(text).isEmpty()) {
						found.addAll(formatProblems(where, text, language));
					}
					if (language == null) {
						String other = owner.putIfAbsent(key, basename);
						if (other != null) {
							found.add(key + " is in both " + other + " and " + basename);
						}
					}
				}
			}
		}
		assertThat(found).isEmpty();
	}

	@Test
	void everyKeyIsUsed() throws IOException {
		StringBuilder sources = new StringBuilder();
		for (Path file : files(JAVA, ".java")) {
			sources.append(Files.readString(file));
		}
		for (Path file : templates()) {
			sources.append(Files.readString(file));
		}
		String all = sources.toString();
		List<String> unused = new ArrayList<>();
		for (String basename : MessageBundles.BASENAMES) {
			Properties english = load(basename, null);
			if (english == null) {
				continue;
			}
			for (String key : new TreeSet<>(english.stringPropertyNames())) {
				if (!all.contains("\"" + key + "\"") && !Pattern.compile("#\\{" + Pattern.quote(key) + "[}(]")
					.matcher(all)
					.find()) {
					unused.add(basename + ": " + key);
				}
			}
		}
		assertThat(unused).as("keys no template or Java source names literally (never build a key from parts)")
			.isEmpty();
	}

	private static List<String> formatProblems(String where, String text, Locale language) {
		List<String> found = new ArrayList<>();
		if (SINGLE_QUOTE.matcher(text).find()) {
			found.add(where + " has arguments, so a single ' starts a quote: write '' (or ’)");
		}
		try {
			new MessageFormat(text, language == null ? Locale.ENGLISH : language);
		}
		catch (IllegalArgumentException ex) {
			found.add(where + " is not a MessageFormat pattern: " + ex.getMessage());
		}
		return found;
	}

	private static Set<Integer> arguments(String text) {
		Set<Integer> indexes = new TreeSet<>();
		Matcher matcher = ARGUMENT.matcher(text);
		while (matcher.find()) {
			indexes.add(Integer.parseInt(matcher.group(1)));
		}
		return indexes;
	}

	private static List<Locale> languages() {
		List<Locale> all = new ArrayList<>();
		all.add(null);
		all.addAll(TRANSLATIONS);
		return all;
	}

	private static String file(String basename, Locale language) {
		return Bundles.file(basename, language);
	}

	private static Properties load(String basename, Locale language) {
		return Bundles.load(basename, language);
	}

	private static List<Path> templates() throws IOException {
		return files(TEMPLATES, ".html");
	}

	private static List<Path> files(Path root, String suffix) throws IOException {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
		}
	}

	/** Walks one template's elements and reports what a reader would see that no message key gives. */
	private record TemplateReader(String name, List<String> found) {

		void read(Path template) throws IOException {
			DOMMarkupParser parser = new DOMMarkupParser(ParseConfiguration.htmlConfiguration());
			try {
				Document document = parser.parse(name, new StringReader(Files.readString(template)));
				visitChildren(document, false);
			}
			catch (ParseException ex) {
				found.add(name + ": cannot be read: " + ex.getMessage());
			}
		}

		private void visitChildren(INestableNode parent, boolean replaced) {
			for (INode child : parent.getChildren()) {
				if (child instanceof Element element) {
					visit(element, replaced);
				}
				else if (child instanceof Text text && !replaced) {
					text(text.getContent(), text.getLine());
				}
			}
		}

		private void visit(Element element, boolean replaced) {
			String tag = element.getElementName().toLowerCase(Locale.ROOT);
			Map<String, String> attributes = element.getAttributeMap();
			boolean ownContentReplaced = replaced || CONTENT_SETTERS.stream().anyMatch(attributes::containsKey)
					|| "all".equals(attributes.get("th:remove")) || "body".equals(attributes.get("th:remove"));
			if (!replaced) {
				attributes(tag, attributes, element.getLine());
			}
			if (tag.equals("script") || tag.equals("style")) {
				return;
			}
			visitChildren(element, ownContentReplaced);
		}

		private void text(String content, Integer line) {
			String words = CHARACTER_REFERENCE.matcher(INLINED.matcher(content).replaceAll(" ")).replaceAll(" ").strip();
			for (String allowed : NOT_TRANSLATED) {
				words = words.replace(allowed, "");
			}
			if (words.codePoints().anyMatch(Character::isLetter)) {
				found.add(name + ":" + line + ": text \"" + shortened(content.strip()) + "\"");
			}
		}

		private void attributes(String tag, Map<String, String> attributes, Integer line) {
			for (Map.Entry<String, String> attribute : attributes.entrySet()) {
				String attributeName = attribute.getKey().toLowerCase(Locale.ROOT);
				String value = attribute.getValue() == null ? "" : attribute.getValue();
				if (readAttribute(tag, attributes, attributeName)
						&& !attributes.containsKey("th:" + attributeName) && !setByThAttr(attributes, attributeName)
						&& value.codePoints().anyMatch(Character::isLetter) && !NOT_TRANSLATED.contains(value)) {
					found.add(name + ":" + line + ": attribute " + attributeName + "=\"" + shortened(value) + "\"");
				}
				if (CONTENT_SETTERS.contains(attributeName) || attributeName.startsWith("th:")
						&& readAttribute(tag, attributes, attributeName.substring(3))) {
					expression(attributeName, value, true, line);
				}
				else if (attributeName.equals("th:with")) {
					expression(attributeName, value, false, line);
				}
				else if (attributeName.equals("th:attr")) {
					for (String assignment : assignments(value)) {
						int equals = assignment.indexOf('=');
						if (equals > 0 && readAttribute(tag, attributes, assignment.substring(0, equals).strip())) {
							expression(attributeName, assignment.substring(equals + 1), true, line);
						}
					}
				}
			}
		}

		/** Quoted words in an expression, and with {@code substitutions} the words of its {@code |...|} parts. */
		private void expression(String attributeName, String value, boolean substitutions, Integer line) {
			for (String words : literals(withoutKeysAndLinks(value))) {
				if (words.codePoints().anyMatch(Character::isLetter) && !CODE_LITERAL.matcher(words).matches()
						&& !NOT_TRANSLATED.contains(words.strip())
						&& !words.strip().equals("· Feature Creep")) {
					found.add(name + ":" + line + ": " + attributeName + " has the literal '" + words + "'");
				}
			}
			String substituted = substitutions ? substitutedWords(value) : "";
			if (substituted.codePoints().anyMatch(Character::isLetter)) {
				found.add(name + ":" + line + ": " + attributeName + " has the words |" + substituted.strip() + "|");
			}
		}

		/** The quoted literals of an expression, in order ({@code \\'} is a quote inside one). */
		private static List<String> literals(String expression) {
			List<String> literals = new ArrayList<>();
			StringBuilder current = null;
			for (int i = 0; i < expression.length(); i++) {
				char c = expression.charAt(i);
				if (current == null) {
					if (c == '\'') {
						current = new StringBuilder();
					}
				}
				else if (c == '\\' && i + 1 < expression.length()) {
					current.append(expression.charAt(++i));
				}
				else if (c == '\'') {
					literals.add(current.toString());
					current = null;
				}
				else {
					current.append(c);
				}
			}
			return literals;
		}

		/** The {@code name=expression} parts of a {@code th:attr} or {@code th:with}, split at top-level commas. */
		private static List<String> assignments(String value) {
			List<String> parts = new ArrayList<>();
			int depth = 0;
			boolean quoted = false;
			int start = 0;
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (c == '\'') {
					quoted = !quoted;
				}
				else if (!quoted && (c == '(' || c == '{' || c == '[')) {
					depth++;
				}
				else if (!quoted && (c == ')' || c == '}' || c == ']')) {
					depth--;
				}
				else if (!quoted && depth == 0 && c == ',') {
					parts.add(value.substring(start, i));
					start = i + 1;
				}
			}
			parts.add(value.substring(start));
			return parts;
		}

		private static boolean readAttribute(String tag, Map<String, String> attributes, String attributeName) {
			if (READ_ATTRIBUTES.contains(attributeName) || attributeName.startsWith("data-")
					&& (attributeName.endsWith("-text") || attributeName.endsWith("-label"))) {
				return true;
			}
			if (attributeName.equals("value")) {
				String type = String.valueOf(attributes.get("type")).toLowerCase(Locale.ROOT);
				return tag.equals("input") && Set.of("submit", "button", "reset").contains(type);
			}
			return attributeName.equals("content") && tag.equals("meta")
					&& Set.of("description", "application-name").contains(attributes.get("name"));
		}

		private static boolean setByThAttr(Map<String, String> attributes, String attributeName) {
			String thAttr = attributes.get("th:attr");
			return thAttr != null && Pattern.compile("(^|,)\\s*" + Pattern.quote(attributeName) + "\\s*=")
				.matcher(thAttr)
				.find();
		}

		/** Removes {@code #{...}} and {@code @{...}}: literals inside them are keys and paths. */
		private static String withoutKeysAndLinks(String expression) {
			return expression.replaceAll("[#@]\\{[^}]*}", " ");
		}

		/** The words of {@code |...|} substitutions, outside the expressions inside them: {@code |Hello ${name}|}. */
		private static String substitutedWords(String expression) {
			StringBuilder words = new StringBuilder();
			Matcher substitution = SUBSTITUTION.matcher(expression);
			while (substitution.find()) {
				words.append(substitution.group(1).replaceAll("[$*#@~]\\{[^}]*}", " ")).append(' ');
			}
			return words.toString();
		}

		private static String shortened(String text) {
			String oneLine = text.replaceAll("\\s+", " ");
			return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
		}

	}

}
