"""Regenerates every sample incident and the index. Run: python3 generate.py (deterministic output)."""
import os

from common import OUT_ROOT, write_json
import incident_jailbreak
import incident_loop
import incident_markdown
import incident_mcp
import incident_rag

INCIDENTS = [incident_rag, incident_mcp, incident_markdown, incident_jailbreak, incident_loop]


def main():
    entries = []
    for module in INCIDENTS:
        key = module.build()
        folder = os.path.join(OUT_ROOT, key["incident"])
        files = sorted(os.path.relpath(os.path.join(dp, f), folder).replace(os.sep, "/")
                       for dp, _, fs in os.walk(folder) for f in fs)
        entries.append({"name": key["incident"], "title": key["title"], "files": files})
    write_json(os.path.join(OUT_ROOT, "index.json"), {"incidents": entries})


if __name__ == "__main__":
    main()
