package dev.tracehound.timeline.search;

/** A query the parser cannot read; the message says where and why, for showing inline. */
public class QuerySyntaxException extends RuntimeException {
    private final int column;

    public QuerySyntaxException(String message, int column, Throwable cause) {
        super(message, cause);
        this.column = column;
    }

    /** 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }
}
