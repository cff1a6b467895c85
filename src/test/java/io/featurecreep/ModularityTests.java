package io.featurecreep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature modules depend on each other only through their public API, never in a cycle, and only on the modules
 * each one declares in its {@code package-info.java} ({@code allowedDependencies}). The diagrams in docs/modules
 * show them, and are checked against the code.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(FeatureCreepApplication.class);

	private static final Path DOCS = Path.of("docs/modules");

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayUse() {
		modules.forEach(module -> {
			Package base = Package.getPackage(module.getBasePackage().getName());
			ApplicationModule declared = base == null ? null : base.getAnnotation(ApplicationModule.class);
			boolean open = declared != null && declared.type() == ApplicationModule.Type.OPEN;
			assertThat(declared != null && (open || !Arrays.asList(declared.allowedDependencies()).isEmpty()
					|| module.getDirectDependencies(modules).uniqueModules().findAny().isEmpty()))
				.as("%s declares allowedDependencies in its package-info.java", module.getIdentifier())
				.isTrue();
		});
	}

	/**
	 * The diagrams of docs/modules (all modules, then each with its neighbours) are the code's: written afresh and
	 * compared line by line, in any order, since the Documenter's order changes between runs.
	 * {@code -Dmodules.docs=write} rewrites them.
	 */
	@Test
	void diagramsInDocsMatchTheCode() throws IOException {
		Path fresh = Path.of("target/modules-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		List<Path> diagrams;
		try (Stream<Path> files = Files.list(fresh)) {
			diagrams = files.filter(file -> file.toString().endsWith(".puml")).sorted().toList();
		}
		assertThat(diagrams).isNotEmpty();
		boolean write = "write".equals(System.getProperty("modules.docs"));
		for (Path diagram : diagrams) {
			Path committed = DOCS.resolve(diagram.getFileName());
			if (write) {
				Files.createDirectories(DOCS);
				Files.copy(diagram, committed, StandardCopyOption.REPLACE_EXISTING);
			}
			assertThat(Files.exists(committed) ? sortedLines(committed) : List.of())
				.as("%s is out of date: run ./mvnw test -Dtest=ModularityTests -Dmodules.docs=write", committed)
				.isEqualTo(sortedLines(diagram));
		}
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

}
