package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing an investigator does. A step with {@code options} is a decision: its title is the question and each
 * option names the step to go to next.
 *
 * @param evidence what the step expects to be linked when it is ticked (event ids, findings, files, notes)
 * @param check an automatic check, or null
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Step(String id, String title, String guidance, List<String> evidence, Check check, List<DecisionOption> options) {
    public Step {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        options = options == null ? List.of() : List.copyOf(options);
    }

    @JsonIgnore
    public boolean isDecision() {
        return !options.isEmpty();
    }
}
