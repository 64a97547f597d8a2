package dev.tracehound.importers.otlp;

import org.junit.jupiter.api.Test;

class ZzDumpTest {
    @Test
    void dump() throws Exception {
        String f = System.getProperty("dump.file");
        String fmt = System.getProperty("dump.format", "otlp");
        if (f == null) return;
        var imp = java.util.ServiceLoader.load(dev.tracehound.importers.Importer.class).stream()
                .map(java.util.ServiceLoader.Provider::get).filter(i -> i.format().equals(fmt)).findFirst().orElseThrow();
        CollectingSink sink = new CollectingSink();
        imp.read(Sources.of(java.nio.file.Path.of(f)), sink);
        System.out.println(sink.dump());
        sink.quarantined.forEach(q -> System.out.println("QUARANTINE " + q));
        sink.warnings.forEach(w -> System.out.println("WARN " + w));
    }
}
