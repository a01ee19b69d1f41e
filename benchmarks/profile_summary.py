#!/usr/bin/env python3
"""Summarises async-profiler collapsed stacks (with thread names) of the service under load, by part of the work.

   python3 benchmarks/profile_summary.py /tmp/hamyar-profile.collapsed
Each sample counts once, for the first part in PARTS one of its frames (or its thread) matches."""
import collections
import sys

# By thread first; then each sample goes to the part of the innermost frame that names one (walking from the leaf to
# the root), so a decision's rules count as rules even though they run inside the HTTP and security layers.
THREADS = [
    ("JIT compiler threads", lambda t: "Compiler" in t),
    ("GC threads", lambda t: t.startswith("[G1") or "GC Thread" in t or "VM Thread" in t),
    ("recording: chain writer thread", lambda t: "hamyar-decision-writer" in t),
]
FRAMES = [
    ("recording: deflate on the request thread", ("ir/hamyar/ledger/Packed", "ir/hamyar/privacy/Sealed.deflate")),
    ("rules engine (Drools)", ("org/drools", "org/kie")),
    ("reasons rendered", ("ReasonRenderer",)),
    ("reading + validating the profile", ("ir/hamyar/profile", "ir/hamyar/json/Strict")),
    ("authentication", ("ConfiguredUsersIdentityProvider", "LoginThrottle", "ir/hamyar/security",
                        "io/quarkus/security", "io/quarkus/vertx/http/runtime/security")),
    ("JSON (Jackson, reading and writing)", ("com/fasterxml/jackson", "ir/hamyar/json/Json.write")),
    ("request hash, Server-Timing, other Hamyar code", ("ir/hamyar",)),
    ("RESTEasy Reactive dispatch", ("org/jboss/resteasy", "io/quarkus/resteasy")),
    ("Vert.x / Netty (HTTP, event loop)", ("io/netty", "io/vertx", "io/quarkus/vertx")),
    ("PostgreSQL JDBC", ("org/postgresql",)),
]
PARTS = [name for name, _ in THREADS] + [name for name, _ in FRAMES] + ["JVM, kernel, other"]


def part_of(thread, frames):
    """The part, and the frame that decided it."""
    for name, matches in THREADS:
        if matches(thread):
            return name, thread
    for frame in reversed(frames):
        for name, prefixes in FRAMES:
            if any(prefix in frame for prefix in prefixes):
                return name, frame
    return "JVM, kernel, other", frames[-1]


samples = collections.Counter()
leaves = collections.Counter()
hamyar = collections.Counter()
other_hamyar = collections.Counter()
total = 0
for line in open(sys.argv[1]):
    stack, count = line.rsplit(" ", 1)
    count = int(count)
    frames = stack.split(";")
    thread = frames[0]
    total += count
    part, frame = part_of(thread, frames)
    samples[part] += count
    if part.startswith("request hash"):
        other_hamyar[frame] += count
    leaves[frames[-1]] += count
    for frame in set(frames):
        if frame.startswith("ir/hamyar") and "ClientProxy" not in frame and "_Subclass" not in frame:
            hamyar[frame] += count
print(f"{total} samples of the service's CPU")
for name in PARTS:
    print(f"{100 * samples[name] / total:5.1f} %  {name}")
print("\nthe innermost Hamyar frames of 'other Hamyar code':")
for frame, count in other_hamyar.most_common(12):
    print(f"{100 * count / total:5.1f} %  {frame[:120]}")
print("\ntop frames (self):")
for frame, count in leaves.most_common(20):
    print(f"{100 * count / total:5.1f} %  {frame[:120]}")
print("\nHamyar methods (inclusive):")
for frame, count in hamyar.most_common(25):
    print(f"{100 * count / total:5.1f} %  {frame[:120]}")
