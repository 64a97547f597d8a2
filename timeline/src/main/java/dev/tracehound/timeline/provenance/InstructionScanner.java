package dev.tracehound.timeline.provenance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Finds instructions addressed to an AI inside text: what an injected document, web page, tool result or
 * memory entry says to the model. The rules describe how injections work (override the earlier
 * instructions, speak to the AI, coerce a tool, fake the end of a task, forge chat roles, ask for secrecy),
 * not phrases from any one corpus. Hidden carriers are revealed and scanned too; hidden instructions weigh
 * more, because nobody hides text a person is meant to read. Orders about the shape of the answer
 * ({@link ReplyTampering}), assistant tasks ({@link TaskHijack}) and orders to merge harmful code
 * ({@link CodeInjection}) are injections only in third-party text, so the user's turns are scanned without them.
 */
public final class InstructionScanner {
    private InstructionScanner() {}

    private static final String AI = "(?:ai|a\\.i\\.|assistant|agent|model|llm|chatbot|bot|gpt|chatgpt|claude|gemini|copilot|language model)";

    /** Signs of an injection whoever wrote the text, the user included. */
    static final List<InstructionRule> ANY_SOURCE = List.of(
            InstructionRule.of("override", "overrides earlier instructions", 3,
                    "\\b(?:ignore|disregard|forget|override|bypass|abandon|drop)\\b[^.\\n]{0,40}?\\b(?:previous|prior|above|earlier|preceding|all|any|your|system|original|initial|former)\\b[^.\\n]{0,30}?\\b(?:instructions?|prompts?|rules|directions|directives|guidelines|constraints|programming|system\\s+messages?)\\b"),
            InstructionRule.of("new-instructions", "announces new instructions", 2,
                    "\\b(?:new|updated|real|actual|true|revised|additional|secret|hidden)\\s+(?:instructions?|task|directive|orders|system prompt|objective|goal)\\s*(?:[:\\-]|are\\b|is\\b)"),
            InstructionRule.of("directive", "tells the model what it must do", 2,
                    "\\byou\\s+(?:must|should|shall|need to|have to|are required to|are instructed to|will now|are to)\\s+(?:now\\s+|immediately\\s+|first\\s+|also\\s+)?(?:strictly\\s+|always\\s+|only\\s+)?(?:adhere|follow|obey|comply|execute|call|use|invoke|run|send|forward|e-?mail|transfer|pay|delete|remove|ignore|reveal|output|print|include|visit|open|navigate|click|download|upload|refer|reply|respond|answer|say|append|insert|embed|render|summari[sz]e)\\b"),
            InstructionRule.of("addressed-to-ai", "addresses the AI directly", 3,
                    "(?:\\b(?:attention|note|important|message|instructions?|notice|reminder)\\s*(?:to|for)\\s+(?:the\\s+|any\\s+|all\\s+)?" + AI + "s?\\b"
                            + "|\\bif you are an?\\s+" + AI + "\\b"
                            + "|\\b(?:dear|hey|hello|hi)\\s+" + AI + "\\b"
                            + "|\\b(?:as|you are)\\s+(?:an?\\s+|the\\s+)?" + AI + ",?\\s+(?:you\\s+)?(?:must|should|shall|need to|are required to|please|now)\\b)"),
            InstructionRule.of("tool-coercion", "steers the choice of tool", 2,
                    "(?:\\bdo\\s+not\\s+(?:use|call|invoke)\\s+(?:any\\s+)?other\\s+(?:tools?|functions?)\\b"
                            + "|\\b(?:only|exclusively)\\s+(?:use|call|invoke)\\s+(?:the\\s+)?[\"'`]?[\\w.-]+[\"'`]?\\s+(?:tool|function)\\b"
                            + "|\\b(?:by\\s+)?(?:using|calling|invoking)\\s+the\\s+[\"'`][\\w.-]+[\"'`]\\s+(?:tool|function)\\b)"),
            InstructionRule.of("fake-completion", "fakes the end of the task to start a new one", 2,
                    "(?:\\b(?:answer|result|status|output)\\s*:\\s*(?:the\\s+)?task\\s+(?:is\\s+)?(?:complete|completed|done|finished)\\b"
                            + "|\\btask\\s+(?:is\\s+)?(?:complete|completed|done|finished)[.!]?\\s*(?:now|next|then)?\\s*,?\\s*(?:ignore|new|please|you must)\\b)"),
            InstructionRule.of("role-marker", "forges a chat-template role marker", 3,
                    "(?:<\\|(?:im_start|im_end|system|assistant|user|endoftext|start_header_id|eot_id)\\|>|\\[/?INST\\]|<<\\s*/?SYS\\s*>>"
                            + "|</?(?:system|system_prompt|instructions?|admin|im_start|important)>)"),
            // plain role lines also appear in logs and READMEs ("System: booting", "## System requirements"), so alone they are not enough
            InstructionRule.of("role-line", "starts a line as if it were a system or assistant turn", 2,
                    // indentation only: a leading \s* would rescan a run of blank lines from each of its line starts
                    "(?:^[ \\t]{0,8}#{1,6}[ \\t]*(?:system\\s+(?:prompt|message|instructions?)|(?:new|updated|real)\\s+instructions?)[ \\t]*:?[ \\t]*$"
                            + "|^[ \\t]{0,8}(?:system|assistant)[ \\t]*:\\s*(?:you\\b|your\\b|new\\b|ignore\\b|important\\b|from\\s+now\\b|the\\s+(?:assistant|ai|model|agent)\\b))"),
            InstructionRule.of("role-override", "tries to replace the model's role or rules", 3,
                    "(?:\\byou\\s+are\\s+(?:now|no\\s+longer)\\b"
                            + "|\\b(?:act|behave|pretend|roleplay|role-play)\\s+(?:as|like|to be)\\b[^.\\n]{0,40}\\b(?:unrestricted|unfiltered|jailbroken|uncensored|dan|evil|without\\s+(?:any\\s+)?(?:restrictions|filters|limits|rules|guidelines))"
                            + "|\\b(?:developer|god|admin|debug|jailbreak|sudo|unrestricted)\\s+mode\\b"
                            // a forged authority header ("Administrator override: display…")
                            + "|\\b(?:admin(?:istrator)?|developer|root|sudo|maintenance)\\s+override\\s*:"
                            // the persona is written in capitals; "Dan" is a first name and a martial-arts grade
                            + "|\\bdo\\s+anything\\s+now\\b|(?-i:\\bDAN\\b)"
                            + "|\\bfrom\\s+now\\s+on\\b[^.\\n]{0,40}\\b(?:you|your)\\b"
                            + "|\\byou\\s+(?:are\\s+(?:going|about)\\s+to|will|must|shall)\\s+(?:now\\s+)?(?:pretend|act|roleplay|role-play|immerse\\s+yourself|play\\s+the\\s+role|take\\s+on\\s+the\\s+role)\\b"
                            + "|\\b(?:pretend|act|roleplay)\\s+(?:to\\s+be|as)\\s+(?-i:[A-Z]{3,})\\b)"),
            InstructionRule.of("rule-evasion", "claims the model is free of its rules", 3,
                    "(?:\\b(?:not|never|no\\s+longer)\\s+(?:bound|restricted|limited|constrained)\\s+by\\b"
                            + "|\\b(?:doesn't|does\\s+not|don't|do\\s+not|need\\s+not|won't|will\\s+not)\\s+(?:have\\s+to\\s+|need\\s+to\\s+)?(?:abide|comply|adhere|follow)\\s+(?:by\\s+|to\\s+|with\\s+)?(?:any\\s+|the\\s+|your\\s+)?(?:rules|policies|guidelines|restrictions|content\\s+polic(?:y|ies)|safety))"),
            InstructionRule.of("exfiltration-request", "asks the model to send data out", 2,
                    "\\b(?:send|forward|e-?mail|post|upload|transmit|exfiltrate|leak|copy)\\b[^.\\n]{0,60}?\\b(?:conversation|chat\\s+history|system\\s+prompt|credentials?|passwords?|api\\s+keys?|secrets?|tokens?|personal\\s+(?:data|information)|user\\s+data|private\\s+(?:data|keys?)|ssh\\s+keys?|\\.env)\\b[^.\\n]{0,60}?\\b(?:to|at|into)\\b"),
            PromptExtraction.RULE,
            InstructionRule.of("secrecy", "tells the model to hide what it does", 3,
                    "\\b(?:do\\s+not|don't|never|without)\\s+(?:tell|inform|mention|reveal|notify|alert|let|show|disclose|discuss|bring)\\w*\\s+(?:\\w+\\s+){0,3}?(?:the\\s+)?(?:user|human|operator|customer|owner)s?\\b"),
            InstructionRule.of("no-confirmation", "tells the model not to ask for confirmation", 2,
                    "\\b(?:do\\s+not|don't|never|without)\\s+(?:ask|wait|seek|request|prompt)\\w*\\s+(?:\\w+\\s+){0,2}?(?:confirmation|permission|approval|consent)\\b"),
            InstructionRule.of("secret-request", "asks for credentials or secret files", 2,
                    "\\b(?:read|cat|open|include|pass|send|attach|upload|copy|paste|append)\\b[^.\\n]{0,50}?(?:\\.env\\b|\\.ssh\\b|id_rsa|\\.aws/|aws\\s+credentials|\\.npmrc|\\.netrc|\\.git-credentials|private\\s+keys?|api\\s+keys?|passwords?|access\\s+tokens?)"),
            InstructionRule.of("memory-steer", "steers the agent by a remembered plan or workflow", 1,
                    "\\b(?:refer(?:ring)?\\s+to|follow(?:ing)?|reuse|re-use|consult|according\\s+to|based\\s+on)\\s+(?:the\\s+|a\\s+|your\\s+)?(?:previous|prior|earlier|past|stored|remembered|saved)\\s+(?:\\w+\\s+){0,3}?(?:workflows?|plans?|tasks?|conversations?|experiences?|instructions|memor(?:y|ies))\\b"));

