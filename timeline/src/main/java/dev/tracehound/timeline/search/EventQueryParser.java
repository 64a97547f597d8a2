package dev.tracehound.timeline.search;

import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.queryparser.classic.TokenMgrError;
import org.apache.lucene.search.Query;

/**
 * Classic Lucene query syntax over event fields: {@code text} by default (StandardAnalyzer), keyword fields matched
 * whole and case-insensitively (wildcards included), and {@code ts} as a time range over nanoseconds.
 */
final class EventQueryParser {
    private EventQueryParser() {}

    /** Deeper bracket nesting is refused before parsing: the parser recurses once per level. */
    static final int MAX_NESTING = 200;

    static Query parse(String query) {
        int depth = 0, deepest = 0, tooDeepAt = 0;
        for (int i = 0; i < query.length(); i++) {
            char ch = query.charAt(i);
            if (ch == '(' && ++depth > deepest) {
                deepest = depth;
                if (depth > MAX_NESTING && tooDeepAt == 0) tooDeepAt = i + 1;
            } else if (ch == ')') {
                depth = Math.max(0, depth - 1);
            }
        }
        if (deepest > MAX_NESTING) {
            throw new QuerySyntaxException("The query nests brackets " + deepest + " deep; at most " + MAX_NESTING + " levels are read", tooDeepAt, null);
        }
        Parser p = new Parser();
        try {
            return everythingBut(p.parse(query));
        } catch (ParseException e) {
            throw syntaxError(query, e);
        } catch (BadValue e) {
            int at = query.indexOf(e.value);
            throw new QuerySyntaxException(e.getMessage(), at < 0 ? 0 : at + 1, e);
        } catch (TokenMgrError e) {
            throw new QuerySyntaxException("Cannot read the query: " + e.getMessage(), columnOf(e.getMessage()), e);
        }
    }

    /**
     * A query (or a bracketed part of one) of exclusions only, such as {@code NOT kind:TOOL_CALL}, matches nothing in
     * Lucene, as nothing is included to exclude from; people mean every event but those, so that is what it searches.
     */
    private static Query everythingBut(Query q) {
        if (!(q instanceof org.apache.lucene.search.BooleanQuery b)) return q;
        var rebuilt = new org.apache.lucene.search.BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
        boolean onlyExclusions = !b.clauses().isEmpty();
        for (var clause : b.clauses()) {
            rebuilt.add(everythingBut(clause.query()), clause.occur());
            if (clause.occur() != org.apache.lucene.search.BooleanClause.Occur.MUST_NOT) onlyExclusions = false;
        }
        if (onlyExclusions) rebuilt.add(new org.apache.lucene.search.MatchAllDocsQuery(), org.apache.lucene.search.BooleanClause.Occur.FILTER);
        return rebuilt.build();
    }

    private static QuerySyntaxException syntaxError(String query, ParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof BadValue bad) {
            int at = query.indexOf(bad.value);
            return new QuerySyntaxException(bad.getMessage(), at < 0 ? 0 : at + 1, e);
        }
        if (cause instanceof TokenMgrError tme) {
            int col = columnOf(tme.getMessage());
            return new QuerySyntaxException("Query syntax error at column " + col + ": an unfinished quote or escape", col, e);
        }
        ParseException inner = cause instanceof ParseException pe ? pe : e;
        Token at = inner.currentToken == null ? null : inner.currentToken.next;
        if (at == null) return new QuerySyntaxException("Query syntax error: " + firstLine(e.getMessage()), 0, e);
        int col = at.beginColumn + 1; // FastCharStream counts from 0
        String why = at.kind == 0 /* EOF */
                ? "the query ends too early (an unclosed bracket or quote, or an operator with nothing after it?)"
                : "did not expect \"" + at.image + "\" here";
        return new QuerySyntaxException("Query syntax error at column " + col + ": " + why, col, e);
    }

    private static int columnOf(String message) {
        var m = java.util.regex.Pattern.compile("column (\\d+)").matcher(message == null ? "" : message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String firstLine(String s) {
        int nl = s == null ? -1 : s.indexOf('\n');
        return nl < 0 ? String.valueOf(s) : s.substring(0, nl);
    }

    /** Keyword fields: one lowercased token, so {@code kind:TOOL_CALL} and {@code session:ABC*} match. */
    static final class KeywordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            KeywordTokenizer source = new KeywordTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    static Analyzer analyzer() {
        Map<String, Analyzer> perField = new HashMap<>();
        KeywordAnalyzer keyword = new KeywordAnalyzer();
        for (String f : SearchFields.KEYWORDS) perField.put(f, keyword);
        return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), perField);
    }

    private static final class BadValue extends RuntimeException {
        final String value;

        BadValue(String message, String value) {
            super(message);
            this.value = value;
        }
    }

    private static final class Parser extends QueryParser {
        Parser() {
            super(SearchFields.TEXT, analyzer());
            setAllowLeadingWildcard(true);
            setSplitOnWhitespace(true);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            known(field);
            if (SearchFields.TS.equals(field)) {
                TimeValues.Span span = span(queryText);
                return LongPoint.newRangeQuery(SearchFields.TS, span.first(), span.last());
            }
            return super.getFieldQuery(field, queryText, quoted);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            known(field);
            if (!SearchFields.TS.equals(field)) return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
            long lower = Long.MIN_VALUE;
            long upper = Long.MAX_VALUE;
            if (part1 != null && !part1.equals("*")) {
                TimeValues.Span s = span(part1);
                lower = startInclusive ? s.first() : s.last() + 1;
            }
            if (part2 != null && !part2.equals("*")) {
                TimeValues.Span s = span(part2);
                upper = endInclusive ? s.last() : s.first() - 1; // an inclusive date runs to the end of that day
            }
            return LongPoint.newRangeQuery(SearchFields.TS, lower, upper);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
            known(field);
            return super.getFieldQuery(field, queryText, slop);
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            known(field);
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            known(field);
            return super.getPrefixQuery(field, termStr);
        }

        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            known(field);
            return super.getFuzzyQuery(field, termStr, minSimilarity);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            known(field);
            return super.getRegexpQuery(field, termStr);
        }

        /** A field no event has would silently match nothing; a typo deserves to be told. */
        private static void known(String field) {
            if (!field.equals("*") && !SearchFields.queryable().contains(field)) { // *:* is every event
                throw new BadValue("Unknown field '" + field + "'; the fields are " + String.join(", ", SearchFields.queryable())
                        + " (to search for a word with a colon in it, put it in quotes)", field + ":");
            }
        }

        private static TimeValues.Span span(String value) {
            try {
                return TimeValues.parse(value);
            } catch (IllegalArgumentException e) {
                String hint = value.startsWith(">") || value.startsWith("<")
                        ? " (for times after or before one, write a range: ts:[2026-03-10T15:00 TO *] or ts:{* TO 2026-03-10})" : "";
                throw new BadValue("Bad time in ts: " + e.getMessage() + hint, value);
            }
        }
    }
}
