// npm run purge -- --job <id>: frees a job's space when the disk is full, without writing a task
// first. A job with dedicated storage loses its tables (a DROP TABLE writes almost nothing and
// gives the files back at once); a shared job's rows are deleted (their space is reused by the
// tables after VACUUM, not given back to the disk). Then the job is marked `deleting`, so that
// nothing is written for it again and the instances' sweep starts the deletion task that
// finishes it (job row, annotations, calendar membership, audit) once there is room. No
// migrations are applied.
// Exit codes: 0 done, 1 failed (e.g. unknown job), 2 bad arguments.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/client.ts';
import { describeError } from '../db/pg-errors.ts';
import { assertValidId } from '../jobs/ids.ts';
import { JOB_TABLES } from '../jobs/owned-tables.ts';
import { deleteCounted } from '../jobs/row-counts.ts';
import { dropDedicatedTables } from '../jobs/storage.ts';

const USAGE = 'usage: npm run purge -- --job <id>';
const args = process.argv.slice(2);
const at = args.findIndex((a) => a === '--job' || a.startsWith('--job='));
const jobId = at < 0 ? undefined : args[at].includes('=') ? args[at].slice('--job='.length) : args[at + 1];
if (!jobId || args.length !== (args[at].includes('=') ? 1 : 2)) {
  console.error(USAGE);
  process.exit(2);
}
try {
  assertValidId(jobId);
} catch (err) {
  console.error(`error: ${(err as Error).message}`);
  process.exit(2);
}

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
let exitCode = 0;
try {
  const { rows } = await db.pool.query<{ storage: string }>('SELECT storage::text AS storage FROM jobs WHERE id = $1', [jobId]);
  if (!rows.length) throw new Error(`No known job with id '${jobId}'`);
  const dedicated = rows[0].storage === 'DEDICATED';
  let freed = 0;
  for (const table of JOB_TABLES) {
    // Table names come from OWNED_TABLES, never from input.
    const n = dedicated
      ? await dropDedicatedTables(db.pool, [table], jobId)
      : await deleteCounted(db.pool, false, table, `DELETE FROM public."${table}" WHERE job_id = $1`, [jobId]);
    freed += n;
    console.log(`  ${table}: ${n} rows dropped`);
  }
  await db.pool.query('UPDATE jobs SET deleting = true WHERE id = $1 AND NOT deleting', [jobId]);
  console.log(`purged job ${jobId}: ${freed} rows dropped; its deletion task finishes the rest (the sweep starts it within seconds)`);
} catch (err) {
  console.error(`error: ${describeError(err)}`);
  exitCode = 1;
} finally {
  await db.close();
}
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
process.exit(exitCode);
