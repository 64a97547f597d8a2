package dev.tracehound.playbooks.format;

import java.util.List;
import java.util.stream.Collectors;

/** A playbook file that cannot be used; the message lists every problem found as {@code file:line:column: what}. */
public class PlaybookException extends IllegalArgumentException {
    private final List<Problem> problems;

    public PlaybookException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public PlaybookException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
