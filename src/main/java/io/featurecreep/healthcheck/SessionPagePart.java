package io.featurecreep.healthcheck;

import java.util.Map;

/**
 * A piece of a session's pages that another module renders: a Thymeleaf fragment ({@code template :: fragment})
 * and the values it needs, passed to it as {@code part}. {@code first} parts come before the questions (what a
 * squad looks at before voting), the others after them.
 */
public record SessionPagePart(boolean first, String template, String fragment, Map<String, Object> values) {
}
