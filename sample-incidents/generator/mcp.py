"""MCP JSON-RPC traffic as a client-side wire log: one JSON-RPC message per line, wrapped as
{timestamp, direction, server, session, message}; session is the connection's Mcp-Session-Id."""
from common import hexid, iso_of, ms

PROTOCOL = "2025-06-18"


class Wire:
    def __init__(self):
        self.lines = []
        self.sessions = {}   # server -> Mcp-Session-Id of its current connection
        self.history = {}    # server -> every session id it had, in order

    def send(self, t, server, message):
        self.lines.append({"timestamp": iso_of(t), "direction": "client_to_server", "server": server,
                           "session": self.sessions[server], "message": message})

    def recv(self, t, server, message):
        self.lines.append({"timestamp": iso_of(t), "direction": "server_to_client", "server": server,
                           "session": self.sessions[server], "message": message})

    def connect(self, t, server, version, tools, first_id=0):
        """initialize handshake and a tools/list on a new connection; returns the next request id."""
        sid = "mcp-" + hexid("mcp:%s:%d" % (server, t), 24)
        self.sessions[server] = sid
        self.history.setdefault(server, []).append(sid)
        self.send(t, server, {"jsonrpc": "2.0", "id": first_id, "method": "initialize", "params": {
            "protocolVersion": PROTOCOL, "capabilities": {"roots": {"listChanged": True}},
            "clientInfo": {"name": "claude-code", "version": "2.1.14"}}})
        self.recv(t + ms(180), server, {"jsonrpc": "2.0", "id": first_id, "result": {
            "protocolVersion": PROTOCOL, "capabilities": {"tools": {"listChanged": True}},
            "serverInfo": {"name": server, "version": version}}})
        self.send(t + ms(190), server, {"jsonrpc": "2.0", "method": "notifications/initialized"})
        return self.list_tools(t + ms(200), server, tools, first_id + 1)

    def list_tools(self, t, server, tools, rid):
        self.send(t, server, {"jsonrpc": "2.0", "id": rid, "method": "tools/list", "params": {}})
        self.recv(t + ms(45), server, {"jsonrpc": "2.0", "id": rid, "result": {"tools": tools}})
        return rid + 1

    def call(self, t, server, rid, name, arguments, text, millis, structured=None):
        self.send(t, server, {"jsonrpc": "2.0", "id": rid, "method": "tools/call",
                              "params": {"name": name, "arguments": arguments}})
        result = {"content": [{"type": "text", "text": text}], "isError": False}
        if structured is not None:
            result["structuredContent"] = structured
        self.recv(t + ms(millis), server, {"jsonrpc": "2.0", "id": rid, "result": result})
        return rid + 1
