package dev.tracehound.importers.otlp;

import dev.tracehound.importers.Importer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which session each trace of a file belongs to, for the whole import, held compactly: the map has one entry per
 * trace (hundreds of thousands in a 2 GB export), so a 16-byte trace id is kept as two longs in an open-addressing
 * table and its session as a number into the list of distinct session names. About 30 bytes a trace, where a map
 * of strings took about 200 and, at 2 GB, a third of the live heap of an import under -Xmx512m. The pre-pass's result,
 * usually made while the file is copied into the case ({@link Importer#preReader}).
 */
final class TraceSessions implements Importer.PreRead {
    private static final float MAX_LOAD = 0.6f;

    private final List<String> sessionNames = new ArrayList<>();
    private final Map<String, Integer> sessionNumbers = new HashMap<>();
    /** Traces whose id is not 32 hex digits (8-byte or odd ids from non-conforming exporters). */
    private final Map<String, Integer> otherIds = new HashMap<>();
    /** Slot i holds the trace id's halves at 2i and 2i+1; an all-zero id (invalid in OTel) marks an empty slot. */
    private long[] ids = new long[2 * 1024];
    private int[] sessions = new int[1024];
    private int size;

    /** Records the trace's session unless it has one already (the first named wins). */
    void putIfAbsent(String traceHex, String session) {
        if (traceHex == null || session == null) return;
        if (!isHex128(traceHex)) {
            otherIds.putIfAbsent(traceHex, number(session));
            return;
        }
        long hi = Long.parseUnsignedLong(traceHex, 0, 16, 16);
        long lo = Long.parseUnsignedLong(traceHex, 16, 32, 16);
        if (hi == 0 && lo == 0) return;
        int slot = slot(hi, lo);
        if (ids[2 * slot] != 0 || ids[2 * slot + 1] != 0) return;
        ids[2 * slot] = hi;
        ids[2 * slot + 1] = lo;
        sessions[slot] = number(session);
        if (++size > MAX_LOAD * sessions.length) grow();
    }

    /** The session recorded for this (normalised) trace id, or null. */
    String get(String traceHex) {
        if (traceHex == null) return null;
        if (!isHex128(traceHex)) {
            Integer n = otherIds.get(traceHex);
            return n == null ? null : sessionNames.get(n);
        }
        long hi = Long.parseUnsignedLong(traceHex, 0, 16, 16);
        long lo = Long.parseUnsignedLong(traceHex, 16, 32, 16);
        if (hi == 0 && lo == 0) return null;
        int slot = slot(hi, lo);
        return ids[2 * slot] == 0 && ids[2 * slot + 1] == 0 ? null : sessionNames.get(sessions[slot]);
    }

    int size() {
        return size + otherIds.size();
    }

    int distinctSessions() {
        return sessionNames.size();
    }

    private int number(String session) {
        return sessionNumbers.computeIfAbsent(session, s -> {
            sessionNames.add(s);
            return sessionNames.size() - 1;
        });
    }

    /** The slot holding this id, or the empty slot where it would go (linear probing). */
    private int slot(long hi, long lo) {
        int mask = sessions.length - 1;
        int i = mix(hi, lo) & mask;
        while (true) {
            long h = ids[2 * i], l = ids[2 * i + 1];
            if ((h == hi && l == lo) || (h == 0 && l == 0)) return i;
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] oldIds = ids;
        int[] oldSessions = sessions;
        ids = new long[oldIds.length * 2];
        sessions = new int[oldSessions.length * 2];
        for (int i = 0; i < oldSessions.length; i++) {
            long hi = oldIds[2 * i], lo = oldIds[2 * i + 1];
            if (hi == 0 && lo == 0) continue;
            int slot = slot(hi, lo);
            ids[2 * slot] = hi;
            ids[2 * slot + 1] = lo;
            sessions[slot] = oldSessions[i];
        }
    }

    /** Trace ids are random, but not every exporter's are: mix both halves so sequential ids spread too. */
    private static int mix(long hi, long lo) {
        long h = (hi ^ Long.rotateLeft(lo, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 29));
    }

    private static boolean isHex128(String s) {
        if (s.length() != 32) return false;
        for (int i = 0; i < 32; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
        }
        return true;
    }
}
