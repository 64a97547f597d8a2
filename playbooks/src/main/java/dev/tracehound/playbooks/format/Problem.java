package dev.tracehound.playbooks.format;

/**
 * One thing wrong with a playbook file, where it is and what is wrong.
 *
 * @param line 1-based, or 0 when unknown
 * @param column 1-based, or 0 when unknown
 */
public record Problem(String file, int line, int column, String message) {
    public Problem {
        // messages quote the file's own text, which may hold terminal control sequences
        message = message == null ? "" : message.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column + ": " + message : file + ": " + message;
    }
}
