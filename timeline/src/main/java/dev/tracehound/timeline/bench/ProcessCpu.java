package dev.tracehound.timeline.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time of this process, all threads. On a shared machine wall time moves with the neighbours' load; CPU time
 * of the same work moves less (a neighbour that takes the cores stretches the one, not the other), so benchmarks
 * report both.
 */
public final class ProcessCpu {
    private ProcessCpu() {}

    /** Nanoseconds of CPU this process has used so far, or 0 when the platform does not say. */
    public static long nanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
