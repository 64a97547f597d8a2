package dev.tracehound.timeline.detect;

import java.util.List;

/** The built-in detectors, in the order findings are listed. */
public final class Detectors {
    private Detectors() {}

    public static List<Detector> all() {
        return List.of(
                new IndirectPromptInjectionDetector(),
                new DirectPromptInjectionDetector(),
                new ContextPoisoningDetector(),
                new ToolAbuseDetector(),
                new RenderExfiltrationDetector(),
                new SystemPromptLeakDetector(),
                new SensitiveDataDetector(),
                new ToolPoisoningDetector(),
                new RunawayDetector(),
                new ConfigurationChangeDetector());
    }
}
