package io.featurecreep;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Feature Creep: squad health checks, one service, one command to run. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FeatureCreepApplication {

	public static void main(String[] args) {
		SpringApplication.run(FeatureCreepApplication.class, args);
	}

}
