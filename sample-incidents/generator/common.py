"""Shared helpers for the sample-incident generator: deterministic ids, times and writers.

Everything is derived from fixed seeds so regenerating gives byte-identical files.
"""
import hashlib
import json
import os
import uuid
from datetime import datetime, timezone

OUT_ROOT = os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "incidents")


def hexid(seed, n):
    """n hex characters derived from seed (32 for trace ids, 16 for span ids)."""
    return hashlib.sha256(seed.encode()).hexdigest()[:n]


def trace_id(seed):
    return hexid("trace:" + seed, 32)


def span_id(seed):
    return hexid("span:" + seed, 16)


def uuid_of(seed):
    return str(uuid.UUID(hexid("uuid:" + seed, 32), version=4))


def ts(iso):
    """Epoch nanoseconds of an ISO-8601 UTC time like 2026-03-10T09:12:03.250Z."""
    dt = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=timezone.utc)
    return int(dt.timestamp()) * 1_000_000_000 + dt.microsecond * 1000


def iso_of(nanos):
    secs, rem = divmod(nanos, 1_000_000_000)
    dt = datetime.fromtimestamp(secs, tz=timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (rem // 1_000_000)


def ms(n):
    return n * 1_000_000


def incident_dir(slug):
    d = os.path.join(OUT_ROOT, slug)
    os.makedirs(d, exist_ok=True)
    return d


def write_json(path, obj, indent=2):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=indent, ensure_ascii=False)
        f.write("\n")


def write_jsonl(path, records):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
            f.write("\n")


def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def line_of(path, needle):
    """1-based number of the first line of a file containing needle (for answer-key locators)."""
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if needle in line:
                return i
    raise ValueError("%r not found in %s" % (needle, path))


def compact(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def window(isos):
    """The {start, end} of a set of ISO-8601 UTC timestamps (they sort as strings)."""
    return {"start": min(isos), "end": max(isos)}
