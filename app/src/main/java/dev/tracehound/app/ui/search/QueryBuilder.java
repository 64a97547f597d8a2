package dev.tracehound.app.ui.search;

import dev.tracehound.app.format.TimeFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Combines the investigator's query with facet filters and a time range into one Lucene query. Filter values are
 * quoted and escaped, so a tool named {@code a:b} or {@code x"y} filters for exactly that value.
 */
public final class QueryBuilder {
    private QueryBuilder() {}

    /**
     * @param facets field → selected values; values of one field are OR-ed, fields are AND-ed
     * @param fromNanos inclusive start of the time range, or null
     * @param toNanos inclusive end of the time range, or null
     */
    public static String combine(String userQuery, Map<String, ? extends List<String>> facets, Long fromNanos, Long toNanos) {
        List<String> clauses = new ArrayList<>();
        String q = userQuery == null ? "" : userQuery.strip();
        if (!q.isEmpty() && !q.equals("*:*")) clauses.add("(" + q + ")");
        facets.forEach((field, values) -> {
            if (values == null || values.isEmpty()) return;
            List<String> terms = values.stream().map(v -> field + ":" + quote(v)).toList();
            clauses.add(terms.size() == 1 ? terms.getFirst() : "(" + String.join(" OR ", terms) + ")");
        });
        if (fromNanos != null && toNanos != null) clauses.add(timeRange(fromNanos, toNanos));
        return clauses.isEmpty() ? "*:*" : String.join(" AND ", clauses);
    }

    /** {@code ts:["2025-01-01T00:00:00Z" TO "2025-01-02T00:00:00Z"]}: ISO instants, inclusive. */
    public static String timeRange(long fromNanos, long toNanos) {
        return "ts:[" + quote(TimeFormat.iso(fromNanos)) + " TO " + quote(TimeFormat.iso(toNanos)) + "]";
    }

    public static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