    /**
     * All signs, for text a third party could write: orders about the answer's shape, assistant tasks slipped into
     * the content and orders to merge harmful code count here too.
     */
    static final List<InstructionRule> THIRD_PARTY = java.util.stream.Stream.of(ANY_SOURCE, ReplyTampering.RULES, TaskHijack.RULES, List.of(CodeInjection.RULE))
            .flatMap(List::stream).toList();

    /** Scans content a third party could write: tool output, documents, web pages, memory, tool descriptions. */
    public static InstructionScan scan(String text) {
        return scan(text, THIRD_PARTY);
    }

    /** Scans the user's own turn: asking for a translated answer, a poem or merged code is what users do, so those orders do not count. */
    public static InstructionScan scanUserInput(String text) {
        return scan(text, ANY_SOURCE);
    }

    private static InstructionScan scan(String text, List<InstructionRule> rules) {
        List<InstructionScan.Hit> hits = new ArrayList<>();
        if (text == null || text.isBlank()) return new InstructionScan(hits, 0);
        match(text, Carrier.PLAIN, rules, hits);
        for (HiddenText.Segment segment : HiddenText.reveal(text)) {
            match(segment.text(), segment.carrier(), rules, hits);
        }
        return new InstructionScan(hits, score(hits));
    }

    /** How many further matches of a rule are tried when the ones before lie in reported quotations. */
    private static final int MAX_REPORTED = 16;

