package dev.tracehound.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --json}: exactly one JSON document on stdout instead of the human table. Use as a {@code @Mixin}. */
public final class OutputOptions {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    public boolean json() {
        return json;
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Where notes and warnings go, so that stdout stays one JSON document with {@code --json}. */
    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Tells the user that a file just written from a read-only case is not in its audit log, and gives its hash to keep. */
    public void noteNotAudited(java.nio.file.Path file, String sha256) {
        err().println("tracehound: note: the case is read-only, so its audit log does not record writing " + file
                + "; keep its SHA-256 " + sha256 + " with the file as the record of what left the case.");
        err().flush();
    }

    /** Writes {@code value} as the single JSON document of this command. */
    public void printJson(Object value) {
        try {
            out().println(JSON.writeValueAsString(value));
            out().flush();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not write JSON output", e);
        }
    }
}
