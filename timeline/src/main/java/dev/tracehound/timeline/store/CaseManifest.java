package dev.tracehound.timeline.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads and writes {@code case.json}, turning every way it can be wrong into an actionable {@link CaseException}. */
final class CaseManifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseManifest() {}

    static void write(Path file, CaseInfo info) {
        ObjectNode node = JSON.createObjectNode();
        node.put("caseId", info.caseId());
        node.put("name", info.name());
        node.put("created", info.created().toString());
        node.put("toolVersion", info.toolVersion());
        node.put("schemaVersion", info.schemaVersion());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CaseException("Cannot write " + file + ": " + e.getMessage() + ". Check that the folder is writable.", e);
        }
    }

    static CaseInfo read(Path file) {
        JsonNode node;
        try {
            node = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new CaseException(file.getParent() + " is not a Tracehound case: it has no case.json. "
                    + "Choose the case folder itself, or create a new case.", e);
        } catch (IOException e) {
            throw corrupted(file, "it is not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (node == null || !node.isObject()) throw corrupted(file, "it does not hold a JSON object", null);
        String caseId = text(node, "caseId", file);
        String name = text(node, "name", file);
        Instant created;
        try {
            created = Instant.parse(text(node, "created", file));
        } catch (DateTimeParseException e) {
            throw corrupted(file, "its 'created' time is not an ISO instant", e);
        }
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw corrupted(file, "it has no integer 'schemaVersion'", null);
        }
        JsonNode tool = node.get("toolVersion");
        return new CaseInfo(caseId, name, created, tool == null ? "unknown" : tool.asText(), version.intValue());
    }

    private static String text(JsonNode node, String field, Path file) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) throw corrupted(file, "it has no '" + field + "'", null);
        return v.asText();
    }

    private static CaseException corrupted(Path file, String why, Throwable cause) {
        return new CaseException(file + " is damaged: " + why + ". Restore case.json from a backup; "
                + "Tracehound will not guess its contents.", cause);
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
