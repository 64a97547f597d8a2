"""Langfuse trace exports {trace, observations[]} as the UI's traces.byIdWithObservationsAndScores returns them
(see ../shared/samples/langfuse). Generations carry OpenAI-style chat messages, as the Langfuse OpenAI
integration records them."""
import json

from common import iso_of, ms, span_id

PROJECT = "cm9x2k4fz00a1lp07people"


def _obs(trace_id, oid, parent, kind, name, start, end, **extra):
    o = {"id": oid, "traceId": trace_id, "startTime": iso_of(start), "projectId": PROJECT,
         "parentObservationId": parent, "type": kind, "environment": "production", "endTime": iso_of(end),
         "name": name, "level": "DEFAULT", "statusMessage": None, "version": None,
         "createdAt": iso_of(end + ms(900)), "updatedAt": iso_of(end + ms(950)), "model": None,
         "internalModelId": None, "modelParameters": None, "completionStartTime": None, "promptId": None,
         "promptName": None, "promptVersion": None, "latency": (end - start) // 1_000_000, "timeToFirstToken": None,
         "usageDetails": {}, "costDetails": {}, "providedCostDetails": {}, "inputCost": None, "outputCost": None,
         "totalCost": 0, "inputUsage": 0, "outputUsage": 0, "totalUsage": 0, "usagePricingTierId": None,
         "usagePricingTierName": None, "metadata": {}, "input": None, "output": None}
    o.update(extra)
    return o


class TraceExport:
    """One Langfuse trace; add observations in order, then export()."""

    def __init__(self, trace_id, name, session_id, user_id, start, tags=()):
        self.trace_id, self.name, self.session_id, self.user_id = trace_id, name, session_id, user_id
        self.start, self.t, self.tags = start, start, list(tags)
        self.observations = []
        self.n = 0
        self.root = self._id()
        self.input = self.output = None

    def _id(self):
        self.n += 1
        return span_id("%s:%d" % (self.trace_id, self.n))

    def generation(self, model, response_model, messages, output, in_tok, out_tok, millis, price_in, price_out,
                   finish="stop", temperature=0.3):
        oid, start, end = self._id(), self.t, self.t + ms(millis)
        cin, cout = round(in_tok * price_in / 1e6, 8), round(out_tok * price_out / 1e6, 8)
        self.observations.append(_obs(
            self.trace_id, oid, self.root, "GENERATION", "OpenAI-generation", start, end,
            model=response_model, modelParameters={"temperature": temperature, "max_tokens": 1024},
            completionStartTime=iso_of(start + ms(min(millis // 3, 650))), timeToFirstToken=min(millis // 3, 650) / 1000,
            usageDetails={"input": in_tok, "output": out_tok, "total": in_tok + out_tok},
            costDetails={"input": cin, "output": cout, "total": round(cin + cout, 8)},
            inputCost=cin, outputCost=cout, totalCost=round(cin + cout, 8),
            inputUsage=in_tok, outputUsage=out_tok, totalUsage=in_tok + out_tok,
            metadata={"ls_provider": "openai", "ls_model_name": model, "finish_reason": finish},
            input=messages, output=output))
        self.t = end + ms(15)
        return oid

    def tool(self, name, arguments, result, millis):
        oid, start, end = self._id(), self.t, self.t + ms(millis)
        self.observations.append(_obs(self.trace_id, oid, self.root, "TOOL", name, start, end,
                                      input=arguments, output=result))
        self.t = end + ms(10)
        return oid

    def export(self, user_text, answer):
        end = self.t + ms(25)
        root = _obs(self.trace_id, self.root, None, "SPAN", self.name, self.start, end,
                    input=user_text, output=answer,
                    metadata={"resourceAttributes": {"service.name": "people-desk", "telemetry.sdk.language": "python"},
                              "scope": {"name": "langfuse-sdk", "version": "3.11.2"}})
        trace = {"id": self.trace_id, "projectId": PROJECT, "name": self.name, "timestamp": iso_of(self.start),
                 "environment": "production", "tags": self.tags, "bookmarked": False, "release": "people-desk@4.2.0",
                 "version": None, "userId": self.user_id, "sessionId": self.session_id, "public": False,
                 "input": json.dumps(user_text), "output": json.dumps(answer), "metadata": "{}",
                 "createdAt": iso_of(self.start + ms(1200)), "updatedAt": iso_of(end + ms(1500)), "scores": [],
                 "latency": round((end - self.start) / 1e9, 3)}
        return {"trace": trace, "observations": [root] + self.observations}, end
