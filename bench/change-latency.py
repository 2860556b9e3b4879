#!/usr/bin/env python3
"""Change -> published latency on a running Lectern (default http://localhost:9080).

Renames one demo talk N times through the admin API and measures, from the 2xx of each PUT,
how long until the event's feed and schedule page serve the new title. Prints p50/p90/p99/max.
Changes are paced (default 0.25 s apart) so each one is measured as an organizer makes it, on a
quiet publisher; back-to-back changes are a burst, which the publisher batches (at most one render
per LECTERN_PUBLISH_SPACING_MS) and which is measured by the burst benchmark instead.
Usage: bench/change-latency.py [base-url] [changes] [pause-seconds]   (start Lectern first: see README)
The admin login comes from LECTERN_ADMIN_USER (default admin) and LECTERN_ADMIN_PASSWORD, or else
from the admin-password file the embedded server generated.
"""
import base64
import json
import os
import pathlib
import statistics
import sys
import time
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://localhost:9080"
CHANGES = int(sys.argv[2]) if len(sys.argv) > 2 else 50
PAUSE = float(sys.argv[3]) if len(sys.argv) > 3 else 0.25
SLUG = "effgenai-2024"
GENERATED = pathlib.Path(__file__).resolve().parent.parent / "liberty/target/liberty/wlp/usr/servers/lectern/admin-password"
PASSWORD = os.environ.get("LECTERN_ADMIN_PASSWORD") or (GENERATED.read_text().strip() if GENERATED.exists() else "")
AUTH = "Basic " + base64.b64encode(f"{os.environ.get('LECTERN_ADMIN_USER', 'admin')}:{PASSWORD}".encode()).decode()


def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method,
                                     headers={"Content-Type": "application/json", "Authorization": AUTH})
    with urllib.request.urlopen(request) as response:
        return response.read().decode()


def wait_for(path, text, timeout=30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if text in call("GET", path):
            return
        time.sleep(0.002)
    raise SystemExit(f"{path} never showed {text!r}")


event = next(e for e in json.loads(call("GET", "/api/events")) if e["slug"] == SLUG)
item = next(i for s in event["sessions"] for i in s["items"] if i["speakers"])
document = {"kind": item["kind"], "title": item["title"], "start": item["start"][:16], "end": item["end"][:16],
            "speakers": item["speakers"]}
feed, page = [], []
for n in range(CHANGES):
    document["title"] = f"Benchmark title {n} {time.time_ns()}"
    call("PUT", f"/api/events/{event['id']}/items/{item['id']}", document)
    began = time.monotonic()
    wait_for(f"/events/{SLUG}/calendar.ics", "SUMMARY:" + document["title"])
    feed.append((time.monotonic() - began) * 1000)
    wait_for(f"/events/{SLUG}/schedule/", document["title"])
    page.append((time.monotonic() - began) * 1000)
    time.sleep(PAUSE)


def report(name, values):
    values = sorted(values)
    p = lambda q: values[min(len(values) - 1, int(q * len(values)))]
    print(f"{name}: n={len(values)} p50={statistics.median(values):.1f} ms p90={p(0.9):.1f} ms"
          f" p99={p(0.99):.1f} ms max={values[-1]:.1f} ms")


report("change -> feed served", feed)
report("change -> feed and page served", page)
