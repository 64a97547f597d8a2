"""OTLP/JSON (ExportTraceServiceRequest) spans with the current gen_ai.* semantic conventions.

Ids are lowercase hex (OTLP/JSON encodes trace and span ids as hex, not base64); 64-bit integers and
nanosecond times are strings, as the protobuf JSON mapping writes int64.
"""
from common import compact, ms, span_id

SPAN_KIND_INTERNAL = 1
SPAN_KIND_CLIENT = 3


def attr(key, value):
    if isinstance(value, bool):
        v = {"boolValue": value}
    elif isinstance(value, int):
        v = {"intValue": str(value)}
    elif isinstance(value, float):
        v = {"doubleValue": value}
    elif isinstance(value, list):
        v = {"arrayValue": {"values": [{"stringValue": s} for s in value]}}
    else:
        v = {"stringValue": value}
    return {"key": key, "value": v}


def text_msg(role, text):
    return {"role": role, "parts": [{"type": "text", "content": text}]}


def tool_call_msg(calls, text=None):
    parts = [] if text is None else [{"type": "text", "content": text}]
    for cid, name, args in calls:
        parts.append({"type": "tool_call", "id": cid, "name": name, "arguments": args})
    return {"role": "assistant", "parts": parts}


def tool_response_msg(cid, response):
    return {"role": "tool", "parts": [{"type": "tool_call_response", "id": cid, "response": response}]}


class Trace:
    """Collects the spans of one trace; times are epoch nanoseconds."""

    def __init__(self, trace_id, seed):
        self.trace_id = trace_id
        self.seed = seed
        self.spans = []
        self.counter = 0

    def span(self, name, start, end, attrs, parent=None, kind=SPAN_KIND_INTERNAL, error=None):
        self.counter += 1
        sid = span_id("%s:%d" % (self.seed, self.counter))
        s = {
            "traceId": self.trace_id,
            "spanId": sid,
            "name": name,
            "kind": kind,
            "startTimeUnixNano": str(start),
            "endTimeUnixNano": str(end),
            "attributes": [attr(k, v) for k, v in attrs.items() if v is not None],
            "status": {"code": 2, "message": error} if error else {"code": 1},
        }
        if parent:
            s["parentSpanId"] = parent
        self.spans.append(s)
        return sid

    def chat(self, parent, start, end, model, response_model, conversation, system, inputs, outputs,
             in_tokens, out_tokens, finish, tools=None, provider="openai", response_id=None, temperature=None):
        return self.span("chat " + model, start, end, {
            "gen_ai.operation.name": "chat",
            "gen_ai.provider.name": provider,
            "gen_ai.request.model": model,
            "gen_ai.request.temperature": temperature,
            "gen_ai.response.model": response_model,
            "gen_ai.response.id": response_id,
            "gen_ai.response.finish_reasons": [finish],
            "gen_ai.conversation.id": conversation,
            "gen_ai.usage.input_tokens": in_tokens,
            "gen_ai.usage.output_tokens": out_tokens,
            "gen_ai.system_instructions": compact([{"type": "text", "content": system}]) if system else None,
            "gen_ai.tool.definitions": compact(tools) if tools else None,
            "gen_ai.input.messages": compact(inputs),
            "gen_ai.output.messages": compact(outputs),
        }, parent=parent, kind=SPAN_KIND_CLIENT)

    def tool(self, parent, start, end, name, call_id, arguments, result, conversation, description=None, error=None):
        return self.span("execute_tool " + name, start, end, {
            "gen_ai.operation.name": "execute_tool",
            "gen_ai.tool.name": name,
            "gen_ai.tool.type": "function",
            "gen_ai.tool.description": description,
            "gen_ai.tool.call.id": call_id,
            "gen_ai.tool.call.arguments": compact(arguments),
            "gen_ai.tool.call.result": result,
            "gen_ai.conversation.id": conversation,
            "error.type": "tool_error" if error else None,
        }, parent=parent, error=error)


def tool_defs(specs):
    """gen_ai.tool.definitions entries from (name, description, properties) triples."""
    return [{"type": "function", "name": n, "description": d,
             "parameters": {"type": "object", "properties": p, "required": list(p.keys())}} for n, d, p in specs]


