package io.featurecreep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/Dockerfile read by lines: instructions with their continuation lines joined and comments left out.
 * Enough of the format for our own file; the exec form (JSON arrays) is read as JSON.
 */
record Dockerfile(List<Instruction> instructions) {

	record Instruction(String keyword, String arguments) {

	}

	static Dockerfile read(Path file) {
		List<Instruction> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		try {
			for (String line : Files.readAllLines(file)) {
				String stripped = line.strip();
				if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
					continue;
				}
				if (stripped.startsWith("#")) {
					continue;
				}
				if (stripped.endsWith("\\")) {
					current.append(stripped, 0, stripped.length() - 1).append(' ');
					continue;
				}
				current.append(stripped);
				String instruction = current.toString().strip();
				current.setLength(0);
				int space = instruction.indexOf(' ');
				instructions.add(new Instruction(instruction.substring(0, space).toUpperCase(),
						instruction.substring(space + 1).strip()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Dockerfile(instructions);
	}

	List<String> all(String keyword) {
		return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
	}

	String last(String keyword) {
		List<String> all = all(keyword);
		if (all.isEmpty()) {
			throw new AssertionError("The Dockerfile has no " + keyword);
		}
		return all.getLast();
	}

	/** The instructions of the last stage: what the image is made of. */
	Dockerfile finalStage() {
		int from = 0;
		for (int i = 0; i < instructions.size(); i++) {
			if (instructions.get(i).keyword().equals("FROM")) {
				from = i;
			}
		}
		return new Dockerfile(instructions.subList(from, instructions.size()));
	}

	/** Variables of ENV instructions (the KEY=VALUE form). */
	Map<String, String> environment() {
		Map<String, String> environment = new TreeMap<>();
		for (String env : all("ENV")) {
			for (String pair : env.split("\\s+")) {
				int equals = pair.indexOf('=');
				if (equals < 0) {
					throw new AssertionError("Write ENV as KEY=VALUE: " + env);
				}
				environment.put(pair.substring(0, equals), pair.substring(equals + 1));
			}
		}
		return environment;
	}

	static List<String> execForm(String arguments) {
		if (!arguments.startsWith("[")) {
			throw new AssertionError("Use the exec form (a JSON array), so that signals reach the JVM: " + arguments);
		}
		return JsonMapper.builder().build().readValue(arguments, new TypeReference<List<String>>() {
		});
	}

}
