package dev.tracehound.playbooks.format;

import com.fasterxml.jackson.core.JsonLocation;
import dev.tracehound.playbooks.DetectorIds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;

/** The rules a bound playbook must follow beyond its shape; collects every problem, each with its location. */
final class PlaybookValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern ATLAS = Pattern.compile("AML\\.(T\\d{4}(\\.\\d{3})?|M\\d{4})");
    private static final Pattern SECTION = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern OWASP = Pattern.compile("LLM(0[1-9]|10)");

    private final String source;
    private final Locations locations;
    private final List<Problem> problems = new ArrayList<>();

    PlaybookValidator(String source, Locations locations) {
        this.source = source;
        this.locations = locations;
    }

    /** More steps than anyone follows by hand; a run of this many still fits the case's record of it. */
    static final int MAX_STEPS = 500;

    List<Problem> validate(Playbook p) {
        requireId(p.id(), "", "the playbook");
        require(p.title(), "", "title", "the playbook");
        require(p.version(), "", "version", "the playbook");
        require(p.incidentType(), "", "incidentType", "the playbook");
        references(p.references());
        int stepCount = p.phases().values().stream().mapToInt(List::size).sum();
        if (stepCount > MAX_STEPS) {
            problem("/phases", "the playbook has " + stepCount + " steps; at most " + MAX_STEPS + " are kept (a run records every step's state in the case)");
        }
        if (p.phases().values().stream().allMatch(List::isEmpty)) {
            problem("/phases", "the playbook has no steps; give at least one phase ("
                    + String.join(", ", java.util.Arrays.stream(Phase.values()).map(Phase::key).toList()) + ") with steps");
        }
        Map<String, String> firstPointerOfId = new HashMap<>();
        p.phases().forEach((phase, steps) -> {
            for (int i = 0; i < steps.size(); i++) {
                String ptr = "/phases/" + phase.key() + "/" + i;
                Step s = steps.get(i);
                if (s == null) {
                    problem(ptr, "empty step in phase " + phase.key());
                    continue;
                }
                step(s, ptr);
                if (s.id() != null) {
                    String earlier = firstPointerOfId.putIfAbsent(s.id(), ptr);
                    if (earlier != null) {
                        JsonLocation first = locations.at(earlier + "/id");
                        problem(ptr + "/id", "duplicate step id '" + s.id() + "'" + (first == null ? "" : " (first used at line " + first.getLineNr() + ")"));
                    }
                }
            }
        });
        branches(p, firstPointerOfId);
        return problems;
    }

    private void references(References r) {
        for (int i = 0; i < r.atlas().size(); i++) {
            String id = r.atlas().get(i);
            if (id == null || !ATLAS.matcher(id).matches()) problem("/references/atlas/" + i, "'" + id + "' is not a MITRE ATLAS id (AML.T0051, AML.T0051.001 or AML.M0020)");
        }
        for (int i = 0; i < r.owasp().size(); i++) {
            String id = r.owasp().get(i);
            if (id == null || !OWASP.matcher(id).matches()) problem("/references/owasp/" + i, "'" + id + "' is not an OWASP LLM Top 10 2025 id (LLM01 to LLM10)");
        }
        for (int i = 0; i < r.cosai().size(); i++) {
            String id = r.cosai().get(i);
            if (id == null || !SECTION.matcher(id).matches()) problem("/references/cosai/" + i, "'" + id + "' is not a section number of the CoSAI framework (such as \"4.3.2\")");
        }
        for (int i = 0; i < r.detectors().size(); i++) knownDetector(r.detectors().get(i), "/references/detectors/" + i);
    }

    private void step(Step s, String ptr) {
        requireId(s.id(), ptr, "a step");
        require(s.title(), ptr, "title", "step " + name(s));
        require(s.guidance(), ptr, "guidance", "step " + name(s));
        if (s.check() != null) check(s.check(), ptr + "/check", s);
        if (s.isDecision() && s.options().size() < 2) problem(ptr + "/options", "decision step " + name(s) + " needs at least two options");
        for (int i = 0; i < s.options().size(); i++) {
            DecisionOption o = s.options().get(i);
            String optPtr = ptr + "/options/" + i;
            if (o == null) {
                problem(optPtr, "empty option in step " + name(s));
                continue;
            }
            require(o.label(), optPtr, "label", "an option of step " + name(s));
            require(o.next(), optPtr, "next", "an option of step " + name(s));
        }
    }

    private void check(Check c, String ptr, Step s) {
        if (c.type() == null) {
            problem(ptr, "the check of step " + name(s) + " has no 'type'; allowed: search, detector, replay");
            return;
        }
        switch (c.type()) {
            case SEARCH -> {
                if (require(c.query(), ptr, "query", "the search check of step " + name(s))) query(c.query(), ptr + "/query");
            }
            case DETECTOR -> {
                if (require(c.detector(), ptr, "detector", "the detector check of step " + name(s))) knownDetector(c.detector(), ptr + "/detector");
            }
            case REPLAY -> require(c.plan(), ptr, "plan", "the replay check of step " + name(s));
        }
        if (c.expect() == null) {
            problem(ptr, "the check of step " + name(s) + " has no 'expect' (its rule for done); allowed for "
                    + c.type().key() + ": " + rules(c.type()));
        } else if (!c.type().rules().contains(c.expect())) {
            problem(ptr + "/expect", "rule '" + c.expect().key() + "' does not apply to a " + c.type().key() + " check; allowed: " + rules(c.type()));
        }
    }

    private void query(String query, String ptr) {
        try {
            new QueryParser("text", new StandardAnalyzer()).parse(query);
        } catch (ParseException | RuntimeException e) {
            String msg = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            problem(ptr, "the search query does not parse: " + msg);
        }
    }

    private void branches(Playbook p, Map<String, String> stepPointers) {
        for (Step s : p.steps()) {
            if (s == null) continue;
            for (int i = 0; i < s.options().size(); i++) {
                DecisionOption o = s.options().get(i);
                if (o == null || o.next() == null || stepPointers.containsKey(o.next())) continue;
                String ptr = stepPointers.getOrDefault(s.id(), "") + "/options/" + i + "/next";
                problem(ptr, "option '" + o.label() + "' of step " + name(s) + " leads to step '" + o.next() + "', which does not exist");
            }
        }
    }

    private void knownDetector(String id, String ptr) {
        if (!DetectorIds.isKnown(id)) problem(ptr, "unknown detector '" + id + "'; the built-in detectors are: "
                + String.join(", ", DetectorIds.ALL));
    }

    private void requireId(String id, String ptr, String what) {
        if (require(id, ptr, "id", what) && !ID.matcher(id).matches()) {
            problem(ptr + "/id", "id '" + id + "' may use only lowercase letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
    }

    private boolean require(String value, String ptr, String field, String what) {
        if (value != null && !value.isBlank()) return true;
        problem(value == null ? ptr : ptr + "/" + field, what + " has no '" + field + "' (required)");
        return false;
    }

    private static String rules(CheckType t) {
        return String.join(", ", t.rules().stream().map(CheckRule::key).toList());
    }

    private static String name(Step s) {
        return s.id() == null ? "(without id)" : "'" + s.id() + "'";
    }

    private void problem(String pointer, String message) {
        JsonLocation l = locations.at(pointer);
        problems.add(new Problem(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), message));
    }
}
