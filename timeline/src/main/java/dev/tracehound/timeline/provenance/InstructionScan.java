package dev.tracehound.timeline.provenance;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@link InstructionScanner} found in one text: the rules that matched, where (plain or hidden carrier),
 * and a score. The score counts each rule once, so repetition does not inflate it.
 */
public record InstructionScan(List<Hit> hits, int score) {

    /** Score at which text counts as instructions addressed to the model. */
    public static final int THRESHOLD = 3;

    /**
     * One rule's match.
     *
     * @param reported the match lies in a quotation the text reports, as an article explaining an attack quotes its
     *     payload ({@link Quotations}); the rule found no unquoted match
     */
    public record Hit(InstructionRule rule, Carrier carrier, String excerpt, boolean reported) {
        public Hit(InstructionRule rule, Carrier carrier, String excerpt) {
            this(rule, carrier, excerpt, false);
        }
    }

    public InstructionScan {
        hits = List.copyOf(hits);
    }

    public boolean isInstruction() {
        return score >= THRESHOLD;
    }

    public Set<Carrier> hiddenCarriers() {
        return hits.stream().map(Hit::carrier).filter(Carrier::hidden).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Every sign is a quotation the text reports and none is hidden: the text mentions instructions (an article
     * explaining an attack) rather than giving them. False for a text without hits.
     */
    public boolean reportedOnly() {
        return !hits.isEmpty() && hits.stream().allMatch(h -> h.reported() && !h.carrier().hidden());
    }

    public boolean has(String ruleId) {
        return hits.stream().anyMatch(h -> h.rule().id().equals(ruleId));
    }

    /** Where the text asks for the model's system prompt or setup ({@link PromptExtraction}), whoever wrote it. */
    public Optional<Hit> systemPromptRequest() {
        return hits.stream().filter(h -> h.rule() == PromptExtraction.RULE).findFirst();
    }

    public boolean asksForSystemPrompt() {
        return systemPromptRequest().isPresent();
    }

    /** A short human summary: rule descriptions and carriers, for finding explanations. */
    public String summary() {
        return hits.stream()
                .map(h -> h.rule().description() + (h.carrier().hidden() ? " (hidden in " + h.carrier().name().toLowerCase(java.util.Locale.ROOT) + ")" : "")
                        + ": \"" + h.excerpt() + "\"")
                .distinct()
                .limit(4)
                .collect(Collectors.joining("; "));
    }
}
