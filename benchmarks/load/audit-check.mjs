// After a load run: every decision answered 200 must be on record exactly once. Requests still in flight when the
// run stopped may be on record without their answer having been read: they are counted apart, not as a mismatch.
import { execFileSync } from 'node:child_process';

export function checkAudit(database, refPrefix, answered) {
  const sql = `select id, count(*) over (partition by subject_ref) from decision where subject_ref like '${refPrefix}%'`;
  const rows = execFileSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', sql, database],
    { maxBuffer: 256 * 1024 * 1024 }).toString().trim().split('\n').filter(Boolean).map((line) => line.split('|'));
  const recorded = new Set(rows.map(([id]) => id));
  const duplicated = rows.filter(([, copies]) => Number(copies) > 1).length;
  const missing = [...answered].filter((id) => !recorded.has(id)).length;
  const ok = missing === 0 && duplicated === 0;
  console.log(`audit: ${answered.size} answered 200, ${missing} of them not on record, ${duplicated} duplicated rows,`
    + ` ${recorded.size - answered.size + missing} recorded while their answer was cut off by the end of the run`
    + ` — ${ok ? 'every 2xx left exactly one row' : 'MISMATCH'}`);
  return ok;
}
