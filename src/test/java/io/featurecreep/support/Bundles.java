package io.featurecreep.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/** The message bundles' files as Spring reads them (UTF-8), straight from src/main/resources. */
public final class Bundles {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private Bundles() {
	}

	/** The file of a bundle in a language (null: the English base), relative to src/main/resources. */
	public static String file(String basename, Locale language) {
		return basename.replace('.', '/') + (language == null ? "" : "_" + language.getLanguage()) + ".properties";
	}

	/** A bundle's texts in a language (null: the English base), or null when it has no such file. */
	public static Properties load(String basename, Locale language) {
		Path path = RESOURCES.resolve(file(basename, language));
		if (!Files.exists(path)) {
			return null;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
