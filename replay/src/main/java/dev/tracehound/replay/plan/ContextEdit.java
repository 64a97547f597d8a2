package dev.tracehound.replay.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One change to the context before replay: remove a part, replace its whole text, or replace a span of text
 * inside it (to neutralise an injected sentence while keeping the rest).
 *
 * @param op {@code remove}, {@code replace} or {@code replace-text}
 * @param text the new text for {@code replace}
 * @param find the exact text to look for, for {@code replace-text}
 * @param replacement what {@code find} becomes (empty string deletes it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContextEdit(String op, PartSelector target, String text, String find, String replacement) {

    public static ContextEdit remove(PartSelector target) {
        return new ContextEdit("remove", target, null, null, null);
    }

    public static ContextEdit replace(PartSelector target, String text) {
        return new ContextEdit("replace", target, text, null, null);
    }

    public static ContextEdit replaceText(PartSelector target, String find, String replacement) {
        return new ContextEdit("replace-text", target, null, find, replacement);
    }

    public PartSelector selector() {
        return target == null ? new PartSelector(null, null, null) : target;
    }

    public String describe() {
        return switch (op == null ? "" : op) {
            case "remove" -> "remove " + selector().describe();
            case "replace" -> "replace the text of " + selector().describe();
            case "replace-text" -> "replace \"" + abbreviate(find) + "\" in " + selector().describe();
            default -> "unknown edit '" + op + "'";
        };
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
