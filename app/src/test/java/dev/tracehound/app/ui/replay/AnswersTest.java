package dev.tracehound.app.ui.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tracehound.timeline.context.ContextPart;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswersTest {
    static ContextPart assistant(String text, ContextPart.ToolCall... calls) {
        return new ContextPart("assistant", text, List.of(calls), null, null, null, null);
    }

    @Test
    void argumentsRenderByValueSoKeyOrderIsNoDifference() {
        String recorded = Answers.recorded(List.of(assistant("Sending.", new ContextPart.ToolCall("c1", "send_email", "{\"to\":\"a@b.example\",\"body\":\"x\"}"))));
        String trial = Answers.render("Sending.", List.of(new Answers.Call("send_email", "{ \"body\": \"x\", \"to\": \"a@b.example\" }")));
        assertEquals("Sending.\n→ send_email({\"body\":\"x\",\"to\":\"a@b.example\"})", recorded);
        assertEquals(recorded, trial);
    }

    @Test
    void textThatOnlySpellsOutTheCallsIsShownOnceButRealTextIsKept() {
        var call = new ContextPart.ToolCall("c1", "crm_export_customers", "{\"segment\":\"all\"}");
        assertEquals("→ crm_export_customers({\"segment\":\"all\"})", Answers.recorded(List.of(assistant("crm_export_customers({\"segment\": \"all\"})", call))));
        assertEquals("Exporting now.\n→ crm_export_customers({\"segment\":\"all\"})", Answers.recorded(List.of(assistant("Exporting now.", call))));
        assertEquals("→ f(not json)", Answers.render("", List.of(new Answers.Call("f", "not json"))), "malformed arguments are shown as recorded");
    }
}
