// Load against a running Hamyar: generated families, each with its own ref and Idempotency-Key.
//   node load.mjs --url http://127.0.0.1:8080 --connections 32 --duration 20            (fixed concurrency)
//   node load.mjs --url http://127.0.0.1:8080 --rate 1000 --connections 64 --duration 20 (fixed rate: honest p99)
// Options: --user intake:intake-test, --database hamyar (checks that every 2xx left exactly one audit row).
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { family } from './families.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const url = args.url ?? 'http://127.0.0.1:8080';
const run = Math.random().toString(36).slice(2, 8);
let sequence = 0;
const answered = new Set();
let refused = 0;

const options = {
  url,
  connections: Number(args.connections ?? 32),
  duration: Number(args.duration ?? 20),
  headers: {
    'content-type': 'application/json',
    authorization: 'Basic ' + Buffer.from(args.user ?? 'intake:intake-test').toString('base64'),
  },
  requests: [{
    method: 'POST',
    path: '/api/v1/decisions/family',
    setupRequest: (request) => {
      const ref = `L-${run}-${++sequence}`;
      return { ...request, body: JSON.stringify(family(ref)),
        headers: { ...request.headers, 'idempotency-key': ref } };
    },
    onResponse: (status, body) => {
      if (status === 200) answered.add(JSON.parse(body).decisionId); else refused++;
    },
  }],
};
if (args.rate) options.overallRate = Number(args.rate);

const result = await autocannon(options);
const seconds = result.duration;
console.log(`${args.rate ? `fixed rate ${args.rate}/s` : `${options.connections} connections`}, ${seconds.toFixed(1)} s:`
  + ` ${(answered.size / seconds).toFixed(0)} decisions/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms,`
  + ` non-2xx ${refused}, errors ${result.errors}, timeouts ${result.timeouts}`);

if (args.database) {
  // Every decision answered 200 must be on record exactly once. Requests still in flight when the run stopped may be
  // on record without their answer having been read: they are counted apart, not as a mismatch.
  const sql = `select id, count(*) over (partition by subject_ref) from decision where subject_ref like 'L-${run}-%'`;
  const rows = execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', sql, args.database],
    { maxBuffer: 256 * 1024 * 1024 }).toString().trim().split('\n').filter(Boolean).map((line) => line.split('|'));
  const recorded = new Set(rows.map(([id]) => id));
  const duplicated = rows.filter(([, copies]) => Number(copies) > 1).length;
  const missing = [...answered].filter((id) => !recorded.has(id)).length;
  const ok = missing === 0 && duplicated === 0;
  console.log(`audit: ${answered.size} answered 200, ${missing} of them not on record, ${duplicated} duplicated rows,`
    + ` ${recorded.size - answered.size + missing} recorded while their answer was cut off by the end of the run`
    + ` — ${ok ? 'every 2xx left exactly one row' : 'MISMATCH'}`);
  process.exitCode = ok ? 0 : 1;
}
