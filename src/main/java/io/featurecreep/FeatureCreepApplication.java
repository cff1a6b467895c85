package io.featurecreep;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.featurecreep.backup.BackupCommandLine;

/**
 * Feature Creep: squad health checks, one service, one command to run. With {@code export FILE} or
 * {@code import FILE} as arguments it backs up or restores the installation instead (see {@link BackupCommandLine}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FeatureCreepApplication {

	public static void main(String[] args) {
		if (BackupCommandLine.handles(args)) {
			System.exit(BackupCommandLine.run(args, System.out, System.err));
		}
		SpringApplication.run(FeatureCreepApplication.class, args);
	}

}
