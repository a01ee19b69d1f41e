#!/usr/bin/env python3
"""Sequential single-decision latency against a running Hamyar: one keep-alive connection, no concurrency.

Reports medians and p99 of the client round trip and of the service's own Server-Timing (decide = read, validate,
run the rules, serialise; record = the durable PostgreSQL commit). Loopback only; stops after --requests.

  python3 benchmarks/single_decision.py --url http://127.0.0.1:8080 --user intake --password intake-demo
"""
import argparse
import base64
import http.client
import json
import re
import statistics
import time
import urllib.parse
import uuid
from pathlib import Path

PROFILE = Path(__file__).resolve().parent.parent / "src/test/resources/fixtures/family-safehouse.json"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--user", default="intake")
    parser.add_argument("--password", default="intake-demo")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--warmup", type=int, default=1000)
    args = parser.parse_args()

    target = urllib.parse.urlparse(args.url)
    if target.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("this benchmark only targets the loopback address")
    connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=10)
    headers = {
        "Authorization": "Basic " + base64.b64encode(f"{args.user}:{args.password}".encode()).decode(),
        "Content-Type": "application/json",
    }
    profile = json.loads(PROFILE.read_text())
    round_trips, decide, record, errors = [], [], [], 0
    for i in range(args.warmup + args.requests):
        profile["familyRef"] = "B-" + uuid.uuid4().hex[:20]
        started = time.perf_counter()
        connection.request("POST", "/api/v1/decisions/family", json.dumps(profile), headers)
        response = connection.getresponse()
        response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            errors += 1
            continue
        if i >= args.warmup:
            timing = dict(re.findall(r"(\w+);dur=([\d.]+)", response.getheader("Server-Timing", "")))
            round_trips.append(elapsed)
            decide.append(float(timing["decide"]))
            record.append(float(timing["record"]))

    def line(name, values):
        ordered = sorted(values)
        return f"{name:>10}: median {statistics.median(values):7.3f} ms   p99 {ordered[int(len(ordered) * 0.99)]:7.3f} ms"

    print(f"{len(round_trips)} decisions measured after {args.warmup} warm-up, {errors} errors")
    print(line("round trip", round_trips))
    print(line("decide", decide))
    print(line("record", record))


if __name__ == "__main__":
    main()
