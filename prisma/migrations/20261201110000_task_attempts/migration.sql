-- Retries of a task's work after transient errors (connection loss, lock timeouts, ...): how many
-- times it was started and the last error it met, shown on Task (attempts, lastError).
ALTER TABLE "tasks" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "last_error" TEXT;
