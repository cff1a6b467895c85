package io.featurecreep.insights;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.web.util.UriUtils;

/**
 * The file name of a download, and its {@code Content-Disposition} header as RFC 6266 has it: {@code filename*}
 * (UTF-8) with the name as people typed it, for browsers, and {@code filename} in plain ASCII for the few clients
 * that read only that. Whatever a squad is called, the name holds no path separator, quote, control character or
 * other character that file systems refuse.
 */
record DownloadName(String name) {

	private static final int LONGEST_PART = 80;

	/** A name of the given parts joined by dashes, each made safe; blank parts are left out. */
	static DownloadName of(String extension, String... parts) {
		StringBuilder name = new StringBuilder();
		for (String part : parts) {
			String safe = safe(part);
			if (!safe.isEmpty()) {
				name.append(name.isEmpty() ? "" : "-").append(safe);
			}
		}
		return new DownloadName((name.isEmpty() ? "download" : name.toString()) + "." + extension);
	}

	String contentDisposition() {
		return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''"
				+ UriUtils.encode(name, StandardCharsets.UTF_8);
	}

	/** Letters and digits of any script stay; every run of anything else becomes one dash. */
	private static String safe(String part) {
		if (part == null) {
			return "";
		}
		String safe = Normalizer.normalize(part, Normalizer.Form.NFC)
			.replaceAll("[^\\p{L}\\p{N}]+", "-")
			.replaceAll("^-+|-+$", "");
		if (safe.codePointCount(0, safe.length()) > LONGEST_PART) {
			safe = safe.substring(0, safe.offsetByCodePoints(0, LONGEST_PART)).replaceAll("-+$", "");
		}
		return safe;
	}

	/** The same name in ASCII: accents dropped (é becomes e), any other character a dash. */
	private static String ascii(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.replaceAll("[^A-Za-z0-9.]+", "-")
			.replaceAll("-+", "-")
			.replaceAll("^-|-(?=\\.)", "");
		return ascii.startsWith(".") ? "download" + ascii : ascii;
	}

}
