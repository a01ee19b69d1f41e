// Load against a running Hamyar: generated families, each with its own ref and Idempotency-Key.
//   node load.mjs --url http://127.0.0.1:8080 --connections 32 --duration 20            (fixed concurrency)
//   node load.mjs --url http://127.0.0.1:8080 --rate 1000 --connections 64 --duration 20 (autocannon's paced rate:
//     each connection waits for its answer, so a slow answer delays the requests behind it; for an honest p99 at a
//     fixed rate use open.mjs)
// Options: --user intake:intake-test, --database hamyar (checks that every 2xx left exactly one audit row).
import autocannon from 'autocannon';
import { checkAudit } from './audit-check.mjs';
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
  process.exitCode = checkAudit(args.database, `L-${run}-`, answered) ? 0 : 1;
}
