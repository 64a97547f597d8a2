package dev.tracehound.playbooks.run;

/** A remark an investigator left on a step. {@code at} is an ISO-8601 instant. */
public record Note(String by, String at, String text) {}
