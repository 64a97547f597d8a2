package dev.tracehound.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds the evaluable files of a corpus folder:
 * <ul>
 *   <li>{@code NAME.jsonl} beside {@code NAME.labels.jsonl} (ASB layout): one label per line joined on {@code id};
 *       {@code scenario} other than {@code clean} means an injection attempt, {@code attack_successful} a compromise;</li>
 *   <li>chat files in a folder whose {@code PROVENANCE.txt} says all runs are benign (tau-bench): negatives.</li>
 * </ul>
 */
public final class CorpusLayout {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CorpusLayout() {}

    public static List<EvalDataset> scan(Path corpus) {
        if (!Files.isDirectory(corpus)) throw new IllegalArgumentException("corpus folder not found: " + corpus);
        List<EvalDataset> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".labels.jsonl")) {
                    Path data = p.resolveSibling(name.replace(".labels.jsonl", ".jsonl"));
                    if (Files.isRegularFile(data)) out.add(labelled(data, p));
                } else if ((name.endsWith(".json") || name.endsWith(".jsonl")) && benignFolder(p.getParent())
                        && !Files.exists(p.resolveSibling(name.replaceAll("\\.jsonl?$", ".labels.jsonl")))) {
                    out.add(new EvalDataset(p, p.getParent().getFileName().toString(), Map.of(), true));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no labelled conversations in " + corpus
                    + ": expected NAME.jsonl beside NAME.labels.jsonl, or a folder whose PROVENANCE.txt says all runs are benign");
        }
        return out;
    }

    private static boolean benignFolder(Path dir) {
        Path prov = dir.resolve("PROVENANCE.txt");
        if (!Files.isRegularFile(prov)) return false;
        try {
            return Files.readString(prov).toLowerCase(Locale.ROOT).contains("all runs are benign");
        } catch (IOException e) {
            return false;
        }
    }

    static EvalDataset labelled(Path data, Path labelsFile) {
        Map<String, SessionLabel> labels = new HashMap<>();
        String scenario = data.getFileName().toString().replace(".jsonl", "");
        try (BufferedReader r = Files.newBufferedReader(labelsFile)) {
            int line = 0;
            for (String s; (s = r.readLine()) != null; ) {
                line++;
                if (s.isBlank()) continue;
                JsonNode n;
                try {
                    n = JSON.readTree(s);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalArgumentException(labelsFile + " line " + line + " is not JSON: " + e.getOriginalMessage());
                }
                if (!n.hasNonNull("id")) throw new IllegalArgumentException(labelsFile + " line " + line + " has no \"id\"");
                String sc = n.path("scenario").asText(scenario);
                boolean injection = n.has("injection") ? n.get("injection").asBoolean() : !sc.equalsIgnoreCase("clean");
                labels.put(n.get("id").asText(), new SessionLabel(injection, n.path("attack_successful").asBoolean(false), sc));
                scenario = sc;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EvalDataset(data, scenario, labels, false);
    }
}
