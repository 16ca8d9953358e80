/**
 * Sends `probe` (a small request, e.g. the health check) after each of `delaysMs` while `slow`
 * (a long request, already sent) runs, and tells how many probes were sent while it was still
 * running and how many of those were answered only after it: none, when the server keeps serving
 * while it works. Probes sent after the slow answer say nothing and are not counted. An ordering,
 * not a timing assertion.
 */
export async function answersDuring<T>(
  slow: Promise<T>,
  probe: () => Promise<void>,
  delaysMs = [50, 150, 300, 500, 700, 900, 1100],
): Promise<{ result: T; probesSentDuring: number; probesAnsweredAfter: number }> {
  let slowAnsweredAt = Number.POSITIVE_INFINITY;
  const answered = slow.then((result) => {
    slowAnsweredAt = performance.now();
    return result;
  });
  const probes = await Promise.all(
    delaysMs.map(async (delay) => {
      await new Promise((resolve) => setTimeout(resolve, delay));
      const sentAt = performance.now();
      const duringSlow = sentAt < slowAnsweredAt;
      await probe();
      return { duringSlow, answeredAt: performance.now() };
    }),
  );
  const result = await answered;
  const during = probes.filter((probe) => probe.duringSlow);
  return { result, probesSentDuring: during.length, probesAnsweredAfter: during.filter((probe) => probe.answeredAt > slowAnsweredAt).length };
}
