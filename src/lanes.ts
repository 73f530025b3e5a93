// Work spread over a few concurrent lanes (each usually a connection of its own) that stop
// together: the first failure makes the others stop at their next turn (`stopped()`), and the
// caller sees that failure only once every lane has ended, so that no lane is still writing
// while the caller undoes, retries or reports. Used by the deletion engine and the seeds.
export async function inLanes(count: number, lane: (stopped: () => boolean) => Promise<void>): Promise<void> {
  let failed = false;
  const stopped = () => failed;
  const ends = await Promise.allSettled(
    Array.from({ length: Math.max(1, count) }, () =>
      lane(stopped).catch((err: unknown) => {
        failed = true;
        throw err;
      }),
    ),
  );
  const failure = ends.find((end): end is PromiseRejectedResult => end.status === 'rejected');
  if (failure) throw failure.reason;
}
