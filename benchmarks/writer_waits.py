#!/usr/bin/env python3
# Where a chain writer spends its time over a window: the first writer thread of the JVM and the PostgreSQL
# backend that serves it, each split into running, waiting for a core (runnable, on the run queue) and sleeping
# (from /proc/<tid>/schedstat), and the writer's sleep by kernel wait channel sampled every 2 ms (a futex: waiting
# for decisions to record; a socket: waiting on PostgreSQL).
#   benchmarks/writer_waits.py <JVM pid> <seconds>
# Run it while a load runs (e.g. beside benchmarks/packaged_throughput.sh, after its warm-up).
import collections, os, sys, time

jvm, seconds = sys.argv[1], float(sys.argv[2])


def writer_thread():
    for tid in os.listdir(f'/proc/{jvm}/task'):
        if open(f'/proc/{jvm}/task/{tid}/comm').read().startswith('hamyar-decision'):
            return f'/proc/{jvm}/task/{tid}'
    sys.exit('no hamyar-decision-writer thread in ' + jvm)


def backends():
    found = []
    for pid in os.listdir('/proc'):
        if pid.isdigit():
            try:
                title = open(f'/proc/{pid}/cmdline').read()
            except OSError:
                continue
            if title.startswith('postgres:') and 'hamyar_app' in title:
                found.append(f'/proc/{pid}')
    return found


def schedstat(path):
    run, queued, _ = map(int, open(f'{path}/schedstat').read().split())
    return run, queued


writer = writer_thread()
before = {path: schedstat(path) for path in [writer] + backends()}
channels = collections.Counter()
started = time.monotonic()
while time.monotonic() - started < seconds:
    state = open(f'{writer}/stat').read().rsplit(')', 1)[1].split()[0]
    channels['running or runnable' if state == 'R' else open(f'{writer}/wchan').read() or state] += 1
    time.sleep(0.002)
elapsed = time.monotonic() - started
after = {path: schedstat(path) for path in before if os.path.exists(path)}
# the backend that ran most is the writer's: it inserts every decision
backend = max((path for path in after if path != writer), key=lambda p: after[p][0] - before[p][0])
for name, path in (('writer thread', writer), ('its PostgreSQL backend', backend)):
    run = (after[path][0] - before[path][0]) / 1e9 / elapsed
    queued = (after[path][1] - before[path][1]) / 1e9 / elapsed
    print(f'{name:24s} running {run:4.0%}  waiting for a core {queued:4.0%}  sleeping {1 - run - queued:4.0%}')
samples = sum(channels.values())
print('writer thread sampled: ' + ', '.join(f'{k} {v / samples:.0%}' for k, v in channels.most_common(6)))
