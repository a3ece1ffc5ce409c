/** How long the hub waits for a province before serving its own copy: a person holding a phone is waiting. */
export const probeTimeoutMs = 800;
/** How long an answer is believed: a burst of scans costs one probe, a province back up is seen within seconds. */
const freshMs = 5_000;

const answers = new Map<string, { up: boolean; at: number }>();

/**
 * Whether a province's TXNG answers now: its `/healthz` within a short timeout, remembered a few seconds per base
 * URL (two probes at once for one province may both go: harmless).
 */
export async function provinceAnswers(baseUrl: string, now = Date.now()): Promise<boolean> {
  const known = answers.get(baseUrl);
  if (known && now - known.at < freshMs) return known.up;
  let up = false;
  try {
    const response = await fetch(`${baseUrl}/healthz`, {
      signal: AbortSignal.timeout(probeTimeoutMs),
      redirect: 'manual',
    });
    up = response.ok;
    await response.body?.cancel();
  } catch {
    up = false;
  }
  answers.set(baseUrl, { up, at: Date.now() });
  return up;
}

/** Forgets every answer (tests that bring a province down and up again). */
export const forgetProbes = () => answers.clear();
