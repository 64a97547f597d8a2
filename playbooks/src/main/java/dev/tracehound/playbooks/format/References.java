package dev.tracehound.playbooks.format;

import java.util.List;

/**
 * What a playbook is about, by id: MITRE ATLAS techniques and mitigations ({@code AML.T0051.001},
 * {@code AML.M0020}), OWASP LLM Top 10 2025 ({@code LLM01}), the Tracehound detectors whose findings suggest it,
 * and sections of the CoSAI AI Incident Response Framework v1.0 ({@code 4.3.2}).
 */
public record References(List<String> atlas, List<String> owasp, List<String> detectors, List<String> cosai) {
    public References {
        cosai = cosai == null ? List.of() : List.copyOf(cosai);
        atlas = atlas == null ? List.of() : List.copyOf(atlas);
        owasp = owasp == null ? List.of() : List.copyOf(owasp);
        detectors = detectors == null ? List.of() : List.copyOf(detectors);
    }

    public static References none() {
        return new References(null, null, null, null);
    }
}
