/**
 * Written dates in the forms news sites print, in the languages of the corpus. Nothing here is
 * relative to "today": a date without a year is not a date.
 */

/** Month names and abbreviations by language, January first. Genitive forms (Polish) included. */
const MONTH_NAMES: readonly (readonly string[])[] = [
  // English
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'], ['may'], ['june', 'jun'],
  ['july', 'jul'], ['august', 'aug'], ['september', 'sept', 'sep'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec'],
  // German
  ['januar', 'jänner', 'jän'], ['februar', 'feber'], ['märz', 'mär', 'maerz'], [], ['mai'], ['juni'],
  ['juli'], [], [], ['oktober', 'okt'], [], ['dezember', 'dez'],
  // French
  ['janvier', 'janv'], ['février', 'fevrier', 'févr', 'fév'], ['mars'], ['avril', 'avr'], [], ['juin'],
  ['juillet', 'juil'], ['août', 'aout'], ['septembre'], ['octobre'], ['novembre'], ['décembre', 'decembre', 'déc'],
  // Spanish
  ['enero', 'ene'], ['febrero'], ['marzo'], ['abril'], ['mayo'], ['junio'],
  ['julio'], ['agosto', 'ago'], ['septiembre', 'setiembre'], ['octubre'], ['noviembre'], ['diciembre', 'dic'],
  // Polish, nominative and genitive
  ['styczeń', 'stycznia', 'sty'], ['luty', 'lutego', 'lut'], ['marzec', 'marca'], ['kwiecień', 'kwietnia', 'kwi'], ['maj', 'maja'], ['czerwiec', 'czerwca', 'cze'],
  ['lipiec', 'lipca', 'lip'], ['sierpień', 'sierpnia', 'sie'], ['wrzesień', 'września', 'wrz'], ['październik', 'października', 'paź'], ['listopad', 'listopada', 'lis'], ['grudzień', 'grudnia', 'gru'],
  // Italian
  ['gennaio'], ['febbraio'], [], ['aprile'], ['maggio'], ['giugno'],
  ['luglio'], [], ['settembre'], ['ottobre'], [], ['dicembre'],
  // Dutch
  ['januari'], ['februari'], ['maart'], [], ['mei'], [],
  [], ['augustus'], [], [], [], [],
  // Portuguese
  ['janeiro'], ['fevereiro'], ['março'], [], ['maio'], ['junho'],
  ['julho'], [], ['setembro'], ['outubro'], [], ['dezembro'],
]

const MONTH_BY_NAME = new Map<string, number>()
MONTH_NAMES.forEach((names, i) => {
  for (const name of names) if (!MONTH_BY_NAME.has(name)) MONTH_BY_NAME.set(name, (i % 12) + 1)
})

const MONTH = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).join('|')
// A letter may not touch the month name, so "mayor" or "marches" are not months.
const NOT_LETTER_BEFORE = '(?<![\\p{L}])'
const NOT_LETTER_AFTER = '(?![\\p{L}])'
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?'
const YEAR = '((?:19|20)\\d{2})'
// A year may run straight into a time ("3 de mayo de 202221:25") or into the next date, where a page
// prints its published and modified dates back to back ("6. November 20236. November 2023",
// "17/11/201917/11/2019"); never into other digits. Four digits straight before ":44" are a
// two-digit year and an hour ("28.09.1912:44"), not a year.
const YEAR_END = '(?!\\d(?!\\d?:\\d{2})(?!\\d?[./]\\s?[\\p{L}\\d]))(?!:\\d{2})'
// Two-digit years only in numeric dates, and never followed by more date-like digits (but by a
// glued time: "28.09.1912:44").
const YEAR2 = '(\\d{2})(?![.,/-]\\d|\\d(?!\\d:\\d{2}))'
// A time follows a space or a comma; glued to the year ("202221:25", "28.01.2020-15:49") only with a colon,
// so "19.11.202119.11.2021" is two dates, not a date at 19:11.
const TIME = '(?:(?:[\\s,]+(?:(?:at|um|à|a las|o|-|–|\\|)\\s*)?|[-–|]?(?=\\d{1,2}:\\d{2}))(\\d{1,2})[:h.](\\d{2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?(?:\\s*(uhr|h))?\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2})?)?'

interface DateForm {
  name: string
  pattern: RegExp
  /** Turns a match into [year, month, day]; `dayFirst` settles "03/05/2022". */
  read: (m: RegExpExecArray, dayFirst: boolean) => [number, number, number]
  /** Index of the first time group in the match, if the form carries a time. */
  timeGroup?: number
}

/** "03/05/2022": month first unless a number cannot be a month, or the page writes day first. */
function slashOrder(year: number, first: number, second: number, dayFirst: boolean): [number, number, number] {
  if (first > 12) return [year, second, first]
  if (second > 12) return [year, first, second]
  return dayFirst ? [year, second, first] : [year, first, second]
}

