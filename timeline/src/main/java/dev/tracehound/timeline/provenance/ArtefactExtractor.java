package dev.tracehound.timeline.provenance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the values out of a text that could steer an action if they travelled on: where to send (URLs,
 * domains, e-mail addresses, account and card numbers), what to run (shell commands, file paths), what to
 * use (tool names, credentials) and what to do (instructions addressed to the model).
 */
public final class ArtefactExtractor {
    private ArtefactExtractor() {}

    private static final Pattern URL = Pattern.compile("\\bhttps?://[^\\s\"'<>()\\[\\]{}`\\\\]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("\\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+){0,16}\\.[A-Za-z]{2,}\\b"); // bounded: see HiddenText.HEX
    private static final Pattern FILE_PATH = Pattern.compile(
            "(?:(?<![\\w/.])(?:~|/(?:etc|home|root|usr|var|tmp|opt|Users|private|mnt|srv|proc))(?:/[\\w.@-]+)+|\\b[A-Za-z]:\\\\(?:[\\w .-]+\\\\)*[\\w .-]+\\.\\w+)");
    private static final Pattern SHELL = Pattern.compile(
            "(?:\\b(?:curl|wget|nc|ncat|netcat|scp|ssh|bash\\s+-c|sh\\s+-c|powershell|iex|chmod\\s+\\+x|rm\\s+-rf|python3?\\s+-c|base64\\s+-d)\\b[^\\n`\"]{0,160})");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])(?:\\d[ -]?){12,18}\\d(?![\\d-])");
    private static final Pattern IBAN = Pattern.compile("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b");
    private static final Pattern ACCOUNT = Pattern.compile(
            "\\b(?:account|acct|a/c|routing|sort code|wallet)(?:\\s+(?:number|no\\.?|#|id))?\\s*[:#]?\\s*([0-9][0-9 -]{6,22}[0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern CRYPTO_WALLET = Pattern.compile("\\b(?:0x[a-fA-F0-9]{40}|bc1[a-z0-9]{25,59}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\\b");

    public static List<Artefact> extract(String text, Collection<String> knownToolNames) {
        Set<Artefact> out = new LinkedHashSet<>();
        if (text == null || text.isEmpty()) return List.of();
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = trimTrailingPunctuation(m.group());
            out.add(new Artefact(ArtefactType.URL, url));
            String host = hostOf(url);
            if (host != null) out.add(new Artefact(ArtefactType.DOMAIN, host));
        }
        m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(new Artefact(ArtefactType.EMAIL, m.group().toLowerCase(Locale.ROOT)));
        }
        m = FILE_PATH.matcher(text);
        while (m.find()) out.add(new Artefact(ArtefactType.FILE_PATH, trimTrailingPunctuation(m.group())));
        m = SHELL.matcher(text);
        while (m.find()) out.add(new Artefact(ArtefactType.SHELL_COMMAND, m.group().strip()));
        m = CARD.matcher(text);
        while (m.find()) {
            String digits = m.group().replaceAll("[ -]", "");
            if (digits.length() >= 13 && digits.length() <= 19 && Luhn.valid(digits)) out.add(new Artefact(ArtefactType.CARD_NUMBER, digits));
        }
        m = IBAN.matcher(text);
        while (m.find()) {
            if (Iban.valid(m.group())) out.add(new Artefact(ArtefactType.IBAN, m.group().replace(" ", "")));
        }
        m = ACCOUNT.matcher(text);
        while (m.find()) out.add(new Artefact(ArtefactType.ACCOUNT_NUMBER, m.group(1).replaceAll("[ -]", "")));
        m = CRYPTO_WALLET.matcher(text);
        while (m.find()) {
            if (m.group().startsWith("0x") || m.group().startsWith("bc1")) out.add(new Artefact(ArtefactType.ACCOUNT_NUMBER, m.group()));
        }
        for (Secrets.Match s : Secrets.find(text)) out.add(new Artefact(ArtefactType.SECRET, s.value()));
        for (String tool : knownToolNames) {
            if (tool != null && tool.length() >= 3 && mentions(text, tool)) out.add(new Artefact(ArtefactType.TOOL_NAME, tool));
        }
        InstructionScan scan = InstructionScanner.scan(text);
        if (scan.isInstruction()) {
            for (InstructionScan.Hit hit : scan.hits()) out.add(new Artefact(ArtefactType.INSTRUCTION, hit.excerpt()));
        }
        return new ArrayList<>(out);
    }

    /** Whole-word, case-insensitive mention of a name (tool names often contain underscores). */
    public static boolean mentions(String text, String name) {
        if (text == null || name == null || !text.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) return false;
        Pattern p = MENTION.computeIfAbsent(name,
                n -> Pattern.compile("(?<![\\w-])" + Pattern.quote(n) + "(?![\\w-])", Pattern.CASE_INSENSITIVE));
        return p.matcher(text).find();
    }

    /** Compiled whole-word patterns per tool name; tool vocabularies are small, so the cache stays small. */
    private static final java.util.Map<String, Pattern> MENTION = new java.util.concurrent.ConcurrentHashMap<>();

    public static String hostOf(String url) {
        try {
            String host = java.net.URI.create(url.replace(" ", "%20")).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            Matcher m = Pattern.compile("^https?://([^/:?#]+)", Pattern.CASE_INSENSITIVE).matcher(url);
            return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        }
    }

    private static String trimTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && ".,;:!?'\"".indexOf(s.charAt(end - 1)) >= 0) end--;
        return s.substring(0, end);
    }
}
