package dev.tracehound.app.cli;

import dev.tracehound.app.report.ReportPackageVerifier;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tracehound verify-report FILE.zip}: exit 0 when the package is intact, 1 naming what was changed. */
@Command(name = "verify-report", mixinStandardHelpOptions = true,
        description = "Check a report package (zip): manifest hash, every file's SHA-256, no extra files. Exit 0 intact, 1 tampered.")
public final class VerifyReportCommand implements Callable<Integer> {
    static final int TAMPERED = 1;

    @Mixin OutputOptions output;

    @Parameters(index = "0", paramLabel = "FILE.zip", description = "The report package to check.")
    Path zip;

    @Override
    public Integer call() throws IOException {
        ReportPackageVerifier.Result r = new ReportPackageVerifier().verify(zip);
        if (output.json()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", zip.toString());
            m.put("intact", r.intact());
            m.put("filesChecked", r.filesChecked());
            m.put("problems", r.problems());
            output.printJson(m);
        } else if (r.intact()) {
            output.out().printf("OK: %s is intact (%d files match the manifest, manifest matches manifest.sha256)%n", zip, r.filesChecked());
        } else {
            output.out().printf("TAMPERED: %s%n", zip);
            r.problems().forEach(p -> output.out().println("  " + p));
        }
        output.out().flush();
        return r.intact() ? 0 : TAMPERED;
    }
}
