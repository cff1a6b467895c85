package io.featurecreep.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.featurecreep.shared.BuildTimeSettings.SettingsFixedAtBuild;

/** Says plainly why a Spring AOT start was refused and what to do about it. */
final class SettingsFixedAtBuildAnalyzer extends AbstractFailureAnalyzer<SettingsFixedAtBuild> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SettingsFixedAtBuild cause) {
		return new FailureAnalysis(
				"Started with Spring AOT (-Dspring.aot.enabled=true), but these settings differ from the ones the jar was "
						+ "built with, and Spring AOT fixed them at build time:\n  - " + String.join("\n  - ", cause.differences()),
				"Start without -Dspring.aot.enabled=true (everything is then decided at start), or build the jar with these "
						+ "settings (for example SPRING_PROFILES_ACTIVE or MANAGEMENT_SERVER_PORT set while running "
						+ "./mvnw package), or leave them as they were at build time.",
				cause);
	}

}
