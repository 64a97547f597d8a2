package dev.tracehound.replay.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
        } catch (MismatchedInputException e) {
            // a value of the wrong type ("hot" for a temperature, a list for sampling): said in the plan's own terms
            String field = PlanValues.path(e.getPath());
            throw new IllegalArgumentException("plan " + file + ": " + (field.isEmpty() ? "the plan" : field.substring(0, field.length() - 1))
                    + " must be " + expected(e.getTargetType()), e);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("plan file not found: " + file);
        } catch (IOException e) {
            String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            if (e instanceof JsonParseException p && p.getLocation() != null) {
                // Jackson's advice to enable a parser feature means nothing to the user: NaN is not JSON, and is not a value here
                m = m.replaceFirst(":?\\s*(?:enable|\\(JSON String, Number, Array, Object).*$", "") + " (line " + p.getLocation().getLineNr()
                        + ", column " + p.getLocation().getColumnNr() + ")";
            }
            throw new IllegalArgumentException("cannot read plan " + file + ": " + m);
        }
    }

    /** What a plan field of this type holds, as a user would say it. */
    private static String expected(Class<?> type) {
        if (type == null) return "another kind of value";
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) return "a number";
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) return "a whole number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (List.class.isAssignableFrom(type) || type.isArray()) return "a list";
        return "an object";
    }

    public String toJson() {
        return Json.write(this);
    }
}
