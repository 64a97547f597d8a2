package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a playbook file and validates it completely, or throws a {@link PlaybookException} naming file, line,
 * column and what is wrong.
 */
public final class PlaybookReader {
    /** Playbooks are a few kilobytes; anything this big is not one, and is refused before it is read. */
    static final long MAX_BYTES = 1 << 20;

    private static final Map<Class<?>, String> OBJECT_NAMES = Map.of(
            Playbook.class, "the playbook", References.class, "references", Step.class, "a step",
            Check.class, "a check", DecisionOption.class, "an option");

    private PlaybookReader() {}

    public static Playbook read(Path file) {
        return read(readText(file), file.toString());
    }

    /** The text of a playbook file, refusing files too big to be one and text that is not UTF-8. */
    public static String readText(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new PlaybookException(new Problem(name, 0, 0, "the file is larger than 1 MB; a playbook is a small YAML file"));
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new PlaybookException(new Problem(name, 0, 0, "the file is not UTF-8 text"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PlaybookException(new Problem(name, 0, 0, "no such file"));
        } catch (IOException e) {
            throw new PlaybookException(new Problem(name, 0, 0, "cannot read the file: " + e.getMessage()));
        }
    }

    /** @param source the file name used in problems */
    public static Playbook read(String yaml, String source) {
        if (yaml.isBlank()) throw new PlaybookException(new Problem(source, 1, 1, "the file is empty; a playbook needs id, title, version and phases"));
        Locations locations;
        Playbook playbook;
        try {
            locations = Locations.of(yaml);
        } catch (JsonProcessingException e) {
            throw new PlaybookException(describe(e, null, source));
        } catch (IOException e) {
            throw new PlaybookException(new Problem(source, 0, 0, "cannot read: " + e.getMessage()));
        }
        try {
            playbook = Yaml.YAML.readValue(yaml, Playbook.class);
        } catch (JsonProcessingException e) {
            throw new PlaybookException(describe(e, locations, source));
        }
        if (playbook == null) throw new PlaybookException(new Problem(source, 1, 1, "the file holds no playbook"));
        List<Problem> problems = new PlaybookValidator(source, locations).validate(playbook);
        if (!problems.isEmpty()) throw new PlaybookException(problems);
        return playbook;
    }

    /** @param locations null when the text is not even well-formed YAML */
    private static Problem describe(JsonProcessingException e, Locations locations, String source) {
        MarkedYAMLException marked = cause(e, MarkedYAMLException.class);
        if (marked != null && marked.getProblemMark() != null) {
            String context = marked.getContext() == null ? "" : " (" + marked.getContext() + ")";
            return new Problem(source, marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1,
                    "malformed YAML: " + marked.getProblem() + context);
        }
        JsonParseException syntax = cause(e, JsonParseException.class);
        if (syntax != null) {
            JsonLocation l = syntax.getLocation();
            return new Problem(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "malformed YAML: " + yamlMessage(syntax));
        }
        JsonLocation loc = e instanceof JsonMappingException m && locations != null ? locate(m, locations) : e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int col = loc == null ? 0 : loc.getColumnNr();
        return new Problem(source, Math.max(line, 0), Math.max(col, 0), message(e));
    }

    /** Data binding reports where it noticed the problem, often the end of the object; the path is more precise. */
    private static JsonLocation locate(JsonMappingException e, Locations locations) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/').append(r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == Phase.class) pointer.append('/').append(f.getValue());
        JsonLocation l = pointer.isEmpty() ? null : locations.at(pointer.toString());
        return l != null ? l : e.getLocation();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
        }
        return null;
    }

    /** SnakeYAML's message has context lines and a caret drawing; keep the words. */
    private static String yamlMessage(JsonParseException e) {
        return e.getOriginalMessage().lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("^") && !l.startsWith("in 'reader'") && !l.startsWith("in 'string'"))
                .collect(Collectors.joining("; "));
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "' in " + objectName(u.getReferringClass())
                    + "; allowed fields: " + sorted(u.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            String allowed = Arrays.stream(f.getTargetType().getEnumConstants()).map(PlaybookReader::enumKey).collect(Collectors.joining(", "));
            return "unknown " + enumName(f.getTargetType()) + " '" + f.getValue() + "'" + at(f) + "; allowed: " + allowed;
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "wrong kind of value" + at(m) + ": expected " + shape(m.getTargetType());
        }
        if (e instanceof JsonMappingException m) return firstLine(m.getOriginalMessage()) + at(m);
        return "malformed YAML: " + firstLine(e.getOriginalMessage());
    }

    private static String at(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        return path.isEmpty() ? "" : " at '" + path.substring(path.startsWith(".") ? 1 : 0) + "'";
    }

    private static String shape(Class<?> type) {
        if (Collection.class.isAssignableFrom(type)) return "a list";
        if (Map.class.isAssignableFrom(type)) return "a mapping of phase names to lists of steps";
        if (type == String.class) return "a text value";
        if (type.isEnum()) return "one of " + Arrays.stream(type.getEnumConstants()).map(PlaybookReader::enumKey).collect(Collectors.joining(", "));
        String name = OBJECT_NAMES.get(type);
        return name != null ? "a mapping describing " + name : type.getSimpleName();
    }

    private static String objectName(Class<?> type) {
        return OBJECT_NAMES.getOrDefault(type, type == null ? "the document" : type.getSimpleName());
    }

    private static String enumName(Class<?> type) {
        if (type == Phase.class) return "phase";
        if (type == CheckType.class) return "check type";
        if (type == CheckRule.class) return "rule (expect)";
        return type.getSimpleName();
    }

    private static String enumKey(Object constant) {
        return switch (constant) {
            case Phase p -> p.key();
            case CheckType t -> t.key();
            case CheckRule r -> r.key();
            default -> constant.toString();
        };
    }

    private static String sorted(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
