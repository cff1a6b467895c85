package io.featurecreep.squads;

import java.util.Map;

/**
 * A piece of the squad pages that another module renders: a Thymeleaf fragment ({@code template :: fragment})
 * and the values it needs, passed to it as {@code part}. Lower order comes first.
 */
public record SquadPagePart(int order, String template, String fragment, Map<String, Object> values) {
}
