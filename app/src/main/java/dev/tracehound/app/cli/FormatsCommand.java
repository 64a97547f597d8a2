package dev.tracehound.app.cli;

import dev.tracehound.importers.Importer;
import dev.tracehound.importers.Importers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tracehound formats [--json]}: the importers this build knows, with what each reads. */
@Command(name = "formats", mixinStandardHelpOptions = true, description = "List the import formats (for 'tracehound import --format').")
public final class FormatsCommand implements Callable<Integer> {
    @Mixin OutputOptions output;

    @Override
    public Integer call() {
        List<Importer> importers = Importers.all();
        if (output.json()) {
            output.printJson(importers.stream().map(i -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("format", i.format());
                m.put("description", i.description());
                return m;
            }).toList());
        } else {
            int width = importers.stream().mapToInt(i -> i.format().length()).max().orElse(6);
            importers.forEach(i -> output.out().printf("%-" + width + "s  %s%n", i.format(), i.description()));
            output.out().flush();
        }
        return 0;
    }
}
