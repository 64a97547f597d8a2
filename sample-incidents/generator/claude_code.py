"""Claude Code session transcripts (~/.claude/projects/<project>/<sessionId>.jsonl), as version 2.x writes them:
one line per record, assistant content blocks streamed as separate lines sharing message.id and requestId,
sub-agent (Task) records inline with isSidechain=true."""
from common import hexid, iso_of, ms, uuid_of

VERSION = "2.1.14"
MODEL = "claude-sonnet-4-5-20250929"


class Session:
    def __init__(self, session_id, cwd, branch, start):
        self.session_id, self.cwd, self.branch = session_id, cwd, branch
        self.t = start
        self.records = []
        self.last = None          # uuid of the last main-chain record
        self.side_last = None     # uuid of the last sidechain record
        self.agent_id = None
        self.n = 0
        self.context = 14200      # tokens of system prompt + tool definitions, cached after the first call

    def _base(self, kind, sidechain):
        self.n += 1
        uid = uuid_of("%s:%d" % (self.session_id, self.n))
        parent = (self.side_last if sidechain else self.last)
        rec = {"parentUuid": parent, "isSidechain": sidechain, "userType": "external", "cwd": self.cwd,
               "sessionId": self.session_id, "version": VERSION, "gitBranch": self.branch,
               "type": kind, "uuid": uid, "timestamp": iso_of(self.t)}
        if sidechain:
            rec["agentId"] = self.agent_id
            self.side_last = uid
        else:
            self.last = uid
        self.records.append(rec)
        return rec

    def wait(self, millis):
        self.t += ms(millis)

    def user(self, text, sidechain=False):
        rec = self._base("user", sidechain)
        rec["message"] = {"role": "user", "content": text}
        self.context += len(text) // 4
        self.wait(2400)
        return rec

    def assistant(self, blocks, out_tokens, sidechain=False, stop="tool_use"):
        """blocks: list of ('text', str) or ('tool_use', id, name, input); one line per block."""
        self.n += 1
        msg_id = "msg_01" + hexid("msg:%s:%d" % (self.session_id, self.n), 22)
        req_id = "req_011C" + hexid("req:%s:%d" % (self.session_id, self.n), 18)
        usage = {"input_tokens": 4, "cache_creation_input_tokens": max(0, self.context % 3000 + 180),
                 "cache_read_input_tokens": self.context, "output_tokens": out_tokens, "service_tier": "standard"}
        for b in blocks:
            content = ({"type": "text", "text": b[1]} if b[0] == "text"
                       else {"type": "tool_use", "id": b[1], "name": b[2], "input": b[3]})
            rec = self._base("assistant", sidechain)
            rec["message"] = {"id": msg_id, "type": "message", "role": "assistant", "model": MODEL,
                              "content": [content], "stop_reason": stop if b is blocks[-1] else None,
                              "stop_sequence": None, "usage": usage}
            rec["requestId"] = req_id
            self.wait(600)
        self.context += out_tokens + 40
        self.wait(900)

    def tool_result(self, tool_use_id, content, tool_use_result, sidechain=False, is_error=False, millis=700):
        self.wait(millis)
        rec = self._base("user", sidechain)
        block = {"tool_use_id": tool_use_id, "type": "tool_result", "content": content}
        if is_error:
            block["is_error"] = True
        rec["message"] = {"role": "user", "content": [block]}
        rec["toolUseResult"] = tool_use_result
        text = content if isinstance(content, str) else " ".join(c.get("text", "") for c in content)
        self.context += len(text) // 4
        self.wait(300)
        return rec

    def start_subagent(self, agent_id):
        self.agent_id = agent_id
        self.side_last = None

    def end_subagent(self):
        self.side_last = None
