package dev.tracehound.replay.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.Ranges;
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

    /** The most trials one run makes: the CLI's {@code -n}, the desktop's spinner and plans share it. */
    public static final int MAX_TRIALS = 1000;

    public ReplayPlan {
        edits = edits == null ? List.of() : List.copyOf(edits);
        sampling = sampling == null ? Sampling.DEFAULTS : sampling;
        criterion = criterion == null ? CriterionSettings.DEFAULTS : criterion;
        checkTrials("trials", trials);
    }

    /** @param field how the caller names it (a plan field, a command-line option) */
    public static void checkTrials(String field, Integer value) {
        if (value != null) Ranges.requireBetween(field, value, 1, MAX_TRIALS);
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

    /**
     * Reads a plan; a field it does not know is an error, since a misspelt "edits" would replay without edits, and so
     * is a value no provider accepts (temperature 99, top_p 2, max tokens 0, a fraction of a trial): the message names
     * the field, the value and the range.
     */
    public static ReplayPlan read(Path file) {
        try {
            JsonNode tree = Json.MAPPER.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readTree(Files.readAllBytes(file));
            if (tree == null || tree.isMissingNode()) throw new IllegalArgumentException("the file is empty");
            PlanValues.check(tree);
            return Json.MAPPER.readerFor(ReplayPlan.class)
                    .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(tree);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("plan " + file + ": " + e.getMessage(), e);
        } catch (UnrecognizedPropertyException e) {
            List<String> known = e.getKnownPropertyIds() == null ? List.of()
                    : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            throw new IllegalArgumentException("plan " + file + ": unknown field '" + e.getPropertyName() + "'"
                    + (known.isEmpty() ? "" : "; the fields here are " + String.join(", ", known)));
        } catch (ValueInstantiationException e) {
            // a value a constructor refused (a coerced string, say): its message names the field within the object
            String message = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new IllegalArgumentException("plan " + file + ": " + PlanValues.path(e.getPath()) + message, e);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("plan file not found: " + file);
        } catch (IOException e) {
            String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("cannot read plan " + file + ": " + m);
        }
    }

    public String toJson() {
        return Json.write(this);
    }
}
