package dev.tracehound.replay.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.wire.Sampling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What to replay and how: the model call, the number of trials, sampling, an optional model override and the
 * edits to the context. Stored as JSON; the CLI reads it with {@code --plan FILE} and the app edits it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayPlan(String targetEventId, Integer trials, Sampling sampling, String model, Boolean stream,
        List<ContextEdit> edits, CriterionSettings criterion) {

    public static final int MAX_TRIALS = 1000;

    public ReplayPlan {
        edits = edits == null ? List.of() : List.copyOf(edits);
        sampling = sampling == null ? Sampling.DEFAULTS : sampling;
        criterion = criterion == null ? CriterionSettings.DEFAULTS : criterion;
        if (trials != null && (trials < 1 || trials > MAX_TRIALS))
            throw new IllegalArgumentException("trials must be between 1 and " + MAX_TRIALS + ", not " + trials);
    }

    public static ReplayPlan baseline(String eventId, int trials) {
        return new ReplayPlan(eventId, trials, null, null, null, List.of(), null);
    }

    public int trialCount() {
        return trials == null ? 1 : trials;
    }

    public boolean streaming() {
        return stream != null && stream;
    }

    public boolean hasEdits() {
        return !edits.isEmpty();
    }

    /** The same plan with no edits: the baseline an ablation is measured against. */
    public ReplayPlan withoutEdits() {
        return new ReplayPlan(targetEventId, trials, sampling, model, stream, List.of(), criterion);
    }

    public ReplayPlan with(String eventId, Integer n) {
        return new ReplayPlan(eventId != null ? eventId : targetEventId, n != null ? n : trials, sampling, model, stream, edits, criterion);
    }

    /** Reads a plan; a field it does not know is an error, since a misspelt "edits" would replay without edits. */
    public static ReplayPlan read(Path file) {
        try {
            return Json.MAPPER.readerFor(ReplayPlan.class)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            java.util.List<String> known = e.getKnownPropertyIds() == null ? java.util.List.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            throw new IllegalArgumentException("plan " + file + ": unknown field '" + e.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : "; the fields here are " + String.join(", ", known)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("plan file not found: " + file);
        } catch (IOException e) {
            String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("cannot read plan " + file + ": " + m);
        }
    }

    public String toJson() {
        return Json.write(this);
    }
}
