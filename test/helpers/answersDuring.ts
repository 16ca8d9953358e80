/**
 * Sends `probe` (a small request, e.g. the health check) after each of `delaysMs` while `slow`
 * (a long request, already sent) runs, and tells which probes were answered after the slow one:
 * none, when the server keeps serving while it works. An ordering, not a timing assertion.
 */
export async function answersDuring<T>(slow: Promise<T>, probe: () => Promise<void>, delaysMs = [300, 500, 700, 900, 1100]): Promise<{ result: T; probesAnsweredAfter: number }> {
  let slowAnsweredAt = Number.POSITIVE_INFINITY;
  const answered = slow.then((result) => {
    slowAnsweredAt = performance.now();
    return result;
  });
  const probesAnsweredAt = await Promise.all(
    delaysMs.map(async (delay) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      await probe();
      return performance.now();
    }),
  );
  const result = await answered;
  return { result, probesAnsweredAfter: probesAnsweredAt.filter((at) => at > slowAnsweredAt).length };
}
