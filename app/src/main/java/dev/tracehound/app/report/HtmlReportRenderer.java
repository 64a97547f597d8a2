package dev.tracehound.app.report;

import dev.tracehound.app.report.IncidentReport.EvidenceEntry;
import dev.tracehound.app.report.IncidentReport.FindingEntry;
import dev.tracehound.app.report.IncidentReport.Flow;
import dev.tracehound.app.report.IncidentReport.PlaybookEntry;
import dev.tracehound.app.report.IncidentReport.QuarantinedFile;
import dev.tracehound.app.report.IncidentReport.ReplayEntry;
import dev.tracehound.app.report.IncidentReport.TimelineEntry;
import dev.tracehound.timeline.audit.AuditEntry;
import dev.tracehound.timeline.text.Html;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained, well-formed XHTML document: inline CSS, no scripts, no external resources, and a
 * Content-Security-Policy that forbids loading anything but inline styles and data: images, so even a rendering bug
 * could not make a browser call out. All case text goes through {@link Html#escape}, which also shows direction
 * controls as visible markers; evidence set inline among the report's words (actors, tools, tags, notes, the case name,
 * explanations) is isolated in {@code <bdi>}, and evidence blocks take their direction from their own text
 * ({@code dir="auto"}), so no evidence can reorder text outside its element. The same document feeds the PDF.
 */
public final class HtmlReportRenderer {
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    /**
     * DejaVu first: the PDF embeds exactly these families (see PdfFonts); browsers fall back to what they have. The
     * trailing "DejaVu Sans" after monospace lends the PDF the glyphs DejaVu Sans Mono lacks (Hebrew, some emoji).
     */
    private static final String CSS = """
            body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; font-size: 10pt; color: #1d232b; margin: 24px; }
            h1 { font-size: 18pt; margin-bottom: 4px; }
            h2 { font-size: 13pt; border-bottom: 1px solid #c7ced6; padding-bottom: 2px; margin-top: 22px; page-break-after: avoid; }
            h3 { font-size: 10.5pt; margin: 14px 0 2px 0; page-break-after: avoid; }
            table { border-collapse: collapse; width: 100%; margin: 6px 0; }
            th, td { border: 1px solid #d5dae0; padding: 3px 5px; text-align: left; vertical-align: top; }
            th { background: #eef1f4; }
            .text, .mono { word-wrap: break-word; overflow-wrap: break-word; }
            .text { white-space: pre-wrap; font-family: "DejaVu Sans Mono", "Courier New", monospace, "DejaVu Sans"; font-size: 8.5pt; background: #f6f7f9; padding: 4px; }
            .summary { white-space: pre-wrap; }
            .mono { font-family: "DejaVu Sans Mono", "Courier New", monospace, "DejaVu Sans"; font-size: 8pt; }
            .sev-CRITICAL, .sev-HIGH { color: #a4161a; font-weight: bold; }
            .sev-MEDIUM { color: #b35c00; font-weight: bold; }
            .muted { color: #5b6570; }
            .entry { margin: 8px 0; page-break-inside: avoid; }
            table.findings { table-layout: fixed; font-size: 9pt; -fs-table-paginate: paginate; }
            .c-sev { width: 15%; } .c-det { width: 22%; } .c-st { width: 23%; } .c-atlas { width: 25%; } .c-owasp { width: 15%; }
            tr.key { page-break-inside: avoid; page-break-after: avoid; }
            tr.key td { border-bottom: none; }
            td.expl, td.across { border-top: none; padding: 0 5px 6px 5px; word-wrap: break-word; overflow-wrap: break-word; }
            tbody.entry-rows { page-break-inside: avoid; }
            tbody.entry-rows tr.key td { vertical-align: baseline; }
            .nowrap { white-space: nowrap; }
            table.audit { table-layout: fixed; font-size: 9pt; -fs-table-paginate: paginate; }
            .a-seq { width: 7%; } .a-time { width: 31%; } .a-actor { width: 30%; } .a-action { width: 32%; }
            table.columns { table-layout: fixed; font-size: 9pt; -fs-table-paginate: paginate; }
            table.columns td { word-wrap: break-word; overflow-wrap: break-word; }
            .r-created { width: 32%; } .r-model { width: 20%; } .r-crit { width: 16%; } .r-rep { width: 17%; } .r-rate { width: 15%; }
            .m-file { width: 52%; } .m-size { width: 12%; } .m-format { width: 13%; } .m-status { width: 23%; }
            .q-loc { width: 22%; } .q-reason { width: 78%; }
            @page { size: A4; margin: 18mm 14mm; }
            """;

