package io.featurecreep.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The application as {@code ./mvnw package} leaves it in {@code target/}, for the tests that start it as a process. */
public final class PackagedJar {

	private PackagedJar() {
	}

	/** The one executable jar in {@code target/}; fails with what to do when there is none, or more than one. */
	public static Path find() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("target").toAbsolutePath())) {
			List<Path> jars = files.filter(f -> f.getFileName().toString().matches("feature-creep-.*\\.jar"))
				.filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
				.toList();
			if (jars.size() != 1) {
				throw new IllegalStateException("Run after './mvnw -B package -DskipTests': expected one application jar in "
						+ "target/, found " + jars);
			}
			return jars.getFirst();
		}
	}

}
