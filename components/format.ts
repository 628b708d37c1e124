const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SEASONS: Record<string, string> = { SP: 'Spring', SU: 'Summer', FA: 'Autumn', WI: 'Winter' };

/** "16 September 2025" for an ISO day, without time-zone surprises. */
export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${LONG_MONTHS[m - 1]} ${y}`;
}

/**
 * A TimeML value at its honest precision: "2007", "April 2025",
 * "Sun 14 Sep 2025", "the 1990s", "Summer 2019", "Q2 2024", "week 37 of 2025".
 */
export function formatTimeValue(value: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()];
    return `${weekday} ${d} ${MONTHS[mo - 1]} ${y}`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value))) return `${LONG_MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) return `Week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{3})$/.exec(value))) return `The ${m[1]}0s`;
  if ((m = /^(\d{2})$/.exec(value))) return `The ${ordinal(Number(m[1]) + 1)} century`;
  return value;
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}