    public String render(IncidentReport r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\" />\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(Html.escape(CSP)).append("\" />\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\" />\n")
                .append("<title>").append(e("Incident report: " + r.caseInfo().name())).append("</title>\n")
                .append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Incident report: ").append(bdi(r.caseInfo().name())).append("</h1>\n");
        // One field a row, as the Report tab shows them: side by side, two whole timestamps leave no room for the rest.
        fields(h, List.of(
                List.of("Case id", r.caseInfo().caseId()),
                List.of("Case created", String.valueOf(r.caseInfo().created())),
                List.of("Report generated", String.valueOf(r.generatedAt())),
                List.of("Generated by", nz(r.generatedBy())),
                List.of("Tool version", "Tracehound " + r.toolVersion())));

        h.append("<h2>Executive summary</h2>\n");
        if (r.summary().isBlank()) h.append("<p class=\"muted\">No summary written yet.</p>\n");
        else h.append("<div class=\"summary\" dir=\"auto\">").append(e(r.summary())).append("</div>\n");

        scope(h, r.scope());
        findings(h, r.findings());
        timeline(h, r.timeline());
        flows(h, r.flows());
        replays(h, r.replays());
        playbooks(h, r.playbooks());
        evidence(h, r.evidence());
        quarantine(h, r.quarantine());
        audit(h, r.audit());
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void scope(StringBuilder h, IncidentReport.Scope s) {
        h.append("<h2>Scope</h2>\n");
        // the value column takes the rest of the line, room enough for whole session ids
        h.append("<table>\n<tr><th>Aspect</th><th>Value</th></tr>\n");
        for (List<String> row : s.rows()) h.append("<tr>").append(td(row.get(0))).append(wide(row.get(1))).append("</tr>\n");
        h.append("</table>\n");
    }

    private void findings(StringBuilder h, List<FindingEntry> findings) {
        h.append("<h2>Findings (").append(findings.size()).append(")</h2>\n");
        if (findings.isEmpty()) {
            h.append("<p class=\"muted\">No findings.</p>\n");
            return;
        }
        // Five short columns sized for the longest word each can hold (CRITICAL, FALSE_POSITIVE, AML.T0051.001, the
        // parts of a detector id), so words wrap only at spaces and hyphens; the explanation, prose that may quote
        // hashes and URLs, spans the table on the row below, where only such over-long tokens are broken, and with it
        // the session: a session id (a UUID, often with more glued to it) is kept whole, and no column holds one.
        h.append("<table class=\"findings\">\n<thead><tr><th class=\"c-sev\">Severity</th><th class=\"c-det\">Detector</th>"
                + "<th class=\"c-st\">Status</th><th class=\"c-atlas\">MITRE ATLAS</th><th class=\"c-owasp\">OWASP LLM</th>"
                + "</tr></thead>\n");
        for (FindingEntry f : findings) {
            h.append("<tbody class=\"finding\"><tr class=\"key\"><td class=\"sev-").append(e(f.severity())).append("\">")
                    .append(e(f.severity())).append("</td>")
                    .append(td(f.detector())).append(td(f.status())).append(ids(f.atlas())).append(ids(f.owasp())).append("</tr>\n")
                    .append("<tr><td class=\"expl\" colspan=\"5\">").append(bdiWhole(nz(f.explanation()))).append(" <span class=\"muted\">(")
                    .append(f.evidenceEvents()).append(" evidence events");
            if (f.sessionId() != null && !f.sessionId().isEmpty()) {
                h.append(" in session <span class=\"mono\">").append(bdiWhole(f.sessionId())).append("</span>");
            }
            h.append("; id <span class=\"mono\">").append(across(f.id())).append("</span>)</span></td></tr></tbody>\n");
        }
        h.append("</table>\n");
    }

