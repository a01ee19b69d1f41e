#!/usr/bin/env python3
# How the 2 cores were used over a window: the whole machine busy, and the CPU of each process group (the JVM,
# all PostgreSQL processes and each kind of them, wrk), from /proc. packaged_throughput.sh runs it over its window.
#   benchmarks/cpu_split.py <seconds>
import os, sys, time
def snap():
    d = {}
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            s = open(f'/proc/{p}/stat').read()
        except Exception: continue
        comm = s[s.index('(')+1:s.rindex(')')]
        if comm.startswith('postgres'):
            comm = postgres_role(p)
        f = s[s.rindex(')')+2:].split()
        d[p] = (comm, int(f[11]) + int(f[12]))
    return d
def postgres_role(pid):
    # a backend's title names its role: 'postgres: walwriter', 'postgres: autovacuum worker', or for a client's
    # 'postgres: <user> <database> <address> <state>'
    try:
        title = open(f'/proc/{pid}/cmdline').read().replace('\0', ' ').split()
    except Exception:
        return 'postgres'
    if title[:1] != ['postgres:']:
        return 'postgres'
    title = [word for word in title[1:] if not word.endswith(':')]  # Debian adds the cluster's name, '15/main:'
    if not title:
        return 'postgres'
    if title[0] in ('autovacuum', 'background', 'logical', 'checkpointer', 'walwriter', 'logger', 'stats'):
        return 'postgres: ' + ' '.join(title[:2])
    return 'postgres: ' + (title[0] + ' backends' if len(title) > 2 else ' '.join(title))


def total():
    f = open('/proc/stat').readline().split()[1:]
    v = list(map(int, f)); return sum(v), v[3] + v[4]
secs = float(sys.argv[1])
a = snap(); ta = total(); time.sleep(secs); b = snap(); tb = total()
hz = os.sysconf('SC_CLK_TCK'); groups = {}
for p, (comm, t) in b.items():
    t0 = a.get(p, (comm, 0))[1]
    groups[comm] = groups.get(comm, 0) + (t - t0)
    if comm.startswith('postgres'):
        groups['postgres (all)'] = groups.get('postgres (all)', 0) + (t - t0)
alls = tb[0] - ta[0]; idle = tb[1] - ta[1]
print(f"machine busy {(alls - idle) / alls * 100 * os.cpu_count():.0f} % of {os.cpu_count()} cores")
for k, v in sorted(groups.items(), key=lambda x: -x[1])[:8]:
    print(f"{k:20s} {v / hz / secs:5.2f} cores")
