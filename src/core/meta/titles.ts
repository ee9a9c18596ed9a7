/**
 * Declared titles against printed lines. A page's declared title often carries the site's name
 * ("Tram line to reach the harbour | Example News", "Example News - Tram line …"); the site's name
 * is known from og:site_name, the publisher, or as the part the <title> and og:title share.
 */

/** A title reduced to its words: case, punctuation, quote styles and spacing do not matter. */
export function titleKey(text: string): string {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')
}

/** Separators between a title and the site's name or section: " | ", " - ", " – ", " — ", " :: ", " » ", " / ", " · ". */
const TITLE_SEPARATOR = /\s+(?:[|\-–—/»«>·•~]|::)\s+/u

/** The parts of a title between its separators: "A | B - C" gives A, B, C. */
export function titleParts(title: string): string[] {
  return title.split(TITLE_SEPARATOR).map((part) => part.trim()).filter(Boolean)
}

/** Words a title's part may have beyond the declared site name and still be it ("Example News Online", "The Example News"). */
const MAX_SITE_NAME_EXTRA_WORDS = 1

export interface TrimmedTitle {
  title: string
  /** What was cut off, when anything was. */
  cut?: 'site suffix' | 'site prefix'
}

/**
 * A declared title without the site's name at either end. A part counts as the site's name when
 * its words are one of the names the page declares for itself, or a piece of one (og:site_name
 * "Example News Online", title "… | Example News"), or one of them with a word more.
 */
export function withoutSiteName(title: string, siteNames: readonly string[]): TrimmedTitle {
  const parts = titleParts(title)
  if (parts.length < 2) return {title}
  const names = siteNames.map(titleKey).filter(Boolean)
  const isSite = (part: string): boolean => {
    const key = titleKey(part)
    return key !== '' && names.some((name) => name === key || name.includes(key) || (key.includes(name) && key.split(' ').length <= name.split(' ').length + MAX_SITE_NAME_EXTRA_WORDS))
  }
  // Cut from the end first ("Title | Section | Site"), then from the start ("Site: Title").
  let end = parts.length
  while (end > 1 && isSite(parts[end - 1])) end--
  let start = 0
  while (start < end - 1 && isSite(parts[start])) start++
  if (end === parts.length && start === 0) return {title}
  // Keep the title's own separators: cut the original string at the parts' positions.
  const kept = keptSpan(title, parts, start, end)
  return {title: kept, cut: end < parts.length ? 'site suffix' : 'site prefix'}
}

/** The original text from the start of part `start` to the end of part `end - 1`. */
function keptSpan(title: string, parts: readonly string[], start: number, end: number): string {
  let from = 0
  let position = 0
  const spans: [number, number][] = []
  for (const part of parts) {
    const at = title.indexOf(part, position)
    spans.push([at, at + part.length])
    position = at + part.length
  }
  from = spans[start][0]
  return title.slice(from, spans[end - 1][1]).trim()
}

/**
 * The site's name as the page's titles show it: the part that two declared titles of two parts
 * share while their other parts differ ("Title | Site" and "Other wording | Site"). Titles of more
 * parts ("Site | Section | Title" beside "Section | Title") say nothing of which part is the site.
 */
export function sharedSitePart(titles: readonly string[]): string | undefined {
  const split = titles.map((title) => titleParts(title).map(titleKey)).filter((parts) => parts.length === 2)
  const raw = titles.map(titleParts).filter((parts) => parts.length === 2)
  for (let i = 0; i < split.length; i++) {
    for (let j = i + 1; j < split.length; j++) {
      const [a0, a1] = split[i], [b0, b1] = split[j]
      if (a1 === b1 && a0 !== b0) return raw[i][1]
      if (a0 === b0 && a1 !== b1) return raw[i][0]
    }
  }
  return undefined
}
