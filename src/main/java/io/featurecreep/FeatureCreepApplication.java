package io.featurecreep;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Feature Creep: squad health checks, one service, one command to run. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FeatureCreepApplication {

	public static void main(String[] args) {
		SpringApplication.run(FeatureCreepApplication.class, args);
	}

}
