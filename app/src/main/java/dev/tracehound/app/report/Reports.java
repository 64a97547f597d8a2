package dev.tracehound.app.report;

import dev.tracehound.app.export.CaseOutputs;
import dev.tracehound.timeline.audit.Actors;
import dev.tracehound.timeline.store.Case;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a case's incident report in one format, by default under the case's exports folder, and audits it. */
public final class Reports {
    private Reports() {}

    public static CaseOutputs.OutputRecord write(Case c, ReportFormat format, Path target) {
        IncidentReport report = ReportBuilder.build(c, Actors.current());
        Path out = target != null ? target : CaseOutputs.defaultPath(c, "report", format.id());
        return CaseOutputs.write(c, out, "report", format.id(), os -> {
            switch (format) {
                case HTML -> os.write(new HtmlReportRenderer().render(report).getBytes(StandardCharsets.UTF_8));
                case MD -> os.write(new MarkdownReportRenderer().render(report).getBytes(StandardCharsets.UTF_8));
                case PDF -> new PdfReportRenderer().render(report, os);
                case ZIP -> {
                    return new ReportPackage().write(report, os);
                }
            }
            return 1;
        });
    }
}