/** Two-digit years: 80–99 are the 1900s, the rest the 2000s (the web's own lifetime). */
const fullYear = (yy: number): number => (yy >= 80 ? 1900 + yy : 2000 + yy)

const monthOf = (name: string): number => MONTH_BY_NAME.get(name.toLowerCase().replace(/\.$/, '')) ?? 0

/** The forms, most specific first; the first to match at a position wins. */
const DATE_FORMS: readonly DateForm[] = [
  {
    name: 'iso',
    pattern: new RegExp(`(?<!\\d)${YEAR}-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?(z|[+-]\\d{2}:?\\d{2})?)?(?!\\d)`, 'giu'),
    read: (m) => [+m[1], +m[2], +m[3]],
  },
  {
    name: 'month-day-year',
    pattern: new RegExp(`${NOT_LETTER_BEFORE}(${MONTH})\\.?\\s+${DAY},?\\s+${YEAR}${YEAR_END}${TIME}`, 'giu'),
    read: (m) => [+m[3], monthOf(m[1]), +m[2]],
    timeGroup: 4,
  },
  {
    name: 'day-month-year',
    // Also with dashes or slashes between the parts: "12-Jan-2021", "29 / Dezember / 2022".
    pattern: new RegExp(`(?<!\\d)${DAY}(?:,?\\s*(?:de\\s+)?|\\s*[-/]\\s*)(${MONTH})\\.?${NOT_LETTER_AFTER}(?:,?\\s*(?:de\\s+|del\\s+)?|\\s*[-/]\\s*)${YEAR}${YEAR_END}${TIME}`, 'giu'),
    read: (m) => [+m[3], monthOf(m[2]), +m[1]],
    timeGroup: 4,
  },
  {
    name: 'year-slash-month-day',
    pattern: new RegExp(`(?<!\\d)${YEAR}[/.](\\d{1,2})[/.](\\d{1,2})(?!\\d)`, 'gu'),
    read: (m) => [+m[1], +m[2], +m[3]],
  },
  {
    // Dots and dashes are day-first everywhere they are used (Germany, Poland, France…).
    name: 'day.month.year',
    pattern: new RegExp(`(?<![\\d.])(\\d{1,2})[.-](\\d{1,2})[.-]${YEAR}${YEAR_END}${TIME}`, 'giu'),
    read: (m) => [+m[3], +m[2], +m[1]],
    timeGroup: 4,
  },
  {
    name: 'day.month.yy',
    pattern: new RegExp(`(?<![\\d.])(\\d{1,2})\\.(\\d{1,2})\\.${YEAR2}${TIME}`, 'giu'),
    read: (m) => [fullYear(+m[3]), +m[2], +m[1]],
    timeGroup: 4,
  },
  {
    // Slashes: month first unless the first number cannot be a month.
    name: 'slash-date',
    pattern: new RegExp(`(?<![\\d/])(\\d{1,2})/(\\d{1,2})/${YEAR}(?!/)${YEAR_END}${TIME}`, 'giu'),
    read: (m, dayFirst) => slashOrder(+m[3], +m[1], +m[2], dayFirst),
    timeGroup: 4,
  },
  {
    name: 'slash-yy',
    pattern: new RegExp(`(?<![\\d/])(\\d{1,2})/(\\d{1,2})/${YEAR2}(?![\\d/])${TIME}`, 'giu'),
    read: (m, dayFirst) => slashOrder(fullYear(+m[3]), +m[1], +m[2], dayFirst),
    timeGroup: 4,
  },
  {
    name: 'cjk',
    pattern: new RegExp(`${YEAR}\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日`, 'gu'),
    read: (m) => [+m[1], +m[2], +m[3]],
  },
]

/** A date found in text. */
export interface FoundDate {
  /** ISO 8601: YYYY-MM-DD, or with time (and offset) when the text prints them. */
  iso: string
  /** Where the date starts in the text. */
  index: number
  /** Length of the matched text. */
  length: number
  /** Which written form matched. */
  form: string
}

const pad = (n: number): string => String(n).padStart(2, '0')

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

function readTime(m: RegExpExecArray, group: number): string {
  const hour = m[group], minute = m[group + 1]
  if (hour === undefined || minute === undefined) return ''
  let h = +hour
  const meridiem = (m[group + 3] ?? '').toLowerCase().replace(/\./g, '')
  if (meridiem === 'pm' && h < 12) h += 12
  if (meridiem === 'am' && h === 12) h = 0
  if (h > 23 || +minute > 59) return ''
  const seconds = m[group + 2] ? `:${m[group + 2]}` : ''
  return `T${pad(h)}:${minute}${seconds}${readOffset(m[group + 5])}`
}

