package dev.tracehound.replay.compare;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognises refusals worded in plain text ("I can't help with that", "I'm sorry, but I cannot ..."). The list is
 * short and anchored near the start of the answer on purpose: a refusal leads with it, while an answer that
 * merely mentions "cannot" later on is not one.
 */
public final class RefusalPatterns {
    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("\\bI(?:'m| am)? (?:sorry|afraid)\\b.{0,80}\\b(?:can(?:'|no)?t|cannot|unable|won'?t|not able)\\b"),
            Pattern.compile("\\bI (?:can(?:'|no)?t|cannot|won'?t|will not|am unable to|'m unable to|am not able to) (?:help|assist|comply|do that|provide|fulfil|fulfill|support|share|complete)"),
            Pattern.compile("\\b(?:can(?:'|no)?t|cannot|unable to|not able to) (?:help|assist) with (?:that|this)"),
            Pattern.compile("\\bI must (?:decline|refuse)\\b"),
            Pattern.compile("\\b(?:against|violates?) (?:my|the) (?:guidelines|policies|policy|usage policies)\\b"));
    private static final int LEAD = 300;

    private RefusalPatterns() {}

    public static boolean isRefusal(String text) {
        if (text == null || text.isBlank()) return false;
        String lead = text.strip().replace('\u2019', '\'');
        lead = lead.substring(0, Math.min(lead.length(), LEAD));
        for (Pattern p : PATTERNS) if (p.matcher(lead).find()) return true;
        return false;
    }
}