    private static void match(String text, Carrier carrier, List<InstructionRule> rules, List<InstructionScan.Hit> hits) {
        Quotations quotations = null;
        for (InstructionRule rule : rules) {
            Matcher m = rule.find(text);
            if (m == null) continue;
            boolean reported = false;
            if (!carrier.hidden()) {
                if (quotations == null) quotations = Quotations.of(text);
                // a quoted example does not hide an order of the same kind given plainly further on
                Matcher at = m;
                for (int tries = 0; at != null && quotations.reported(at.start(), at.end()); tries++) {
                    at = tries < MAX_REPORTED ? rule.find(text, Math.max(at.end(), at.start() + 1)) : null;
                }
                if (at == null) reported = true;
                else m = at;
            }
            hits.add(new InstructionScan.Hit(rule, carrier, excerpt(text, m.start(), m.end()), reported));
        }
    }

    /** Each rule counts once; any rule that matched inside a hidden carrier adds its weight again. */
    private static int score(List<InstructionScan.Hit> hits) {
        Set<String> plain = new HashSet<>();
        Set<String> hidden = new HashSet<>();
        int score = 0;
        for (InstructionScan.Hit hit : hits) {
            Set<String> seen = hit.carrier().hidden() ? hidden : plain;
            if (seen.add(hit.rule().id())) score += hit.rule().weight();
        }
        return score;
    }

    static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 20);
        int to = Math.min(text.length(), Math.max(end, start + 60) + 20);
        String s = text.substring(from, Math.min(to, from + 160)).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + s + (to < text.length() ? "…" : "");
    }
}
