/**
 * The headline against the titles the page declares (JSON-LD headline, og:title, twitter:title,
 * dc.title, <title> …, each also without the site's name). The text's own headline stays unless
 * the declarations disagree with it:
 * - confirmed: the headline line is a declared title (or one of its parts);
 * - narrowed: the headline line holds a declared title at its start or end, with a kicker or
 *   label around it ("Holocaust-Gedenktag Erinnerung an die Opfer …" / "Erinnerung an die Opfer …"):
 *   the headline is the declared words, and the line keeps its role;
 * - moved: another line of the page is a declared title (the text's pick was a section label, a
 *   teaser): that line becomes the headline, and the line first picked is removed. The <title> and
 *   the parts of a title ("Villa Galaxy" of "Villa Galaxy - Ferienvilla in Florida") name the page
 *   less surely: they move the headline only to a heading.
 * With no declared title printed at all, the text's pick stands.
 */
import type {MetadataDecision} from '../../types.js'
import type {Classification} from '../classify.js'
import type {ScoredBlock} from '../features.js'
import {THRESHOLDS} from '../thresholds.js'
import {claimsFor} from './claims.js'
import type {Declared} from './declared.js'
import {familyName} from './rule-names.js'
import {sharedSitePart, titleKey, titleParts, withoutSiteName} from './titles.js'

interface DeclaredTitle {
  text: string
  key: string
  source: string
  family: string
  /** The site's name was cut off it. */
  trimmed?: 'site suffix' | 'site prefix'
  /**
   * It is one part of a declared title between separators: the first (titles open with their own
   * words: "Title | Site") or another (a site or section, or the title after the site's name).
   */
  part?: 'first' | 'other'
}

/** Fewest words a declared title needs before it may narrow a longer headline line. */
const MIN_NARROWED_WORDS = 3
/**
 * Fewest letters of the words a narrowing leaves out: a kicker or label ("Blog", "Holocaust-Gedenktag",
 * "Medienmitteilung der …"), not an article the title opens with ("The", "Die").
 */
const MIN_KICKER_LETTERS = 4
/** Fewest words of a title's part that may stand for the title (one word is a section or a site). */
const MIN_PART_WORDS = 2

/** A title cut short for a card: "La perte des terres fertiles et les éléphants en...". */
const TRUNCATED = /(?:\.\.\.|…)$/u

const wordCount = (key: string): number => (key ? key.split(' ').length : 0)

/** The site's names as the page declares them: og:site_name, the publisher, the part its titles share. */
function siteNamesOf(declared: Declared): string[] {
  const names = [...claimsFor(declared.claims, 'site'), ...claimsFor(declared.claims, 'publisher')].map((c) => c.value)
  const shared = sharedSitePart([...claimsFor(declared.claims, 'headline'), ...claimsFor(declared.claims, 'title')].map((c) => c.value))
  return shared ? [...names, shared] : names
}

/**
 * The declared titles, most trusted first, each followed by its form without the site's name; the
 * parts of every title last.
 */
export function declaredTitles(declared: Declared): DeclaredTitle[] {
  const headlines = [...claimsFor(declared.claims, 'headline'), ...claimsFor(declared.claims, 'title')]
  const siteNames = siteNamesOf(declared)
  const siteKeys = new Set(siteNames.map(titleKey))
  const titles: DeclaredTitle[] = []
  const parts: DeclaredTitle[] = []
  for (const claim of headlines) {
    const key = titleKey(claim.value)
    // A site's name given as the title (a home page's og:title) names no article; a cut title matches no line.
    if (!key || siteKeys.has(key) || TRUNCATED.test(claim.value)) continue
    const title = {text: claim.value, key, source: claim.source, family: claim.family}
    titles.push(title)
    const trimmed = withoutSiteName(claim.value, siteNames)
    if (trimmed.cut) titles.push({...title, text: trimmed.title, key: titleKey(trimmed.title), trimmed: trimmed.cut})
    titleParts(claim.value).forEach((part, i) => {
      const partKey = titleKey(part)
      if (partKey !== key && wordCount(partKey) >= MIN_PART_WORDS && !siteKeys.has(partKey)) parts.push({...title, text: part, key: partKey, part: i === 0 ? 'first' : 'other'})
    })
  }
  return [...titles, ...parts]
}