    private void timeline(StringBuilder h, List<TimelineEntry> entries) {
        h.append("<h2>Key timeline</h2>\n");
        if (entries.isEmpty()) {
            h.append("<p class=\"muted\">No starred, tagged or annotated events.</p>\n");
            return;
        }
        for (TimelineEntry t : entries) {
            h.append("<div class=\"entry\"><div><b>").append(e(t.time())).append("</b> ")
                    .append(e(t.kind())).append(t.starred() ? " &#9733;" : "").append(' ')
                    .append(bdi(nz(t.actor()))).append(t.tool() != null ? " &#183; " + bdi(t.tool()) : "")
                    .append(" <span class=\"muted mono\">session ").append(bdiWhole(nz(t.sessionId()))).append(" &#183; event ")
                    .append(across(t.eventId())).append("</span></div>\n");
            if (!t.tags().isEmpty()) {
                h.append("<div>Tags: ").append(String.join(", ", t.tags().stream().map(HtmlReportRenderer::bdi).toList())).append("</div>\n");
            }
            for (String n : t.notes()) h.append("<div>Note: ").append(bdi(n)).append("</div>\n");
            h.append("<div class=\"text\" dir=\"auto\">").append(UnbrokenTokens.timesAndIds(t.text())).append("</div></div>\n");
        }
    }

    private void flows(StringBuilder h, List<Flow> flows) {
        h.append("<h2>Provenance flows</h2>\n");
        if (flows.isEmpty()) {
            h.append("<p class=\"muted\">No findings with a source and a sink.</p>\n");
            return;
        }
        for (Flow f : flows) {
            h.append("<div class=\"entry\"><div><b>").append(e(f.detector())).append("</b> <span class=\"muted mono\">finding ")
                    .append(across(f.findingId())).append("</span></div>\n")
                    .append("<div>Source: ").append(e(f.sourceKind())).append(" <span class=\"mono\">").append(across(f.sourceEventId())).append("</span></div>\n")
                    .append("<div class=\"text\" dir=\"auto\">").append(UnbrokenTokens.timesAndIds(f.sourceText())).append("</div>\n")
                    .append("<div>Sink: ").append(e(f.sinkKind())).append(" <span class=\"mono\">").append(across(f.sinkEventId())).append("</span></div>\n")
                    .append("<div class=\"text\" dir=\"auto\">").append(UnbrokenTokens.timesAndIds(f.sinkText())).append("</div></div>\n");
        }
    }

    private void replays(StringBuilder h, List<ReplayEntry> replays) {
        h.append("<h2>Replay results</h2>\n");
        if (replays.isEmpty()) {
            h.append("<p class=\"muted\">No replay runs.</p>\n");
            return;
        }
        // Fixed columns, each wide enough for its whole timestamp: with widths left to the renderer, an unbroken time and
        // run id pushed the last columns off a PDF page. Long models and names wrap inside their column; the run id (a
        // UUID, kept whole) has the row below, across the table, as the evidence manifest's hashes.
        h.append("<table class=\"columns\">\n<thead><tr><th class=\"r-created\">Created</th>"
                + "<th class=\"r-model\">Model</th><th class=\"r-crit\">Criterion</th><th class=\"r-rep\">Reproduced</th>"
                + "<th class=\"r-rate\">Rate (95% interval)</th></tr></thead>\n");
        for (ReplayEntry x : replays) {
            h.append("<tbody class=\"entry-rows\"><tr class=\"key\"><td class=\"mono\">").append(UnbrokenTokens.times(String.valueOf(x.created()))).append("</td>")
                    .append(td(x.model())).append(td(x.criterion()))
                    .append(td(x.reproduced() + " of " + x.completed() + " completed (" + x.trials() + " planned)"))
                    .append(td(rate(x))).append("</tr>\n")
                    .append("<tr><td class=\"across mono\" colspan=\"5\">Run ").append(across(x.id())).append("</td></tr></tbody>\n");
        }
        h.append("</table>\n");
    }

