/** Vietnam keeps UTC+7 all year (no daylight saving), so the province's calendar day needs no time-zone database. */
const offsetMs = 7 * 3_600_000;

/**
 * Today's date in the province (Asia/Ho_Chi_Minh), `YYYY-MM-DD`. Dates people enter (production, expiry, OCOP
 * validity) are local days: comparing them with the UTC date is wrong from 00:00 to 07:00 every morning.
 */
export const localToday = (now = Date.now()) => new Date(now + offsetMs).toISOString().slice(0, 10);
