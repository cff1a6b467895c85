package io.featurecreep.backup;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

import io.featurecreep.healthcheck.AnonymityKey;

/** What a backup records about the installation it comes from, and what an import checks against. */
@Component
class InstallationFacts {

	private final Flyway flyway;

	private final AnonymityKey anonymityKey;

	private final String appVersion;

	InstallationFacts(Flyway flyway, AnonymityKey anonymityKey, ObjectProvider<BuildProperties> build) {
		this.flyway = flyway;
		this.anonymityKey = anonymityKey;
		BuildProperties properties = build.getIfAvailable();
		this.appVersion = properties == null || properties.getVersion() == null ? "unknown" : properties.getVersion();
	}

	String appVersion() {
		return appVersion;
	}

	/** The version of the newest migration applied to this database. */
	String schemaVersion() {
		MigrationInfo current = flyway.info().current();
		return current == null || current.getVersion() == null ? "0" : current.getVersion().getVersion();
	}

	String anonymityKeyFingerprint() {
		return anonymityKey.fingerprint();
	}

}
