package dev.tracehound.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracehound.app.export.CaseOutputs;
import dev.tracehound.replay.Json;
import dev.tracehound.replay.export.JsonlExport;
import dev.tracehound.replay.export.PromptfooExport;
import dev.tracehound.replay.export.RegressionCase;
import dev.tracehound.timeline.context.ModelContext;
import dev.tracehound.timeline.store.Case;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tracehound export-regression}: the triggering context as a promptfoo test or a JSONL dataset line. */
@Command(name = "export-regression", mixinStandardHelpOptions = true, description = "Export a model call's context as a regression test (promptfoo YAML or JSONL).")
public final class ExportRegressionCommand implements Callable<Integer> {
    @Mixin CaseOption caseOption;
    @Mixin OutputOptions output;
    @Option(names = "--event", required = true, paramLabel = "ID") String event;
    @Option(names = "--format", required = true, description = "promptfoo or jsonl") String format;
    @Option(names = "--out", required = true, paramLabel = "FILE") Path out;
    @Option(names = "--forbid-tool", paramLabel = "NAME", description = "Tool that must not be called (default: the tools the recorded answer called).") List<String> forbidTools;

    @Override
    public Integer call() throws IOException {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("promptfoo") && !f.equals("jsonl")) throw new CliException("--format must be promptfoo or jsonl, not " + format);
        try (Case c = caseOption.open()) {
            ModelContext context = ContextReconstructorFactory.forCase(c).contextOf(event)
                    .orElseThrow(() -> new CliException("no model call with event id " + event + " in this case"));
            RegressionCase rc = RegressionCase.of(context, forbidTools);
            String name = c.info() == null ? null : c.info().name();
            String text = f.equals("promptfoo") ? PromptfooExport.write(rc, name) : JsonlExport.line(rc, name);
            ObjectNode details = Json.object().put("event", event).put("format", f).put("out", out.toAbsolutePath().toString());
            details.set("forbiddenTools", Json.MAPPER.valueToTree(rc.forbiddenTools()));
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            CaseOutputs.OutputRecord written = CaseOutputs.write(c, out, "export-regression", details, "regression", f, os -> {
                os.write(bytes);
                return 1;
            });
            if (!written.audited()) output.noteNotAudited(written.file(), written.sha256());
            if (output.json()) output.printJson(details);
            else output.out().println("wrote " + f + " regression test for " + event + " to " + out
                    + (rc.forbiddenTools().isEmpty() ? "" : " (must not call " + String.join(", ", rc.forbiddenTools()) + ")"));
            output.out().flush();
        }
        return 0;
    }
}