function readOffset(raw: string | undefined): string {
  if (!raw) return ''
  const offset = raw.toLowerCase()
  if (offset === 'z' || offset === 'utc' || offset === 'gmt') return 'Z'
  const digits = offset.replace(':', '')
  return `${digits.slice(0, 3)}:${digits.slice(3)}`
}

function readIsoTime(m: RegExpExecArray): string {
  if (m[4] === undefined) return ''
  const seconds = m[6] ? `:${m[6]}` : ''
  return `T${m[4]}:${m[5]}${seconds}${readOffset(m[7])}`
}

export interface DateOptions {
  /** Read ambiguous slash dates ("03/05/2022") day first; default false (month first). */
  dayFirst?: boolean
}

/** Every date printed in `text`, in order of position; overlapping matches keep the earliest form. */
export function findDates(text: string, {dayFirst = false}: DateOptions = {}): FoundDate[] {
  const found: FoundDate[] = []
  const taken: [number, number][] = []
  for (const form of DATE_FORMS) {
    form.pattern.lastIndex = 0
    for (let m = form.pattern.exec(text); m; m = form.pattern.exec(text)) {
      const begin = m.index, end = m.index + m[0].length
      if (taken.some(([a, b]) => begin < b && end > a)) continue
      const [year, month, day] = form.read(m, dayFirst)
      if (!isValidDay(year, month, day)) continue
      const time = form.name === 'iso' ? readIsoTime(m) : form.timeGroup ? readTime(m, form.timeGroup) : ''
      found.push({iso: `${year}-${pad(month)}-${pad(day)}${time}`, index: begin, length: m[0].trimEnd().length, form: form.name})
      taken.push([begin, end])
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/** Words that mark the date after them as a revision date, not the publication date. */
const UPDATED_CUE = /(updated|last (modified|updated|changed)|modified|revised|aktualisiert|geändert|mis à jour|modifié|actualizado|modificado|zaktualizowano|aggiornato|bijgewerkt)\b[^\d\p{L}]*(on|am|le|el|:)?\s*$/iu

/** Whether the date at `index` in `text` is introduced as an update. */
export function isUpdateDate(text: string, index: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index)
  return UPDATED_CUE.test(before)
}

const SLASH_DATE = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(?:\d{4}|\d{2})(?![\d/])/g
/** Words frequent in English text and rare in the other languages we read. */
const ENGLISH_MARKERS = /\b(?:the|and|of|to|is|was|with|for)\b/gi

/**
 * Whether a page writes slash dates day first: settled by any unambiguous slash date on the page
 * ("25/10/2016" or "10/25/2016"), else by language — month first only in English-language pages.
 */
export function pageWritesDayFirst(text: string): boolean {
  let dayFirst = 0, monthFirst = 0
  for (const m of text.matchAll(SLASH_DATE)) {
    if (+m[1] > 12 && +m[2] <= 12) dayFirst++
    else if (+m[2] > 12 && +m[1] <= 12) monthFirst++
  }
  if (dayFirst !== monthFirst) return dayFirst > monthFirst
  const sample = text.slice(0, 200_000)
  const english = sample.match(ENGLISH_MARKERS)?.length ?? 0
  const words = sample.match(/[\p{L}]+/gu)?.length ?? 0
  return words > 0 && english / words < 0.04
}

/** Labels that introduce a date and name nothing else ("Published:", "Veröffentlicht am", "Publicado el"). */
export const DATE_LABEL =
  /^(?:published|posted|updated|last updated|last modified|modified|date|dated|on|am|le|el|dnia|data|datum|veröffentlicht|aktualisiert|erschienen|stand|publié|mis à jour|publicado|actualizado|opublikowano|pubblicato|gepubliceerd)\b(?:\s*(?:on|am|le|el|a las|:))?\s*:?/iu

/**
 * The stricter twin of DATE_LABEL: cues that mark a date as the page's own wherever the line stands
 * on the page, so no bare prepositions ("on", "am", "le") that open ordinary lines too.
 */
export const DATE_LABEL_CUE =
  /^(?:published|posted|date|dated|last (?:modified|updated)|page last modified|updated|modified|veröffentlicht|erschienen|stand|datum|publié|mis à jour|publicado|actualizado|fecha|opublikowano|data publikacji|pubblicato)\b/iu

/**
 * A line that only says how long ago the page was posted ("vor 2 Stunden", "3 hours ago", "hace 5
 * horas"). It dates nothing without the crawl time, but it sits where a dateline does.
 */
export const RELATIVE_TIME_LINE =
  /^(?:vor\s+\d+\s+(?:Sekunden|Minuten|Stunden|Tagen|Wochen|Monaten)|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago|il\s+y\s+a\s+\d+\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois)|hace\s+\d+\s+(?:segundos?|minutos?|horas?|días?|semanas?|meses)|\d+\s+(?:sekund[ay]?|minut[ay]?|godzin[ay]?|dni|tygodni(?:e)?|miesięcy)\s+temu)$/iu
