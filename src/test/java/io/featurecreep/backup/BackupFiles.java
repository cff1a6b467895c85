package io.featurecreep.backup;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads and rewrites backup files the way a person with a zip tool and an editor could. */
final class BackupFiles {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private BackupFiles() {
	}

	/** Every entry, by name, in file order, as text. */
	static Map<String, String> entries(byte[] zip) {
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return entries;
	}

	/** The table entries only: what must be the same for the same data, wherever it was exported. */
	static Map<String, String> tables(byte[] zip) {
		Map<String, String> tables = new LinkedHashMap<>(entries(zip));
		tables.remove(Manifest.ENTRY);
		return tables;
	}

	static ObjectNode manifest(byte[] zip) {
		return (ObjectNode) JSON.readTree(entries(zip).get(Manifest.ENTRY));
	}

	/** The manifest without what says where and when the file was made. */
	static ObjectNode portableManifest(byte[] zip) {
		ObjectNode manifest = manifest(zip);
		manifest.remove("createdAt");
		manifest.remove("database");
		return manifest;
	}

	static byte[] write(Map<String, String> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> entry : entries.entrySet()) {
				out.putNextEntry(new ZipEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The same file with one entry changed. */
	static byte[] withEntry(byte[] zip, String name, UnaryOperator<String> change) {
		Map<String, String> entries = entries(zip);
		entries.put(name, change.apply(entries.get(name)));
		return write(entries);
	}

	/** The same file with a changed manifest. */
	static byte[] withManifest(byte[] zip, java.util.function.Consumer<ObjectNode> change) {
		ObjectNode manifest = manifest(zip);
		change.accept(manifest);
		return withEntry(zip, Manifest.ENTRY, ignored -> JSON.writeValueAsString(manifest));
	}

}
