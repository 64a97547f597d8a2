package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** What an automatic check looks at, and the rules that may decide it. */
public enum CheckType {
    /** A saved search (Lucene query) over the case's events. */
    @JsonProperty("search") SEARCH(List.of(CheckRule.NONE, CheckRule.SOME)),
    /** The findings of one detector. */
    @JsonProperty("detector") DETECTOR(List.of(CheckRule.EXISTS, CheckRule.CONFIRMED, CheckRule.NONE_NEW, CheckRule.NONE)),
    /** Replay runs (documents in collection {@code replay-runs}) of a replay plan. */
    @JsonProperty("replay") REPLAY(List.of(CheckRule.RUN_EXISTS));

    private final List<CheckRule> rules;

    CheckType(List<CheckRule> rules) {
        this.rules = rules;
    }

    public List<CheckRule> rules() {
        return rules;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
