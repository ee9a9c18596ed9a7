/**
 * Dates as pages declare them in metadata, to the form the Article uses: ISO 8601 with the time and
 * offset the declaration gives ("2024-05-02T10:15:00+10:00", "2024-05-02"). Declared dates come as
 * ISO strings with or without time zone, as RFC 2822 ("Thu, 02 May 2024 10:15:00 GMT"), as Unix
 * timestamps in seconds or milliseconds, and now and then as a written date ("May 2, 2024").
 * Placeholder dates are refused: the Unix epoch and anything before the web, and dates past
 * LATEST_YEAR. Pure: nothing here depends on today's date.
 */
import {findDates} from '../dates.js'

/** Earliest year a page's declared date is believed: 1970-01-01 and 1900-01-01 are empty fields. */
export const EARLIEST_YEAR = 1995
/** Latest year believed: "9999-12-31" and "2099-…" are placeholders for "never expires". */
export const LATEST_YEAR = 2090

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z)?$/
/** Seconds (10 digits: 2001–2286) or milliseconds (13 digits) since the epoch. */
const TIMESTAMP = /^\d{10}(?:\d{3})?(?:\.\d+)?$/

const pad = (n: number): string => String(n).padStart(2, '0')

function plausible(year: number, month: number, day: number): boolean {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR || month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function offsetOf(zone: string | undefined): string {
  if (!zone) return ''
  if (/^(?:z|utc|gmt)$/i.test(zone)) return 'Z'
  const digits = zone.replace(':', '')
  const minutes = digits.length > 3 ? digits.slice(3, 5) : '00'
  return `${digits.slice(0, 3)}:${minutes}`
}

function fromParts(year: number, month: number, day: number, hour?: number, minute?: number, second?: number, zone?: string): string | null {
  if (!plausible(year, month, day)) return null
  const date = `${year}-${pad(month)}-${pad(day)}`
  if (hour === undefined || minute === undefined || hour > 23 || minute > 59) return date
  return `${date}T${pad(hour)}:${pad(minute)}${second === undefined ? '' : `:${pad(Math.min(second, 59))}`}${offsetOf(zone)}`
}

const number = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s))

/** A declared date as ISO 8601, or null when it is no date or a placeholder. Never throws. */
export function readDeclaredDate(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? readDeclaredDate(String(Math.trunc(value))) : null
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (!text || text.length > 64) return null
  const iso = ISO.exec(text)
  if (iso) return fromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]), number(iso[4]), number(iso[5]), number(iso[6]), iso[7])
  const compact = COMPACT.exec(text)
  if (compact) return fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]), number(compact[4]), number(compact[5]), number(compact[6]), compact[7])
  if (TIMESTAMP.test(text)) {
    const digits = text.split('.')[0]
    const time = new Date(digits.length === 13 ? Number(digits) : Number(digits) * 1000)
    return fromParts(time.getUTCFullYear(), time.getUTCMonth() + 1, time.getUTCDate(), time.getUTCHours(), time.getUTCMinutes(), time.getUTCSeconds(), 'Z')
  }
  // RFC 2822 and other forms Date.parse reads with an explicit zone ("Thu, 02 May 2024 10:15:00 GMT").
  const rfc = /^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z|[+-]\d{4})?$/i.exec(text)
  if (rfc) {
    const month = MONTHS.indexOf(rfc[2].toLowerCase()) + 1
    if (month > 0) return fromParts(Number(rfc[3]), month, Number(rfc[1]), number(rfc[4]), number(rfc[5]), number(rfc[6]), rfc[7])
  }
  // A written date ("May 2, 2024", "2. Mai 2024"), read as the text's own dates are.
  const [written] = findDates(text)
  if (written && written.length >= text.length - 12) {
    const [year, month, day] = written.iso.slice(0, 10).split('-').map(Number)
    return plausible(year, month, day) ? written.iso : null
  }
  return null
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

/** Days between two ISO dates' calendar days (by their written day, not their instant). */
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000
}
