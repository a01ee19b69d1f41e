// Open-model load at a fixed rate against a running Hamyar: request i is due at start + i/rate whatever the answers
// to earlier ones (as wrk2 does), and its latency is counted from when it was due, so a stall shows in the tail
// instead of silently lowering the rate (no coordinated omission). Generated families, each with its own ref and
// Idempotency-Key; loopback only; stops after --duration seconds and waits at most 10 s for answers in flight.
//   node open.mjs --url http://127.0.0.1:8080 --rate 1000 --duration 30 [--warmup 10] [--connections 128]
//                 [--user intake:intake-test] [--database hamyar]
import http from 'node:http';
import { checkAudit } from './audit-check.mjs';
import { family } from './families.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) =>
  arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs, []));
const target = new URL(args.url ?? 'http://127.0.0.1:8080');
if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error('loopback targets only');
const rate = Number(args.rate ?? 1000);
const duration = Number(args.duration ?? 30);
const warmup = Number(args.warmup ?? 10);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(args.connections ?? 128) });
const authorization = 'Basic ' + Buffer.from(args.user ?? 'intake:intake-test').toString('base64');
const run = Math.random().toString(36).slice(2, 8);

function post(ref) {
  const body = JSON.stringify(family(ref));
  return new Promise((resolve) => {
    const request = http.request({ agent, host: target.hostname, port: target.port, method: 'POST',
      path: '/api/v1/decisions/family', timeout: 30_000,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization,
        'idempotency-key': ref } }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks),
        timing: response.headers['server-timing'] }));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error) => resolve({ status: 0, error }));
    request.end(body);
  });
}

/** Sends at `rate` for `seconds`; resolves with each request's latency from its due time, and what came back. */
async function phase(seconds, label) {
  const latencies = [];
  const server = { decide: [], record: [] };
  const answered = new Set();
  let refused = 0;
  let failed = 0;
  const inFlight = new Set();
  const start = performance.now();
  const total = Math.round(rate * seconds);
  let sent = 0;
  await new Promise((done) => {
    const tick = () => {
      const now = performance.now();
      for (; sent < total && start + (sent * 1000) / rate <= now; sent++) {
        const due = start + (sent * 1000) / rate;
        const ref = `O-${run}-${label}-${sent}`;
        const pending = post(ref).then(({ status, body, timing }) => {
          latencies.push(performance.now() - due);
          for (const [, name, value] of (timing ?? '').matchAll(/(decide|record);dur=([\d.]+)/g)) {
            server[name].push(Number(value));
          }
          if (status === 200) answered.add(JSON.parse(body).decisionId);
          else if (status === 0) failed++;
          else refused++;
          inFlight.delete(pending);
        });
        inFlight.add(pending);
      }
      if (sent < total) setTimeout(tick, 1); else done();
    };
    tick();
  });
  const sentFor = (performance.now() - start) / 1000;
  await Promise.race([Promise.all(inFlight), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  return { latencies, server, answered, refused, failed, sentFor, unanswered: inFlight.size };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];

if (warmup > 0) await phase(warmup, 'w');
const result = await phase(duration, 'm');
const sorted = Float64Array.from(result.latencies).sort();
const ms = (value) => (value === undefined ? 'n/a' : value.toFixed(1));
const split = Object.entries(result.server).map(([name, values]) => {
  const ordered = Float64Array.from(values).sort();
  return `${name} p50 ${ms(percentile(ordered, 0.5))} / p99 ${ms(percentile(ordered, 0.99))} ms`;
}).join(', ');
console.log(`open model ${rate}/s for ${duration} s (sent over ${result.sentFor.toFixed(1)} s):`
  + ` ${(result.answered.size / duration).toFixed(0)} decisions/s answered 200,`
  + ` p50 ${ms(percentile(sorted, 0.5))} ms, p90 ${ms(percentile(sorted, 0.9))} ms,`
  + ` p99 ${ms(percentile(sorted, 0.99))} ms, max ${ms(sorted[sorted.length - 1])} ms (from each request's due time),`
  + ` non-2xx ${result.refused}, errors ${result.failed}, unanswered ${result.unanswered};`
  + ` the service's own Server-Timing: ${split}`);
agent.destroy();
if (args.database) {
  process.exitCode = checkAudit(args.database, `O-${run}-m-`, result.answered) ? 0 : 1;
}
