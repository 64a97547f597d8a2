package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.annotation.JsonProperty;

/** When an automatic check counts as met. Which rules apply depends on the {@link CheckType}. */
public enum CheckRule {
    /** search: returns no events; detector: no finding of the detector (other than false positives). */
    @JsonProperty("none") NONE("returns nothing"),
    /** search: returns at least one event. */
    @JsonProperty("some") SOME("returns at least one event"),
    /** detector: a finding of the detector exists. */
    @JsonProperty("exists") EXISTS("a finding exists"),
    /** detector: at least one finding of the detector is confirmed by an investigator. */
    @JsonProperty("confirmed") CONFIRMED("a finding is confirmed"),
    /** detector: every finding of the detector has been triaged (none is still new). */
    @JsonProperty("none-new") NONE_NEW("no finding is left untriaged"),
    /** replay: a replay run exists for the plan. */
    @JsonProperty("run-exists") RUN_EXISTS("a replay run exists");

    private final String description;

    CheckRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
