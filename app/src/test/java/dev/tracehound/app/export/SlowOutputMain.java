package dev.tracehound.app.export;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Run by {@link OutputFilesInterruptTest} in a JVM of its own: starts a write that never ends, and says so. */
public final class SlowOutputMain {
    private SlowOutputMain() {}

    public static void main(String[] args) throws Exception {
        OutputFiles.writeAtomically(Path.of(args[0]), out -> {
            out.write("first line\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1;
        });
    }
}
