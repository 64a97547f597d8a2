package dev.tracehound.app.cli.playbook;

import dev.tracehound.playbooks.catalogue.CatalogueEntry;
import dev.tracehound.playbooks.format.Phase;
import dev.tracehound.playbooks.format.Playbook;
import dev.tracehound.playbooks.format.Step;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.Progress;
import dev.tracehound.playbooks.run.StepState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes the playbook commands print with {@code --json}. */
final class PlaybookViews {
    private PlaybookViews() {}

    static Map<String, Object> summary(CatalogueEntry e) {
        Playbook p = e.playbook();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("version", p.version());
        m.put("incidentType", p.incidentType());
        m.put("origin", e.origin());
        m.put("references", Map.of("atlas", p.references().atlas(), "owasp", p.references().owasp(), "cosai", p.references().cosai()));
        m.put("detectors", List.copyOf(p.detectors()));
        m.put("steps", p.steps().size());
        return m;
    }

    static Map<String, Object> run(PlaybookRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("playbook", run.playbookId());
        m.put("version", run.playbookVersion());
        m.put("origin", run.origin());
        m.put("startedBy", run.startedBy());
        m.put("startedAt", run.startedAt());
        Map<String, Object> progress = new LinkedHashMap<>();
        run.progress().forEach((phase, pr) -> progress.put(phase.key(), progress(pr)));
        progress.put("total", progress(run.totalProgress()));
        m.put("progress", progress);
        List<Map<String, Object>> steps = new ArrayList<>();
        run.playbook().phases().forEach((phase, list) -> list.forEach(s -> steps.add(step(run, phase, s))));
        m.put("steps", steps);
        return m;
    }

    private static Map<String, Object> step(PlaybookRun run, Phase phase, Step s) {
        StepState st = run.state(s.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("phase", phase.key());
        m.put("title", s.title());
        m.put("status", run.status(s.id()).name());
        m.put("doneBy", st.doneBy());
        m.put("doneAt", st.doneAt());
        m.put("automatic", st.auto());
        m.put("choice", st.choice());
        m.put("notes", st.notes());
        m.put("events", st.events());
        m.put("findings", st.findings());
        m.put("replays", st.replays());
        m.put("check", s.check() == null ? null : Map.of("rule", s.check().describe(), "result", st.check() == null ? "not evaluated" : st.check()));
        return m;
    }

    private static Map<String, Integer> progress(Progress p) {
        return Map.of("done", p.done(), "skipped", p.skipped(), "total", p.total());
    }
}