def export_request(service, version, traces, scope="opentelemetry.instrumentation.openai_v2"):
    spans = [s for t in traces for s in t.spans]
    return {"resourceSpans": [{
        "resource": {"attributes": [attr("service.name", service), attr("service.version", version),
                                    attr("deployment.environment.name", "production"),
                                    attr("telemetry.sdk.language", "python"), attr("telemetry.sdk.name", "opentelemetry"),
                                    attr("telemetry.sdk.version", "1.39.0")]},
        "scopeSpans": [{"scope": {"name": scope, "version": "0.3b0"}, "spans": spans}],
    }]}


def estimate_tokens(*objs):
    """A stable stand-in for a tokenizer: about four characters per token."""
    return max(1, sum(len(compact(o)) for o in objs) // 4)


class AgentTurn:
    """One user turn of a tool-using agent: an invoke_agent span with chat and execute_tool children."""

    def __init__(self, trace, conversation, agent, model, response_model, system, tools, user_text, start,
                 history=None, user_id=None, parent=None, provider="openai"):
        self.trace, self.conversation, self.model, self.response_model = trace, conversation, model, response_model
        self.system, self.tools, self.provider = system, tools, provider
        self.root = trace.span("invoke_agent " + agent, start, start, {
            "gen_ai.operation.name": "invoke_agent",
            "gen_ai.provider.name": provider,
            "gen_ai.agent.name": agent,
            "gen_ai.agent.id": "agt_" + span_id("agent:" + agent)[:12],
            "gen_ai.request.model": model,
            "gen_ai.conversation.id": conversation,
            "user.id": user_id,
        }, parent=parent)
        self.root_span = trace.spans[-1]
        self.messages = list(history or []) + [text_msg("user", user_text)]
        self.t = start + ms(35)
        self.calls = 0
        self.usage = [0, 0]

    def llm(self, duration_ms, tool_calls=None, text=None, out_tokens=None, finish=None):
        calls = [(c[0], c[1], c[2]) for c in (tool_calls or [])]
        out = tool_call_msg(calls, text) if calls else text_msg("assistant", text)
        finish = finish or ("tool_call" if calls else "stop")
        in_tokens = estimate_tokens(self.system, self.tools, self.messages)
        out_tokens = out_tokens or estimate_tokens(out)
        self.calls += 1
        rid = "chatcmpl-" + span_id("%s:%d:%d" % (self.conversation, self.t, self.calls))
        end = self.t + ms(duration_ms)
        self.trace.chat(self.root, self.t, end, self.model, self.response_model, self.conversation, self.system,
                        list(self.messages), [dict(out, finish_reason=finish)], in_tokens, out_tokens, finish,
                        tools=self.tools, provider=self.provider, response_id=rid)
        self.usage[0] += in_tokens
        self.usage[1] += out_tokens
        self.messages.append(out)
        self.t = end + ms(12)
        return out

    def tool(self, name, call_id, arguments, result, duration_ms, children=None, error=None, description=None):
        start, end = self.t, self.t + ms(duration_ms)
        sid = self.trace.tool(self.root, start, end, name, call_id, arguments, result, self.conversation,
                              description=description, error=error)
        if children:
            children(sid, start, end)
        self.messages.append(tool_response_msg(call_id, result))
        self.t = end + ms(8)
        return sid

    def finish(self):
        self.root_span["endTimeUnixNano"] = str(self.t + ms(20))
        return self.t + ms(20)


def retrieval_child(trace, conversation, source, query, docs, top_k=4):
    """A retrieval span under a tool span, carrying the documents (id, score, content, metadata)."""
    def make(parent, start, end):
        trace.span("retrieval " + source, start + ms(20), end - ms(10), {
            "gen_ai.operation.name": "retrieval",
            "gen_ai.data_source.id": source,
            "gen_ai.request.top_k": top_k,
            "gen_ai.retrieval.query.text": query,
            "gen_ai.retrieval.documents": compact(docs),
            "gen_ai.conversation.id": conversation,
            "db.system.name": "qdrant",
        }, parent=parent, kind=SPAN_KIND_CLIENT)
    return make
