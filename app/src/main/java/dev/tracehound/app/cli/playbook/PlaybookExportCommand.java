package dev.tracehound.app.cli.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.app.cli.CaseOption;
import dev.tracehound.app.cli.OutputOptions;
import dev.tracehound.app.export.CaseOutputs;
import dev.tracehound.app.pdf.HtmlToPdf;
import dev.tracehound.playbooks.export.Checklist;
import dev.tracehound.playbooks.run.PlaybookRun;
import dev.tracehound.playbooks.run.PlaybookRuns;
import dev.tracehound.timeline.store.Case;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a run as a printable checklist: Markdown, HTML or PDF.")
public final class PlaybookExportCommand implements Callable<Integer> {
    enum Format { md, html, pdf }

    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "The run id (optional when the case has one run).")
    String runId;

    @Option(names = "--format", required = true, paramLabel = "md|html|pdf", description = "md, html or pdf.")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "The file to write (default: the case's exports folder, RUN.md|html|pdf).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (Case c = caseOption.open()) {
            PlaybookRun run = new PlaybookRuns(c).resolve(runId);
            String name = c.info().name();
            Path out = this.out != null ? this.out : c.dir().resolve("exports").resolve(run.id() + "." + format.name());
            ObjectNode details = new ObjectMapper().createObjectNode().put("run", run.id()).put("format", format.name()).put("file", out.toAbsolutePath().toString());
            CaseOutputs.OutputRecord written = CaseOutputs.write(c, out, "playbook-export", details, "playbook", format.name(), os -> {
                switch (format) {
                    case md -> os.write(Checklist.markdown(run, name).getBytes(StandardCharsets.UTF_8));
                    case html -> os.write(Checklist.html(run, name).getBytes(StandardCharsets.UTF_8));
                    case pdf -> HtmlToPdf.render(Checklist.html(run, name), os);
                }
                return 1;
            });
            if (!written.audited()) output.noteNotAudited(written.file(), written.sha256());
            if (output.json()) output.printJson(details);
            else {
                output.out().println("wrote " + out + " (" + format + ", " + run.id() + ")");
                output.out().flush();
            }
        }
        return 0;
    }
}