/** A title that opens and closes with its words (or quotes), not with a decoration ("=> Title <=", "Title » ☆☆☆"). */
const CLEAN_ENDS = /^[\p{L}\p{N}"'“”„«»‘’‚¿¡(].*[\p{L}\p{N}"'“”«»‘’.!?)]$/su

/**
 * The declared text for a line with the same words that lost or garbled its punctuation ("Ahrtal-Flut
 * Zwei" for "Ahrtal-Flut: Zwei", "| Title" for "Title"); undefined when they differ in a word or the
 * declaration is decorated at its ends.
 */
function punctuated(line: string, declared: string): string | undefined {
  if (!CLEAN_ENDS.test(declared) || !sameWords(line, declared) || line.trim() === declared) return undefined
  // Only marks the line lost, or stray ones at its ends and before a colon: never marks it has and the declaration lacks ("\"Idol\" to …").
  const marks = (text: string): number => text.match(/\p{P}/gu)?.length ?? 0
  const tidied = line.replace(/\s+([:;,.!?])/g, '$1').replace(/^[^\p{L}\p{N}"'“”„«»‘’‚¿¡(]+|[^\p{L}\p{N}"'“”«»‘’.!?)]+$/gu, '').trim()
  return tidied === declared || marks(declared) > marks(line) ? declared : undefined
}

/** Whether two texts have the same words, letter for letter and case for case. */
const sameWords = (a: string, b: string): boolean => (a.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ') === (b.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')

/** Whether a declared whole line puts a separator between the title and the rest ("Patch Notes - Patchnotes 4.47.4 - …"). */
function setsApart(whole: string, title: DeclaredTitle): boolean {
  const parts = titleParts(whole)
  for (let i = 1; i < parts.length; i++) {
    if (titleKey(parts.slice(i).join(' ')) === title.key || titleKey(parts.slice(0, i).join(' ')) === title.key) return true
  }
  return false
}

/** Parts of a title between separators or after a kicker's colon ("Kicker: Title"). */
const kickerParts = (text: string): string[] => titleParts(text).flatMap((part) => part.split(/(?<=\p{L}{2}):\s+/u)).map((part) => part.trim()).filter(Boolean)

/**
 * The title a line and a declaration share after different kickers: the line is "Kicker - Title"
 * (two parts), the declaration has the same Title as one of its parts (three words or more), and
 * its other parts share no word with the line's kicker.
 */
function sharedTitlePart(line: string, declared: string): string | undefined {
  const lineParts = kickerParts(line), declaredParts = kickerParts(declared)
  if (lineParts.length !== 2 || declaredParts.length < 2) return undefined
  const [kicker, title] = lineParts.map(titleKey)
  const keys = declaredParts.map(titleKey)
  if (wordCount(title) < MIN_NARROWED_WORDS || !keys.includes(title)) return undefined
  // Different kickers share no word ("1. Februar 2022 Ministerin X" and "Ministerin X" are one kicker, a date apart).
  const declaredWords = new Set(keys.filter((key) => key !== title).flatMap((key) => key.split(' ')))
  return kicker.split(' ').some((word) => declaredWords.has(word)) ? undefined : lineParts[1]
}

/** The keys a headline line answers to: the whole line, and each part between its separators. */
function lineKeys(text: string): string[] {
  return [titleKey(text), ...titleParts(text).map(titleKey)]
}

/**
 * Whether a title's words open or close the line's words, with a kicker or label before them
 * ("Holocaust-Gedenktag Erinnerung an …") or a subtitle after them ("… Hot and Fresh Welcome to
 * the Flavor Capital …"). A subtitle opens with a capital letter: words that carry on in lower case
 * ("… Gigafactory-Kapazität in Tennessee") are the title's own, cut from a shorter declaration.
 */
function holdsTitle(line: string, title: DeclaredTitle): boolean {
  const words = title.key.split(' ')
  const lineWords = [...line.normalize('NFKC').matchAll(/[\p{L}\p{N}]+/gu)]
  if (words.length < MIN_NARROWED_WORDS || lineWords.length <= words.length) return false
  const keyOf = (from: number, to: number): string => lineWords.slice(from, to).map((m) => m[0].toLowerCase()).join(' ')
  const restLetters = (from: number, to: number): number => lineWords.slice(from, to).reduce((n, m) => n + m[0].length, 0)
  if (keyOf(lineWords.length - words.length, lineWords.length) === title.key) return restLetters(0, lineWords.length - words.length) >= MIN_KICKER_LETTERS
  if (keyOf(0, words.length) === title.key) {
    const subtitle = lineWords[words.length][0]
    return restLetters(words.length, lineWords.length) >= MIN_KICKER_LETTERS && subtitle[0] !== subtitle[0].toLowerCase()
  }
  return false
}

/**
 * A line that may be the headline: short, not already the byline, dateline, tags or footer, and not
 * a link unless it is a heading (a linked menu item or teaser that shares the title is not it).
 */
function mayBeHeadline(block: ScoredBlock, role: string): boolean {
  if (block.words === 0 || block.words > THRESHOLDS.maxHeadlineWords) return false
  if (block.contentClass === 'links' && block.kind !== 'heading') return false
  return role === 'removed' || role === 'body' || role === 'headline'
}

/** Only a whole title declared for the article may move the headline to a line that is not a heading. */
const movesToAnyLine = (title: DeclaredTitle): boolean => title.family !== 'page' && !title.part

/** Of several lines printing a declared title, a heading near the body's start. */
function closestToBody(blocks: readonly ScoredBlock[], candidates: readonly number[], bodyStart: number): number {
  const rank = (i: number): number => (blocks[i].kind === 'heading' ? 0 : 1000) + (i <= bodyStart ? bodyStart - i : 100 + i - bodyStart)
  return candidates.reduce((best, i) => (rank(i) < rank(best) ? i : best))
}

const decision = (value: string, title: DeclaredTitle, rule: string): MetadataDecision => ({field: 'headline', value, source: title.source, rule})

const trimDecisions = (title: DeclaredTitle): MetadataDecision[] =>
  title.trimmed ? [{field: 'headline', value: title.text, source: title.source, rule: `meta: title trimmed of ${title.trimmed}`}] : []

export interface HeadlineReconciled {
  decisions: MetadataDecision[]
  /** The headline's text when it is narrowed to the declared words. */
  narrowed?: string
}

/** The text's headline line weighed against whole declared titles: confirmed, narrowed or kept. */
function weighCurrent(line: string, titles: readonly DeclaredTitle[]): HeadlineReconciled | undefined {
  const keys = lineKeys(line)
  const confirming = titles.find((title) => keys[0] === title.key)
  for (const title of titles) {
    const source = familyName(title.family)
    if (title === confirming) {
      // The same words: the declaration's punctuation, when the line lost it ("Ahrtal-Flut Zwei" for "Ahrtal-Flut: Zwei").
      return {decisions: [...trimDecisions(title), decision(title.text, title, `meta: headline confirmed by ${source}`)], narrowed: punctuated(line, title.text)}
    }
    // One part of the line between separators ("Kicker - Title"): the headline is that part.
    if (keys.includes(title.key)) return {decisions: [...trimDecisions(title), decision(title.text, title, `meta: headline narrowed to the part ${source} declares`)], narrowed: title.text}
    // A kicker glued to the title; when another declaration gives the whole line, only if it sets the kicker apart ("Kicker - Title").
    if (holdsTitle(line, title) && (!confirming || setsApart(confirming.text, title))) {
      return {decisions: [...trimDecisions(title), decision(title.text, title, `meta: headline narrowed to ${source}`)], narrowed: title.text}
    }
  }
  // Line and declaration put different kickers before the same title ("Eskalation - «T»", "Angriff: «T»").
  for (const title of titles) {
    const shared = sharedTitlePart(line, title.text)
    if (shared) return {decisions: [decision(shared, title, `meta: headline narrowed to the part it shares with ${familyName(title.family)}`)], narrowed: shared}
  }
  // A line that opens with a shorter declared title is the full title the declaration shortened.
  const shortened = titles.find((title) => wordCount(title.key) >= MIN_NARROWED_WORDS && keys[0].startsWith(`${title.key} `))
  if (shortened) return {decisions: [decision(line, shortened, `meta: headline kept, ${familyName(shortened.family)} declares it shortened`)]}
  return undefined
}

/** The line that prints a declared title, if any, and the title: equal to it, or holding it beside a kicker. */
function printedTitle(blocks: readonly ScoredBlock[], classification: Classification, titles: readonly DeclaredTitle[], siteKeys: readonly string[]): {index: number; title: DeclaredTitle; narrowed?: string} | undefined {
  const {decisions, body, header} = classification
  const current = header.headline ? blocks[header.headline.index] : undefined
  // The text's pick opens with the site's name: a banner ("Example e.V. Verein für …"), not the article's title.
  const banner = current !== undefined && siteKeys.some((site) => titleKey(current.text).startsWith(site))
  // A weaker declaration moves the headline only to a heading, and no lower than the text's pick (unless that is the site's banner).
  const prominent = (block: ScoredBlock): boolean => block.kind === 'heading' && (current?.kind !== 'heading' || banner || block.depth <= current.depth)
  const matches = new Map<number, {title: DeclaredTitle; narrowed?: string}>()
  blocks.forEach((block, i) => {
    if (!mayBeHeadline(block, decisions[i].role)) return
    const key = titleKey(block.text)
    // A one-word title (a product, a page's name — or a section's) moves the headline only to a heading as prominent as the text's pick.
    const equal = titles.find((title) => title.key === key && (movesToAnyLine(title) || prominent(block)) && (wordCount(key) > 1 || prominent(block)))
    if (equal) return void matches.set(i, {title: equal})
    // A heading that holds a whole declared title beside a kicker ("Reformstau lösen" / Title).
    const held = prominent(block) ? titles.find((title) => !title.part && holdsTitle(block.text, title)) : undefined
    if (held) matches.set(i, {title: held, narrowed: held.text})
  })
  if (!matches.size) return undefined
  const index = closestToBody(blocks, [...matches.keys()], body.start <= body.end ? body.start : blocks.length)
  return {index, ...matches.get(index)!}
}

/** Weighs the text's headline against the declared titles; may move the headline role to another line. */
export function reconcileHeadline(blocks: readonly ScoredBlock[], classification: Classification, declared: Declared): HeadlineReconciled {
  const titles = declaredTitles(declared)
  if (!titles.length) return {decisions: []}
  const {decisions, header} = classification
  const current = header.headline?.index
  const whole = titles.filter((title) => !title.part)
  const weighed = current !== undefined ? weighCurrent(blocks[current].text, whole) : undefined
  if (weighed) return weighed
  // A part of a declared title is weaker evidence than a whole one: it may confirm the text's pick or move it to a heading.
  // Any part may confirm the text's pick ("Site - Title - Section"); only a title's first part moves it.
  const firstParts = titles.filter((title) => title.part !== 'other')
  // The site's names, and the last part of its <title> ("Title » Example e.V."), for telling a site's banner.
  const tabTitle = claimsFor(declared.claims, 'title')[0]?.value
  const tabParts = tabTitle ? titleParts(tabTitle) : []
  const siteKeys = [...siteNamesOf(declared), ...(tabParts.length >= 2 ? [tabParts[tabParts.length - 1]] : [])].map(titleKey).filter(Boolean)
  for (const pool of [whole, firstParts]) {
    const printed = printedTitle(blocks, classification, pool, siteKeys)
    if (printed && printed.index !== current) {
      if (current !== undefined) decisions[current] = {role: 'removed', rule: 'headline-not-declared'}
      decisions[printed.index] = {role: 'headline', rule: 'headline-declared'}
      header.headline = {index: printed.index, rule: 'headline-declared'}
      const how = printed.narrowed ? 'holding' : 'printed as'
      return {decisions: [...trimDecisions(printed.title), decision(printed.narrowed ?? blocks[printed.index].text, printed.title, `meta: headline line ${how} ${familyName(printed.title.family)} declares it`)], narrowed: printed.narrowed}
    }
    if (pool === whole && current !== undefined) {
      const keys = lineKeys(blocks[current].text)
      const part = titles.find((title) => title.part && keys.includes(title.key))
      if (part) return {decisions: [decision(part.text, part, `meta: headline confirmed by part of ${familyName(part.family)} title`)], narrowed: punctuated(blocks[current].text, part.text)}
    }
  }
  return {decisions: []}
}
