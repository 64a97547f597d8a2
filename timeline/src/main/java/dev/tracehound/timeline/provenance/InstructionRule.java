package dev.tracehound.timeline.provenance;

import java.util.regex.Pattern;

/**
 * One sign that text speaks to the model rather than to a person: an override of earlier instructions, a
 * directive to call a tool, a chat-template role marker. {@code weight} says how strong the sign is alone.
 */
public record InstructionRule(String id, String description, int weight, Pattern pattern) {

    static InstructionRule of(String id, String description, int weight, String regex) {
        return new InstructionRule(id, description, weight,
                Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE));
    }
}
