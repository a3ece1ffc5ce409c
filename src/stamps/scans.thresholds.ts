/**
 * How scans are counted and judged (docs/resolver.md, "Suspicious scans"). Defaults suit a product bought and
 * scanned by one household; the department tunes them per province through the environment.
 */
export interface ScanThresholds {
  /** The window the note and the travel check look at. */
  windowHours: number;
  /** More counted scans than this in the window earns the neutral "scanned many times" note. */
  busyScans: number;
  /** More distinct networks than this in the window earns the same note. */
  busyNetworks: number;
  /** A network's scan of a stamp counts once per this many minutes. */
  repeatMinutes: number;
  /** One network's counted scans across all stamps, per `networkCapHours`. */
  networkCap: number;
  networkCapHours: number;
  /** Impossible travel: further apart than this … */
  travelKm: number;
  /** … and faster than this between the two scans. */
  travelKmh: number;
  /** A place within this distance of where the lot was made or shipped is where the stamp is expected. */
  nearKm: number;
}

export function scanThresholds(env: NodeJS.ProcessEnv = process.env): ScanThresholds {
  const num = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    windowHours: num('TXNG_SCAN_WINDOW_HOURS', 72),
    busyScans: num('TXNG_SCAN_MAX_SCANS', 30),
    busyNetworks: num('TXNG_SCAN_MAX_NETWORKS', 6),
    repeatMinutes: num('TXNG_SCAN_REPEAT_MINUTES', 60),
    networkCap: num('TXNG_SCAN_NETWORK_CAP', 30),
    networkCapHours: num('TXNG_SCAN_NETWORK_CAP_HOURS', 24),
    travelKm: num('TXNG_SCAN_TRAVEL_KM', 150),
    travelKmh: num('TXNG_SCAN_TRAVEL_KMH', 200),
    nearKm: num('TXNG_SCAN_NEAR_KM', 30),
  };
}
