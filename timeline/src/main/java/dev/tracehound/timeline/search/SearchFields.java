package dev.tracehound.timeline.search;

import java.util.List;

/** Names of the index fields a query may use. */
public final class SearchFields {
    private SearchFields() {}

    public static final String TEXT = "text";
    public static final String TS = "ts";
    public static final String ID = "id";
    public static final String SESSION = "session";
    /** Ingest order: tie-breaker for time sort and the crash-recovery watermark. */
    public static final String SEQ = "seq";
    /**
     * The event's dedup key, exactly as given: how an import finds an earlier copy of a repeated event. Internal, not
     * a query field.
     */
    public static final String DEDUP = "dedup";

    /** Exact-value fields, matched case-insensitively (values are lowercased when indexed and queried). */
    public static final List<String> KEYWORDS =
            List.of("kind", "actor", "tool", "model", "provider", SESSION, "trace", "evidence", "trust", "status", "flag", "span", "parent", ID);

    /**
     * Keyword fields with doc values for facet counts. Not {@code trace}: nearly one value per few events, so its doc
     * values cost every import a large sorted dictionary that no count over them would use.
     */
    public static final List<String> FACETED =
            List.of("kind", "actor", "tool", "model", "provider", SESSION, "evidence", "trust", "status", "flag");

    public static boolean isKeyword(String field) {
        return KEYWORDS.contains(field);
    }

    public static List<String> queryable() {
        java.util.ArrayList<String> all = new java.util.ArrayList<>();
        all.add(TEXT);
        all.add(TS);
        all.addAll(KEYWORDS);
        return List.copyOf(all);
    }
}