    /** A replay's reproduction rate with its 95% interval, as every report format (and the Report tab) shows it. */
    public static String rate(ReplayEntry x) {
        // with no trial completed there is no rate: "0% (0% to 100%)" would read as a measured zero
        if (x.completed() == 0) return "no trial completed";
        if (x.rate() == null) return "";
        String s = percent(x.rate());
        if (x.low() != null && x.high() != null) s += " (" + percent(x.low()) + " to " + percent(x.high()) + ")";
        return s;
    }

    private static String percent(double v) {
        return String.format(Locale.ROOT, "%.0f%%", v * 100);
    }

    private void playbooks(StringBuilder h, List<PlaybookEntry> runs) {
        h.append("<h2>Playbook progress</h2>\n");
        if (runs.isEmpty()) {
            h.append("<p class=\"muted\">No playbook runs.</p>\n");
            return;
        }
        table(h, List.of("Playbook", "Run", "Started by", "Started", "Steps done"), runs.stream()
                .map(p -> List.of(p.title() + " (" + p.playbookId() + ")", p.id(), p.startedBy(), p.startedAt(),
                        p.stepsDone() + " of " + p.stepsTotal()))
                .toList());
    }

    private void evidence(StringBuilder h, List<EvidenceEntry> evidence) {
        h.append("<h2>Evidence manifest</h2>\n");
        // Each file's SHA-256 and import time on a row of their own across the table: no narrower column holds 64 hex
        // digits on one line. Fixed columns, as the replay table: a long file name without spaces wraps in its column
        // instead of pushing the others off the page; the column is half the table, so a file named by a UUID (as
        // agent transcripts are) keeps it whole in the monospace font.
        h.append("<table class=\"columns\">\n<thead><tr><th class=\"m-file\">File</th><th class=\"m-size\">Size (bytes)</th>"
                + "<th class=\"m-format\">Format</th><th class=\"m-status\">Status</th></tr></thead>\n");
        for (EvidenceEntry x : evidence) {
            h.append("<tbody class=\"entry-rows\"><tr class=\"key\"><td class=\"mono\">").append(UnbrokenTokens.timesAndIds(x.fileName())).append("</td>")
                    .append(td(String.valueOf(x.size()))).append(td(x.format())).append(td(x.status())).append("</tr>\n")
                    .append("<tr><td class=\"across mono\" colspan=\"4\"><div>SHA-256 ").append(across(x.sha256())).append("</div>")
                    .append("<div class=\"muted\">Imported ").append(across(String.valueOf(x.importedAt()))).append("</div></td></tr></tbody>\n");
        }
        h.append("</table>\n");
    }

    private void quarantine(StringBuilder h, List<QuarantinedFile> files) {
        h.append("<h2>Quarantined records (").append(files.stream().mapToLong(QuarantinedFile::total).sum()).append(")</h2>\n");
        if (files.isEmpty()) {
            h.append("<p class=\"muted\">").append(e(IncidentReport.NO_QUARANTINE)).append("</p>\n");
            return;
        }
        h.append("<p>").append(e(IncidentReport.QUARANTINE_INTRO)).append("</p>\n");
        // As the evidence manifest: locator and reason in columns, the excerpt (hostile evidence, one line of it) across the table.
        for (QuarantinedFile f : files) {
            h.append("<h3>").append(bdiWhole(f.fileName())).append(": ").append(f.total()).append(f.total() == 1 ? " record" : " records")
                    .append(" quarantined</h3>\n")
                    .append("<div class=\"mono muted\">SHA-256 ").append(across(f.sha256())).append("</div>\n")
                    .append("<table class=\"columns\">\n<thead><tr><th class=\"q-loc\">Locator</th><th class=\"q-reason\">Reason</th></tr></thead>\n");
            for (List<String> q : f.rows()) {
                h.append("<tbody class=\"entry-rows\"><tr class=\"key\"><td class=\"mono\">").append(UnbrokenTokens.times(q.get(0))).append("</td>")
                        .append(wide(q.get(1))).append("</tr>\n<tr><td class=\"across mono\" colspan=\"2\"><span class=\"muted\">excerpt </span>")
                        .append(q.get(2).isEmpty() ? "<span class=\"muted\">(none kept)</span>" : "<bdi>" + across(q.get(2)) + "</bdi>").append("</td></tr></tbody>\n");
            }
            h.append("</table>\n");
            if (f.unlisted() != null) h.append("<p class=\"muted\">").append(e(f.unlisted())).append("</p>\n");
        }
    }

