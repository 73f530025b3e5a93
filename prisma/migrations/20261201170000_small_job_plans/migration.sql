-- delete_small_job keeps its statements' cached plans (no SET plan_cache_mode) and counts the
-- job's rows itself: small_job_rows, a SQL function, was planned anew on every call.
-- A waiting deleteJob of a small shared job, whole, in one statement (src/deletion/at-once.ts):
-- the checks of accepting a deletion (D4-D6, in accept.ts's order), then the task, recorded
-- COMPLETED with its counts (D15-D17), both audit lines (D11) and the job row, whose cascade
-- takes its rows (D10), in the caller's one implicit transaction: one round trip and one commit,
-- where the accepting transaction alone took eighteen. The texts, the task's node, action,
-- description and id prefix come from the code, which owns them. Answers one row, outcome:
--   'missing'; 'state' (detail: the job's state); 'datafeed' (detail: its id);
--   'task': not for this path (a live deletion to join, dedicated storage, rows the upgrade has
--   not moved yet, more than max_rows rows): nothing was written, the caller accepts as usual;
--   'deleted': task_id, rows_deleted (by the kept counts), task_version.
-- Its statements keep their cached plans (PL/pgSQL's, and the cascade's own): the cascade from
-- jobs reaches only the shared tables, none partitioned (dedicated tables have no foreign key,
-- and with the previous layout's parents still there this path answers 'task' first), so a
-- generic plan locks what a custom one does. Planned anew on every call they cost ~0.5 ms of
-- a ~2 ms call; so does a SQL function called here (PostgreSQL plans its body on every call),
-- which is why the count is written out below.
CREATE OR REPLACE FUNCTION job_parts.delete_small_job(
  job text, forced boolean, with_user_annotations boolean, max_rows bigint,
  node text, task_prefix text, task_action text, task_description text, accepted_message text, deleted_message text,
  OUT outcome text, OUT detail text, OUT task_id text, OUT rows_deleted bigint, OUT task_version integer)
LANGUAGE plpgsql
AS $$
DECLARE
  j record;
  seq bigint;
BEGIN
  -- Whether the job is for this path is read before its row lock: a lock is a WAL record, whose
  -- commit would wait for a flush (~2-5 ms) also when the answer is 'task'. The kept counts
  -- alone tell a big job (its annotations are not worth counting for that).
  SELECT storage::text AS storage INTO j FROM public.jobs WHERE id = job;
  IF NOT FOUND THEN
    outcome := 'missing';
    RETURN;
  END IF;
  IF j.storage <> 'SHARED' OR to_regnamespace('job_parts_by_job') IS NOT NULL
     OR (SELECT coalesce(sum(c.rows), 0) FROM public.job_row_counts c WHERE c.job_id = job) > max_rows THEN
    outcome := 'task';
    RETURN;
  END IF;
  SELECT state::text AS state, deletion_task_id INTO j FROM public.jobs WHERE id = job FOR UPDATE;
  IF NOT FOUND THEN
    outcome := 'missing';
    RETURN;
  END IF;
  IF j.state <> 'CLOSED' AND NOT forced THEN
    outcome := 'state';
    detail := j.state;
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM public.tasks t WHERE t.id = j.deletion_task_id AND t.state NOT IN ('COMPLETED', 'FAILED')) THEN
    outcome := 'task';
    RETURN;
  END IF;
  SELECT d.id INTO detail FROM public.datafeeds d WHERE d.job_id = job;
  IF FOUND THEN
    outcome := 'datafeed';
    RETURN;
  END IF;
  -- Counted again under the lock, rows written meanwhile too: the kept counts and the job's
  -- annotations that go with it (the system's, or all), these up to max_rows + 1 (a big job has
  -- tens of thousands, not worth counting here).
  SELECT (SELECT coalesce(sum(c.rows), 0) FROM public.job_row_counts c WHERE c.job_id = job)
       + (SELECT count(*) FROM (SELECT 1 FROM public.annotations a
                                WHERE a.job_id = job AND (with_user_annotations OR a.created_by = '_xpack') LIMIT max_rows + 1) AS counted)
    INTO rows_deleted;
  IF rows_deleted > max_rows THEN
    outcome := 'task';
    rows_deleted := NULL;
    RETURN;
  END IF;
  seq := nextval(pg_get_serial_sequence('public.tasks', 'seq'));
  task_id := task_prefix || seq;
  task_version := 1;
  -- Timestamps as the code writes them: UTC, in columns without a time zone.
  INSERT INTO public.tasks (id, seq, node_id, action, description, job_id, state, force, delete_user_annotations, phase,
                            deleted, total, version, start_time, end_time)
  VALUES (task_id, seq, node, task_action, task_description, job, 'COMPLETED', forced, with_user_annotations, 'DONE',
          rows_deleted, rows_deleted, task_version, now() AT TIME ZONE 'UTC', clock_timestamp() AT TIME ZONE 'UTC');
  INSERT INTO public.notifications (job_id, level, message, "timestamp")
  VALUES (job, 'info', format(accepted_message, task_id), clock_timestamp() AT TIME ZONE 'UTC');
  -- Annotations outlive the job (no cascade): the job's go here.
  DELETE FROM public.annotations a WHERE a.job_id = job AND (with_user_annotations OR a.created_by = '_xpack');
  DELETE FROM public.jobs WHERE id = job;
  INSERT INTO public.notifications (job_id, level, message, "timestamp")
  VALUES (job, 'info', deleted_message, clock_timestamp() AT TIME ZONE 'UTC');
  outcome := 'deleted';
END
$$;

DROP FUNCTION job_parts.small_job_rows(text, boolean, bigint);
