package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The incident-response phases (NIST SP 800-61 as used by the CoSAI framework), in the order they are worked. */
public enum Phase {
    @JsonProperty("preparation") PREPARATION("Preparation"),
    @JsonProperty("detection-and-analysis") DETECTION_AND_ANALYSIS("Detection and analysis"),
    @JsonProperty("containment") CONTAINMENT("Containment"),
    @JsonProperty("eradication-and-recovery") ERADICATION_AND_RECOVERY("Eradication and recovery"),
    @JsonProperty("post-incident") POST_INCIDENT("Post-incident");

    private final String title;

    Phase(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The name used in playbook files. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
