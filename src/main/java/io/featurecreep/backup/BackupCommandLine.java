package io.featurecreep.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import io.featurecreep.healthcheck.AnonymityKey;

/**
 * The command-line modes of the application jar: {@code export FILE} writes a backup of the configured database,
 * {@code import FILE} reads one into it (Spring properties such as {@code --spring.datasource.url=...} may follow,
 * as for the server). They start only what a backup needs (the database, Flyway, the anonymity key): no web server,
 * no background workers, no Redis, so a one-off process never takes part in the running installation's work, and
 * nothing but the file and the database changes. Exit status 0 when done; otherwise a message on standard error
 * and 1 (2 for a wrong command line).
 */
public final class BackupCommandLine {

	private static final String USAGE = """
			Usage: java -jar feature-creep.jar export FILE   writes a backup of the whole installation to FILE
			       java -jar feature-creep.jar import FILE   reads a backup into a new, empty installation
			The database and the anonymity key come from the same settings as for the server
			(SPRING_DATASOURCE_URL, FEATURE_CREEP_ANONYMITY_KEY, ...; default: the H2 database under ./data).""";

	private BackupCommandLine() {
	}

	/** Whether the arguments ask for a command-line mode rather than the server. */
	public static boolean handles(String[] args) {
		return args.length > 0 && ("export".equals(args[0]) || "import".equals(args[0]));
	}

	/** Runs the command; returns the process's exit status. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		List<String> operands = Arrays.stream(args).skip(1).filter(arg -> !arg.startsWith("--")).toList();
		String[] springArgs = Arrays.stream(args).skip(1).filter(arg -> arg.startsWith("--")).toArray(String[]::new);
		if (operands.size() != 1) {
			err.println(USAGE);
			return 2;
		}
		Path file = Path.of(operands.get(0)).toAbsolutePath();
		boolean export = "export".equals(args[0]);
		if (!export && !Files.isRegularFile(file)) {
			err.println("No such file: " + file);
			return 1;
		}
		if (export && (file.getParent() == null || !Files.isDirectory(file.getParent()))) {
			err.println("No such folder: " + file.getParent());
			return 1;
		}
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(CommandContext.class).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties(Map.of("logging.level.root", "warn", "logging.level.org.flywaydb", "info"))
				.run(springArgs);
		}
		catch (RuntimeException ex) {
			err.println("Could not start: " + rootMessage(ex));
			return 1;
		}
		try (context) {
			if (export) {
				Manifest manifest = export(context.getBean(InstallationExport.class), file);
				out.printf("Exported %d rows of %d tables from %s (schema version %s) to %s%n",
						manifest.tables().stream().mapToLong(Manifest.TableEntry::rows).sum(), manifest.tables().size(),
						manifest.database(), manifest.schemaVersion(), file);
			}
			else {
				InstallationImport.Imported imported;
				try (InputStream in = Files.newInputStream(file)) {
					imported = context.getBean(InstallationImport.class).importFrom(in, InstallationImport.Occupant.nobody());
				}
				out.printf("Imported %d rows of %d tables (made %s on %s by Feature Creep %s) from %s%n", imported.rows(),
						imported.manifest().tables().size(), imported.manifest().createdAt(), imported.manifest().database(),
						imported.manifest().appVersion(), file);
			}
			return 0;
		}
		catch (ImportRefused refused) {
			err.println("Import refused: " + refused.getMessage());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			err.println((export ? "Export" : "Import") + " failed: " + rootMessage(ex));
			return 1;
		}
	}

	/** Written beside the target and moved over it at the end: a failed export never leaves half a file. */
	private static Manifest export(InstallationExport export, Path file) throws IOException {
		Path partial = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".partial");
		try {
			Manifest manifest;
			try (OutputStream out = Files.newOutputStream(partial)) {
				manifest = export.writeTo(out);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return manifest;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getMessage() == null ? cause.toString() : cause.getMessage();
	}

	/**
	 * Only what a backup needs. Not a {@code @Configuration}, so that the server's component scan passes it by (the
	 * server has these beans already).
	 */
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
			ProjectInfoAutoConfiguration.class })
	@Import({ AnonymityKey.class, InstallationFacts.class, InstallationExport.class, InstallationImport.class })
	static class CommandContext {

	}

}
