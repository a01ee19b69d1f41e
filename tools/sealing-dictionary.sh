#!/usr/bin/env bash
# Trains a zstd dictionary for sealing records (privacy/Compression) from the shipped rules' scenarios: every
# scenario's profile and the answer the packaged service gives it. A dictionary in use can never change (the records
# compressed with it need it to be read): this makes the next one, to add beside the others with a format byte of its
# own, never to replace one.
#   ./mvnw -B package -DskipTests && tools/sealing-dictionary.sh target/quarkus-app out.zdict
# Needs python3 with PyYAML and the zstd command (Debian: python3-yaml, zstd).
set -euo pipefail
build=$(cd "$1" && pwd); out=$2
here=$(cd "$(dirname "$0")" && pwd); root=$(dirname "$here"); port=8191
samples=$(mktemp -d)
. "$root/benchmarks/packaged_service.sh"
start_packaged "$build" hamyar_dictionary "$port"
trap 'kill "$service_pid"; rm -rf "$samples"' EXIT
python3 - "$root/rules" "$port" "$samples" <<'PY'
import base64, glob, json, sys, urllib.error, urllib.request, yaml
rules, port, samples = sys.argv[1:]
auth = "Basic " + base64.b64encode(b"intake:intake-test").decode()
n = 0
for path in sorted(glob.glob(f"{rules}/**/*.scenarios.yaml", recursive=True)):
    scenarios = yaml.safe_load(open(path, encoding="utf-8"))
    for scenario in scenarios["scenarios"]:
        body = json.dumps(scenario["given"], ensure_ascii=False).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/decisions/{scenarios['kind']}", data=body,
                                         headers={"Content-Type": "application/json", "Authorization": auth})
        try:
            answer = urllib.request.urlopen(request).read()
        except urllib.error.HTTPError:
            continue  # a scenario of a refused profile: nothing is recorded for it
        open(f"{samples}/{n:04d}.input.json", "wb").write(body)
        open(f"{samples}/{n:04d}.answer.json", "wb").write(answer)
        n += 1
print(f"{n} decisions")
PY
zstd -q -f --train "$samples"/* --maxdict=16384 -o "$out"
echo "$out: $(wc -c < "$out") bytes, sha256 $(sha256sum "$out" | cut -d' ' -f1)"
