package dev.tracehound.app.ui.inspector;

/**
 * One message of a conversation as the inspector draws it: a bubble per role.
 *
 * @param toolCalls the calls an assistant message made, one per line as {@code name(arguments)}; empty if none
 */
public record ChatMessage(String role, String text, String toolCalls) {}
