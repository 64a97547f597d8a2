package dev.tracehound.timeline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Heap the store needs while it runs. The peak of the heap pools alone says little: the collector lets garbage pile
 * up to whatever heap it was given, so the figure that matters is the highest heap still in use right after a
 * collection (survivor and old generation: the retained set plus old garbage not yet collected), taken from every
 * GC notification.
 */
final class HeapWatch implements AutoCloseable {
    private final AtomicLong maxAfterGc = new AtomicLong();
    private final AtomicLong maxAfterFullGc = new AtomicLong();
    private final AtomicLong pauseMs = new AtomicLong();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    /** Heap pools but eden: a young collection empties eden, a concurrent cycle reports it as it happens to be. */
    private final Set<String> retainedPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && !p.getName().contains("Eden"))
            .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final NotificationListener listener = this::onGc;

    HeapWatch() {
        System.gc(); // start from what earlier phases left alive, not from their garbage
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    private void onGc(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) return;
        var gc = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (gc.getGcName().contains("Concurrent")) return; // marking: nothing reclaimed yet, old garbage still counted
        pauseMs.addAndGet(gc.getGcInfo().getDuration());
        var info = gc.getGcInfo();
        long used = 0;
        for (var e : info.getMemoryUsageAfterGc().entrySet()) if (retainedPools.contains(e.getKey())) used += e.getValue().getUsed();
        maxAfterGc.accumulateAndGet(used, Math::max);
        // only a full collection empties the old generation: what it leaves is what the store really held
        if (gc.getGcAction().contains("major")) maxAfterFullGc.accumulateAndGet(used, Math::max);
    }

    /** Highest heap left by a full collection (the live set when the heap ran short); 0 if no full collection ran. */
    long maxLiveAfterFullGcBytes() {
        return maxAfterFullGc.get();
    }

    /** Highest survivor + old generation use after any collection since this watch started (0 if none ran). */
    long maxUsedAfterGcBytes() {
        return maxAfterGc.get();
    }

    /** Time spent in collection pauses since this watch started: high when the heap is too small for the work. */
    long gcPauseMs() {
        return pauseMs.get();
    }

    /** Sum of the heap pools' peaks since this watch started: an upper bound that includes uncollected garbage. */
    static long peakUsedBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                MemoryUsage peak = pool.getPeakUsage();
                sum += peak.getUsed();
            }
        }
        return sum;
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