    private void audit(StringBuilder h, List<AuditEntry> audit) {
        h.append("<h2>Appendix: audit log (").append(audit.size()).append(" entries)</h2>\n");
        // As the evidence manifest: the short fields in columns (the time's wide enough for a whole timestamp), then the
        // details and the hash chain across the table, where a SHA-256 fits on one line.
        h.append("<table class=\"audit\">\n<thead><tr><th class=\"a-seq\">#</th><th class=\"a-time\">Time (UTC)</th>"
                + "<th class=\"a-actor\">Actor</th><th class=\"a-action\">Action</th></tr></thead>\n");
        for (AuditEntry a : audit) {
            h.append("<tbody class=\"entry-rows\"><tr class=\"key\">").append(td(String.valueOf(a.seq())))
                    .append("<td class=\"mono\">").append(UnbrokenTokens.times(String.valueOf(a.time()))).append("</td>")
                    .append(td(a.actor())).append(td(a.action())).append("</tr>\n")
                    .append("<tr><td class=\"across mono\" colspan=\"4\"><div>").append(across(a.details())).append("</div>")
                    .append("<div class=\"muted\">hash ").append(across(a.hash())).append("</div>")
                    .append("<div class=\"muted\">previous hash ").append(across(nz(a.prevHash()))).append("</div></td></tr></tbody>\n");
        }
        h.append("</table>\n");
    }

    private static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
        h.append("<table>\n<tr>");
        for (String c : header) h.append("<th>").append(e(c)).append("</th>");
        h.append("</tr>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            for (String c : row) h.append(td(c));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** A table of named values, the name heading each row. */
    private static void fields(StringBuilder h, List<List<String>> rows) {
        h.append("<table>\n");
        for (List<String> row : rows) h.append("<tr><th>").append(e(row.get(0))).append("</th>").append(wide(row.get(1))).append("</tr>\n");
        h.append("</table>\n");
    }

    /** A table cell, any time in it kept on one line. */
    private static String td(String s) {
        return "<td>" + UnbrokenTokens.times(s) + "</td>";
    }

    /** A cell of a column about half the table or wider, any time and id in it kept on one line. */
    private static String wide(String s) {
        return "<td>" + UnbrokenTokens.timesAndIds(s) + "</td>";
    }

    /** A cell of ids (ATLAS, OWASP): each id kept on one line (the renderer would break one at its dots), wrapped between. */
    private static String ids(List<String> ids) {
        StringBuilder b = new StringBuilder("<td>");
        for (int i = 0; i < ids.size(); i++) {
            b.append(i > 0 ? " " : "").append("<span class=\"nowrap\">").append(e(ids.get(i))).append(i < ids.size() - 1 ? "," : "").append("</span>");
        }
        return b.append("</td>").toString();
    }

    private static String e(String s) {
        return Html.escape(s);
    }

    /** Escaped for a row across a table, each time and hash in it kept on one line (see {@link UnbrokenTokens}). */
    private static String across(String s) {
        return UnbrokenTokens.timesAndDigests(s);
    }

    /** Evidence placed inline among the report's own words: escaped and isolated. */
    private static String bdi(String s) {
        return Html.isolated(s);
    }

    /** As {@link #bdi}, each time and id in it kept on one line: for a line of its own or a row across a table. */
    private static String bdiWhole(String s) {
        return "<bdi>" + UnbrokenTokens.timesAndIds(s) + "</bdi>";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
