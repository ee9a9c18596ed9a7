/**
 * The article's header: headline, byline, dateline and tag lines. The headline is found first
 * (rules/headline.ts); bylines, datelines and tags are then looked for around it and in the zone of
 * short blocks just before the body.
 */
import type {ScoredBlock} from '../features.js'
import {bylineIn, hasBylinePrefix, isRoleLine, isSignedByline, namesAJob, looksLikeLinkedName, looksLikeName, MAX_BYLINE_WORDS, parseAuthors} from '../byline.js'
import {DATE_LABEL, DATE_LABEL_CUE, findDates, isUpdateDate} from '../dates.js'
import {readTagLines} from '../tags.js'
import {THRESHOLDS} from '../thresholds.js'
import {countWords, SENTENCE_END} from '../text.js'
import {findHeadline, wireAgencyOf} from './headline.js'

/** What the header rules found: block indexes and the rule that picked each. */
export interface Header {
  headline?: Pick
  byline?: BylinePick
  dateline?: Pick
  /** A separately printed update line. */
  updated?: Pick
  /** Further date or credit lines of the header (e.g. a source line with its own date). */
  extraDatelines: Pick[]
  /** A body paragraph that opens with the date ("27.1.2022 – Bei der …"), when nothing else dates the page. */
  leadDate?: Pick
  /** Blocks that only label the byline ("Written by"), removed with it. */
  labels: Pick[]
  tags: Pick[]
}

export interface Pick {
  index: number
  rule: string
}

export interface BylinePick extends Pick {
  /** The names read out of the byline. */
  authors: string[]
  /** A block that only labels the byline ("Written by"). */
  label?: number
}

/** Notices that sites print between the header and the body; the zone reaches past them. */
const NOTICE_FAMILIES = new Set(['appeal', 'share'])

/** A byline label alone on its line, the names following on the next. */
const BYLINE_LABEL = /^(?:(?:written|posted|article|story|words|text|post|a post) by|(?:artikel|beitrag|ein beitrag|text) von|by|von|par|por|door|author|authors|autor|autorin|autoren|auteur|autora|autore|redakteur|redakteurin)\s*:?$/iu

/** Link targets of author pages: a link there names an author. */
const AUTHOR_URL = /(?:^|[/_.-])(?:author|authors|autor|autoren|auteur|autore|journalist|journalists|userprofile|profile|profiles|people|staff|writer|writers|contributor|contributors|redakteur|mitarbeiter|byline)(?:[/_.?#=-]|$)/iu

/** Link targets of a site's sections and tags: a link there names a topic, not a person. */
const TAXONOMY_URL = /(?:^|[/_.?&=-])(?:category|categories|tag|tags|topic|topics|thema|themen|rubrik|ressort|section|sections|kategorie|schlagwort|label|labels|categorie|categoria|kategoria)(?:[/_.?#=-]|$)/iu

/** Whether a block can be part of the header zone. */
function isHeaderMaterial(block: ScoredBlock): boolean {
  if (block.families.includes('chrome')) return false
  if (block.families.some((f) => NOTICE_FAMILIES.has(f))) return true
  if (block.contentClass === 'empty' || block.kind === 'separator') return true
  if (block.isDateLine || bylineAuthors(block) || readTagLines(block)) return true
  if (block.contentClass === 'links') return false
  // Prose ends with a full stop; a long headline does not.
  return block.words <= THRESHOLDS.maxHeadlineWords && (block.contentClass !== 'good' || !SENTENCE_END.test(block.text))
}

/**
 * The authors of a block that is a byline, undefined when it is not one. A byline may share its
 * line with comment counts and notes ("By Ela on 31 Oct 2023 | 18 Comments | …"); names printed as
 * links are taken as given, whatever their case.
 */
function bylineAuthors(block: ScoredBlock): string[] | undefined {
  if (block.kind === 'heading' && block.depth <= 2) return undefined
  const segment = bylineIn(block.text)
  // The names come before the date; what follows it ("… in Politics. Tags: …") may run on.
  if (segment === undefined || countWords(namePart(segment)) > MAX_BYLINE_WORDS) return undefined
  const authors = parseAuthors(segment, {trusted: block.links.filter((l) => l.text).map((l) => l.text)})
  return authors.length ? authors : undefined
}

/** A byline up to its date or time, where the names end ("Posted by X at 18:52 Tagged with: …"). */
function namePart(segment: string): string {
  const time = /\b\d{1,2}:\d{2}\b/.exec(segment)?.index ?? segment.length
  const updated = /\b(?:last )?(?:updated|published|aktualisiert|veröffentlicht)\b/iu.exec(segment)?.index ?? segment.length
  return segment.slice(0, Math.min(findDates(segment)[0]?.index ?? segment.length, time, updated))
}

/** Where the header zone starts: walk back from the body over header material. */
export function headerZoneStart(blocks: readonly ScoredBlock[], bodyStart: number): number {
  let start = bodyStart
  const limit = Math.max(0, bodyStart - THRESHOLDS.headerLookback)
  while (start > limit && isHeaderMaterial(blocks[start - 1])) start--
  return start
}

/** The blocks to search for bylines, datelines and tags, nearest to the headline first. */
function metaWindow(blocks: readonly ScoredBlock[], bodyStart: number, headline: number | undefined): number[] {
  const zoneStart = headerZoneStart(blocks, bodyStart)
  const anchor = headline ?? bodyStart
  const from = Math.max(0, Math.min(zoneStart, anchor - THRESHOLDS.metaBeforeHeadline))
  const to = Math.min(blocks.length, Math.max(bodyStart + THRESHOLDS.headerLookahead, anchor + THRESHOLDS.metaAfterHeadline))
  const indexes: number[] = []
  for (let i = from; i < to; i++) {
    if (i === headline) continue
    // Past the body's first paragraph, only short lines can still be header material.
    // … or a meta paragraph that opens with its byline ("By Ela on 31. October, 2023 | 18 Comments. This post …").
    if (i >= bodyStart && blocks[i].contentClass === 'good' && !hasBylinePrefix(blocks[i].text)) continue
    indexes.push(i)
  }
  // After the headline first (in order), then before it (nearest first).
  const after = indexes.filter((i) => i > anchor)
  const before = indexes.filter((i) => i <= anchor).reverse()
  return [...after, ...before]
}

/** Picks the headline, byline, dateline and tags around the body start. */
export function findHeader(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number): Header {
  const header: Header = {extraDatelines: [], labels: [], tags: []}
  const headline = findHeadline(blocks, bodyStart)
  if (headline !== undefined) header.headline = {index: headline, rule: blocks[headline].kind === 'heading' ? 'headline-heading' : 'headline-title-line'}
  const window = metaWindow(blocks, bodyStart, headline)
  const taken = new Set<number>(headline !== undefined ? [headline] : [])

  for (const i of window) {
    if (readTagLines(blocks[i])) {
      header.tags.push({index: i, rule: 'tag-line'})
      taken.add(i)
    }
  }
  header.tags.sort((a, b) => a.index - b.index)

  header.byline = findByline(blocks, window, taken, headline) ?? bylineInOrAfterBody(blocks, bodyStart, bodyEnd, taken)
  if (header.byline) taken.add(header.byline.index)
  if (header.byline?.label !== undefined) {
    header.labels.push({index: header.byline.label, rule: 'byline-label'})
    taken.add(header.byline.label)
  }

  // Dateline: the first date line after the headline, else the nearest before it — unless the
  // byline prints the date itself ("Geschrieben von X am 25.08.2015"): then other dates are the text's.
  // A date line between the headline and a dated byline further down comes first ("Erschienen am …"
  // over a teaser list signed "Von X am …").
  const bylineAt = header.byline?.index
  const bylineDated =
    bylineAt !== undefined && blocks[bylineAt].isDateLine && !window.some((i) => i < bylineAt && i > (headline ?? -1) && !taken.has(i) && blocks[i].isDateLine)
  for (const i of bylineDated ? [] : window) {
    if (taken.has(i) || !blocks[i].isDateLine) continue
    const text = blocks[i].text
    const dates = findDates(text)
    if (dates.every((d) => isUpdateDate(text, d.index))) {
      if (!header.updated) header.updated = {index: i, rule: 'updated-line'}
      else continue
    } else if (!header.dateline) header.dateline = {index: i, rule: 'dateline-date'}
    else if (i < bodyStart && (headline === undefined || i > headline)) header.extraDatelines.push({index: i, rule: 'dateline-extra'})
    else continue
    taken.add(i)
  }
  // An update line in the header is the page's own date: dates further off are less likely its publication.
  // So is a date printed in the headline or the byline.
  const datedHeader = [header.byline?.index, headline].some((i) => i !== undefined && findDates(blocks[i].text).length > 0)
  if (!header.dateline && !header.updated && !datedHeader) {
    const labelled = labelledDateLine(blocks, taken)
    if (labelled !== undefined) header.dateline = {index: labelled, rule: 'dateline-labelled'}
    else {
      const after = dateLineAfterBody(blocks, bodyEnd, taken)
      if (after !== undefined) header.dateline = {index: after, rule: 'dateline-after-body'}
      else {
        const inside = dateLineInBody(blocks, bodyStart, bodyEnd, taken)
        if (inside !== undefined) header.dateline = {index: inside, rule: 'dateline-in-body'}
      }
    }
  }

  if (!header.dateline && !header.updated) {
    // The lead is the first paragraph of prose, after any captions and credits above it.
    for (let i = bodyStart, prose = 0; i <= bodyEnd && i < blocks.length && prose < THRESHOLDS.leadParagraphs; i++) {
      const date = findDates(blocks[i].text)[0]
      if (date && date.index <= THRESHOLDS.leadDateMaxOffset) {
        header.leadDate = {index: i, rule: 'lead-date'}
        break
      }
      if (blocks[i].contentClass === 'good') prose++
    }
  }

  // A line that is only a name, right beside the dateline (or the update line), is the byline.
  for (const dated of [header.dateline, header.updated]) {
    if (header.byline || !dated) continue
    const name = nameLineBeside(blocks, dated.index, taken)
    if (name !== undefined) header.byline = {index: name, rule: 'byline-name-beside-date', authors: parseAuthors(blocks[name].text)}
  }
  if (!header.byline) {
    header.byline = authorBox(blocks, bodyStart, bodyEnd, taken) ?? signatureUnderText(blocks, bodyEnd, taken)
    if (header.byline) taken.add(header.byline.index)
  }
  return header
}

/** How many blocks after the text's last one a signature may sit. */
const SIGNATURE_REACH = 2

/**
 * Press releases and statements end with the signer: a name, and the job on the line under it
 * ("Alexandra Weber\nStellvertretende Pressesprecherin …"). Only as the text's last block or right under it.
 */
function signatureUnderText(blocks: readonly ScoredBlock[], bodyEnd: number, taken: Set<number>): BylinePick | undefined {
  for (let i = bodyEnd; i <= bodyEnd + SIGNATURE_REACH && i < blocks.length; i++) {
    const block = blocks[i]
    if (taken.has(i) || block.words === 0) continue
    const lines = block.text.split('\n').map((line) => line.trim())
    if (lines.length === 2 && isNameText(lines[0]) && namesAJob(lines[1])) return {index: i, rule: 'byline-signature', authors: [lines[0]]}
    if (i > bodyEnd || block.words > MAX_BYLINE_WORDS) return undefined
  }
  return undefined
}

/** A short line anywhere that labels its date ("Published: …", "Veröffentlicht am …"). */
function labelledDateLine(blocks: readonly ScoredBlock[], taken: Set<number>): number | undefined {
  for (const block of blocks) {
    if (taken.has(block.index) || !block.isDateLine) continue
    // The label may open any segment of a meta line: "erstellt von Dominique — veröffentlicht 28.01.2022".
    const labelled = (text: string): boolean => DATE_LABEL_CUE.test(text.replace(/^[^\p{L}]+/u, ''))
    if (labelled(block.text)) return block.index
    const segments = block.text.split(/\s*[|•·]\s*|\s+[—–]\s+|\n/)
    if (segments.some((segment) => labelled(segment) && findDates(segment).length)) return block.index
  }
  return undefined
}

/** A line that is only a date, set among the paragraphs (under a byline, under the last one). */
function dateLineInBody(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number, taken: Set<number>): number | undefined {
  for (let i = bodyStart; i <= bodyEnd && i < blocks.length; i++) {
    const block = blocks[i]
    if (!taken.has(i) && block.isDateLine && block.words <= THRESHOLDS.maxBareDateWords) return i
  }
  return undefined
}

/** Some sites print the date under the article: a line that is little more than a date, right after the body. */
function dateLineAfterBody(blocks: readonly ScoredBlock[], bodyEnd: number, taken: Set<number>): number | undefined {
  for (let i = bodyEnd + 1; i < blocks.length && i <= bodyEnd + THRESHOLDS.dateAfterBodyBlocks; i++) {
    const block = blocks[i]
    if (!taken.has(i) && block.words <= THRESHOLDS.maxBareDateWords && findDates(block.text).length) return i
  }
  return undefined
}

/** Names read off a block by one byline rule; undefined when the rule does not apply. */
type NameReader = (block: ScoredBlock) => string[] | undefined

const asList =
  (read: (block: ScoredBlock) => string | undefined): NameReader =>
  (block) => {
    const name = read(block)
    return name ? [name] : undefined
  }

/** "[Jane Doe](/author/jane-doe)": names linked to author pages, in a short block. */
function authorLinks(block: ScoredBlock): string[] | undefined {
  if (block.words > MAX_BYLINE_WORDS) return undefined
  const names = block.links.filter((l) => AUTHOR_URL.test(l.url) && l.text && looksLikeName(l.text)).map((l) => l.text)
  return names.length ? [...new Set(names)] : undefined
}

/** "[Jane Roe](#) Founder", "Jane Roe and John Doe | Guest Columnists". */
function namesAndRole(block: ScoredBlock): string[] | undefined {
  const linked = linkedNameWithRole(block)
  return linked ? [linked] : namesWithRole(block)
}

/** The bylines one block shows by itself, tried in this order over the whole window, after "By …" lines and labels. */
const ONE_BLOCK_BYLINES: readonly (readonly [rule: string, read: NameReader])[] = [
  ['byline-author-link', authorLinks],
  ['byline-link-after-date', asList(linkAfterDate)],
  ['byline-name-with-date', asList(nameBesideDate)],
  ['byline-follow', asList(nameWithFollowButton)],
  ['byline-name-role', namesAndRole],
  ['byline-name-list', linkedNameList],
]

/**
 * The byline, by the strength of its evidence: a "By …" line; a "Written by" label with the name on
 * the next line; a link to an author page; a bare name line right under the headline.
 */
function findByline(blocks: readonly ScoredBlock[], window: readonly number[], taken: Set<number>, headline: number | undefined): BylinePick | undefined {
  const free = window.filter((i) => !taken.has(i))
  for (const i of free) {
    const authors = bylineAuthors(blocks[i])
    if (authors) return {index: i, rule: 'byline-prefix', authors}
  }
  // A label and the name on the next line: the one rule that reads two blocks.
  for (const i of free) {
    if (!BYLINE_LABEL.test(blocks[i].text.trim())) continue
    const next = nextWithWords(blocks, i)
    if (next === undefined || taken.has(next)) continue
    // After an explicit "By" label the next line is the name, whatever it looks like ("The Example Team").
    const authors = parseAuthors(blocks[next].text, {trusted: [blocks[next].text.trim(), ...blocks[next].links.map((l) => l.text)]})
    if (authors.length && blocks[next].words <= MAX_BYLINE_WORDS) return {index: next, rule: 'byline-after-label', authors, label: i}
  }
  for (const [rule, read] of ONE_BLOCK_BYLINES) {
    for (const i of free) {
      const authors = read(blocks[i])
      if (authors) return {index: i, rule, authors}
    }
  }
  if (headline !== undefined) {
    const near = free.filter((i) => Math.abs(i - headline) <= THRESHOLDS.nameLineReach)
    for (const i of near) {
      const block = blocks[i]
      const listed = authorList(blocks, i)
      if (listed) return {index: i, rule: 'byline-author-list', authors: listed}
      // A linked collective ("[The Upwork Team](#)") is a name line too; "Jamal Saidi/Reuters" is a photo credit.
      if (!isNameLine(block) && !(block.linkOnly && block.words >= 2 && !block.text.includes('/') && looksLikeLinkedName(block.text.trim()))) continue
      const besideDate = [i - 1, i + 1].some((j) => blocks[j] && blocks[j].isDateLine)
      // Right under the headline, or under its standfirst.
      const first = nextWithWords(blocks, headline)
      const rightAfterHeadline = first === i || (first !== undefined && nextWithWords(blocks, first) === i && blocks[first].words > 6)
      const next = nextWithWords(blocks, i)
      const roleBelow = next !== undefined && isRoleLine(blocks[next].text)
      const name = withoutCredentials(block.text.trim())
      if (besideDate || rightAfterHeadline || roleBelow || introducedBelow(blocks, i, name)) return {index: i, rule: 'byline-name-line', authors: [name]}
    }
  }
  if (headline !== undefined) {
    for (const i of free.filter((j) => Math.abs(j - headline) <= THRESHOLDS.nameLineReach)) {
      const agency = wireAgencyOf(blocks[i].text)
      if (agency) return {index: i, rule: 'byline-agency', authors: [agency]}
    }
  }
  return undefined
}

/** Affiliation marks after an author's name in a paper: "Marwan H. Adwan 1", "Jane Roe, PhD*,". */
const AFFILIATION_MARKS = /(?:[\s,]*(?:\d{1,2}|[*†‡§]))+[\s,]*$|,\s*$/u

/**
 * Papers list their authors as list items under the title: "Michael L. Anderson, PhD," / "Carlos
 * Dobkin, PhD," or one "Marwan H. Adwan 1". Every item of the run must be a name.
 */
function authorList(blocks: readonly ScoredBlock[], i: number): string[] | undefined {
  if (blocks[i].kind !== 'listItem' || (i > 0 && blocks[i - 1].kind === 'listItem' && blocks[i - 1].words > 0)) return undefined
  const names: string[] = []
  for (let j = i; j < blocks.length && blocks[j].kind === 'listItem' && blocks[j].words > 0; j++) {
    const name = withoutCredentials(blocks[j].text.trim().replace(AFFILIATION_MARKS, ''))
    if (blocks[j].text.includes('\n') || !isNameText(name)) return undefined
    names.push(name)
  }
  // One item is a name only with its affiliation mark: a lone name in a list is a menu entry.
  return names.length >= 2 || (names.length === 1 && AFFILIATION_MARKS.test(blocks[i].text.trim())) ? names : undefined
}

/** Buttons to follow a writer, printed beside the name on blogging platforms. */
const FOLLOW_BUTTON = /^(?:follow|folgen|suivre|seguir|obserwuj|abonnieren|subscribe)$/iu

/** "[Inga Hoeltmann](#)[Follow](#)": a linked name with a follow button, and nothing else. */
function nameWithFollowButton(block: ScoredBlock): string | undefined {
  if (block.links.length !== 2 || block.words > MAX_BYLINE_WORDS) return undefined
  const [name, button] = block.links.map((l) => l.text.trim())
  return FOLLOW_BUTTON.test(button) && isNameText(name) ? name : undefined
}

/** "[Harald Bauer](#) Autor", "[Rasmus Barslund](#)Founder & Lead Reviewer": a linked name and its role. */
function linkedNameWithRole(block: ScoredBlock): string | undefined {
  if (block.links.length !== 1 || block.words > MAX_BYLINE_WORDS || block.kind === 'heading') return undefined
  const name = block.links[0].text.trim()
  const at = block.text.indexOf(name)
  if (at !== 0 || !isNameText(name)) return undefined
  const role = block.text.slice(name.length).replace(/^[\s,|·•–—-]+/u, '')
  return role && isRoleLine(role) ? name : undefined
}

/** "Harald Bauer Autor", "Rasmus Barslund Founder & Lead Reviewer": a name and its job, nothing between. */
function nameThenRole(block: ScoredBlock): string | undefined {
  if (block.words > MAX_BYLINE_WORDS || block.kind === 'heading' || block.text.includes('\n')) return undefined
  const words = block.text.trim().split(/\s+/)
  for (const size of [3, 2]) {
    if (words.length <= size) continue
    const name = words.slice(0, size).join(' ')
    const role = words.slice(size).join(' ')
    // A job title is set in capitals ("Lead Reviewer"): "James Bond stamps to honour author" is a sentence.
    const titled = role.split(' ').every((w) => /^[\p{Lu}&]/u.test(w) || /^(?:and|of|und|for|the)$/u.test(w))
    const lastIsJob = isRoleLine(words[size - 1]) || /^[&+]/.test(role)
    if (role && titled && !lastIsJob && isNameText(name) && isRoleLine(role)) return name
  }
  return undefined
}

/** "Manoj Jain and Jagpreet Chhatwal | Guest Columnists": names, a bar, and what they are. */
function namesWithRole(block: ScoredBlock): string[] | undefined {
  if (block.words > MAX_BYLINE_WORDS || block.kind === 'heading' || block.text.includes('\n')) return undefined
  const bar = block.text.search(/\s[|–—]\s/u)
  if (bar < 0) {
    const name = nameThenRole(block)
    return name ? [name] : undefined
  }
  if (!isRoleLine(block.text.slice(bar + 2).trim())) return undefined
  const part = block.text.slice(0, bar).trim()
  const names = parseAuthors(part)
  const covered = names.join(' ').replace(/\s+/g, ' ').length >= part.replace(/\s*(?:,|&|\band\b|\bund\b)\s*/gu, ' ').length - 1
  return names.length && covered && names.every((n) => isNameText(n)) ? names : undefined
}

/** "[Isabel Caro](#), [Rocío Latorre](#) y [José Miguel Wilson](#)": linked names and nothing else. */
function linkedNameList(block: ScoredBlock): string[] | undefined {
  if (block.links.length < 2 || block.words > MAX_BYLINE_WORDS || block.kind === 'heading') return undefined
  const names = block.links.map((l) => l.text.trim())
  if (!names.every((n) => isNameText(n))) return undefined
  let rest = block.text
  for (const name of names) rest = rest.replace(name, ' ')
  return /^[\s,;&]*(?:(?:and|und|et|y|i|e)\b[\s,;&]*)*$/iu.test(rest) ? names : undefined
}

function isNameText(text: string): boolean {
  const words = text.split(/\s+/)
  return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w)) && looksLikeName(text)
}

/** A word of a person's name: capitalised, letters with hyphens, apostrophes or an initial's dot. */
const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]{0,14}$/u

/** A block that is nothing but a person's name: two or three name words, no labels, no slashes. */
function isNameLine(block: ScoredBlock): boolean {
  if (block.words < 2 || block.words > 6 || block.text.includes('\n')) return false
  if (block.kind === 'heading' && block.depth < 3) return false
  const text = withoutCredentials(block.text.trim())
  const words = text.split(/\s+/)
  return words.length >= 2 && words.length <= 3 && words.every((word) => NAME_WORD.test(word)) && looksLikeName(text)
}

/** "Vanessa Mendez, MD", "Jane Doe, PhD, RD": the name without its degrees. */
function withoutCredentials(text: string): string {
  return text.replace(/(?:,\s*(?:[\p{Lu}]{2,5}|Ph\.?D\.?|M\.?D\.?|Dr\.?))+$/u, '')
}

/**
 * Blog meta lines print the date, then the author, as links: "[28. Januar 2015](#) [karstenruppert](#)
 * [Schreibe einen Kommentar](#)", "[17/11/2019](#) ~ [Cem Basman](#)". The link right after the date
 * names the author when it reads as a name.
 */
function linkAfterDate(block: ScoredBlock): string | undefined {
  if (!block.isDateLine || block.kind === 'heading' || block.words > MAX_BYLINE_WORDS) return undefined
  const text = block.text
  const dates = findDates(text)
  let end = dates[0].index + dates[0].length
  // Published and modified dates printed back to back count as one.
  for (const d of dates.slice(1)) if (/^[\s,|·•~–—-]*$/u.test(text.slice(end, d.index))) end = d.index + d.length
  let searchFrom = 0
  for (const link of block.links) {
    const name = link.text.trim()
    const at = name ? text.indexOf(name, searchFrom) : -1
    if (at < 0) continue
    searchFrom = at + name.length
    // The date's own link ("[6. November 20236. November 2023](#)") may run past the date.
    if (at < end) {
      end = Math.max(end, at + name.length)
      continue
    }
    if (!GAP_BEFORE_AUTHOR.test(text.slice(end, at))) return undefined
    // "[Bockenem](#), [Polizei](#)": the first of a comma list is a tag.
    const tagList = /^\s*,/.test(text.slice(at + name.length))
    return looksLikeLinkedName(name) && !TAXONOMY_URL.test(link.url) && !tagList ? name : undefined
  }
  return undefined
}

/** Between a meta line's date and its author: separators, perhaps a label ("Author", "von"). */
const GAP_BEFORE_AUTHOR = /^[\s,|·•~–—:-]*(?:(?:author|autor|autorin|auteur|by|von|par|por)\s*:?)?[\s,|·•~–—:-]*$/iu

/** "Melissa Ozawa December 18, 2025", "David Hartshorne • Updated on Jul 4, 2024 • 28 min read": the name. */
function nameBesideDate(block: ScoredBlock): string | undefined {
  if (!block.isDateLine) return undefined
  let rest = block.text
  for (const d of findDates(rest).reverse()) rest = rest.slice(0, d.index) + ' | ' + rest.slice(d.index + d.length)
  const first = rest
    .replace(/(?<!\S)\d+(?!\S)/g, ' ')
    .split(/\s*[|•·,~]\s*/)
    .map((part) => part.replace(DATE_LABEL, '').replace(/^(?:uhr|h)\b/iu, '').trim())
    .find((part) => part !== '')
  if (!first) return undefined
  // "02.02.2022 • HVW-Verband , Presse , Allgemein": the first of a comma list is a category.
  const after = rest.slice(rest.indexOf(first) + first.length)
  if (/^\s*,[^,|•·]+,/u.test(after)) return undefined
  const [name] = parseAuthors(first)
  if (!name || !name.split(/\s+/).every((word) => NAME_WORD.test(word))) return undefined
  if (countWords(name) >= 2) return name
  // One word is a name only on a line of its own over the date ("Benni\n10. September 2017"): a
  // place opening a dateline shares the date's line ("Berlin, 10. September 2017").
  const lines = block.text.split('\n').map((line) => line.trim())
  return lines.length === 2 && lines[0] === name && findDates(lines[1]).length > 0 ? name : undefined
}

/** How far after the body an author box is looked for, in blocks. */
const AUTHOR_BOX_REACH = 25

/** The full name a link to an author's page prints, in an author box. */
function authorPageName(block: ScoredBlock): string | undefined {
  return block.links.find((l) => AUTHOR_URL.test(l.url) && isNameText(l.text.trim()) && !TAXONOMY_URL.test(l.url))?.text.trim()
}

/** A biography is a sentence or more. */
const MIN_BIO_WORDS = 8

/**
 * The author box sites print under the article: a link to the author's page, a name over a
 * biography that opens with that name ("Jörg Staff\n\nJörg Staff ist Mitglied des Vorstands …"), or
 * a name under a label ("Article by"). Inside the text the same shapes are subheadings and
 * products, and in the comments they are commenters, so the search stays between the two.
 */
function authorBox(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number, taken: Set<number>): BylinePick | undefined {
  for (let i = bodyEnd + 1; i <= bodyEnd + AUTHOR_BOX_REACH && i < blocks.length && !isCommentsStart(blocks[i]); i++) {
    const block = blocks[i]
    // A name with a date is the head of a comment; an author box does not date itself.
    if (taken.has(i) || block.words > MAX_BYLINE_WORDS || block.isDateLine) continue
    const linked = authorPageName(block)
    if (linked) return {index: i, rule: 'byline-author-box', authors: [linked]}
    const withRole = linkedNameWithRole(block) ?? nameThenRole(block)
    if (withRole) return {index: i, rule: 'byline-author-box', authors: [withRole]}
    const about = aboutName(blocks, i)
    if (about) return {index: i, rule: 'byline-author-box', authors: [about]}
    const name = block.text.trim()
    if (!isNameLine(block) && !(block.linkOnly && isNameText(name))) continue
    const label = [1, 2].map((k) => blocks[i - k]).find((b) => b && b.words > 0)
    if (introducedBelow(blocks, i, name) || portraitAbove(blocks, i, name) || (label && BYLINE_LABEL.test(label.text.trim()))) return {index: i, rule: 'byline-author-box', authors: [withoutCredentials(name)]}
  }
  // Some put the author's card above the headline, among the page's furniture.
  for (let i = bodyStart - 1; i >= 0 && i >= bodyStart - AUTHOR_BOX_REACH; i--) {
    const block = blocks[i]
    if (taken.has(i) || block.words > MAX_BYLINE_WORDS || block.isDateLine) continue
    const linked = authorPageName(block)
    if (linked) return {index: i, rule: 'byline-author-box', authors: [linked]}
    const name = withoutCredentials(block.text.trim())
    if (isNameLine(block) && introducedBelow(blocks, i, name)) return {index: i, rule: 'byline-author-box', authors: [name]}
  }
  return undefined
}

/** The heading of an author box: "About Jane Roe", "Über Max Muster". */
const ABOUT_NAME = /^(?:about|über|à propos de|acerca de|sobre|o)\s+(.+)$/iu

/** "About Melissa Norris" over "Melissa K. Norris inspires …": the name, when the biography opens with it. */
function aboutName(blocks: readonly ScoredBlock[], i: number): string | undefined {
  const name = ABOUT_NAME.exec(blocks[i].text.trim())?.[1].trim()
  if (!name || !isNameText(name)) return undefined
  const bio = nextWithWords(blocks, i)
  const firstName = name.split(/\s+/)[0]
  return bio !== undefined && blocks[bio].words >= MIN_BIO_WORDS && blocks[bio].text.startsWith(`${firstName} `) ? name : undefined
}

/**
 * Whether the blocks under a name line introduce that person: a biography that opens with the name
 * ("Jane Roe is a reporter …"), or a short link about them ("More from Jane Roe", "Mehr über Jane Roe").
 */
function introducedBelow(blocks: readonly ScoredBlock[], i: number, name: string): boolean {
  for (let k = i + 1; k <= i + 4 && k < blocks.length; k++) {
    const text = blocks[k].text
    if (blocks[k].words >= MIN_BIO_WORDS && text.startsWith(`${name} `)) return true
    if (blocks[k].words <= MAX_MENTION_WORDS && blocks[k].links.length > 0 && MENTION_BEFORE_NAME.test(text.slice(0, Math.max(0, text.indexOf(name))))) return true
  }
  return false
}

/** "More from Jane Roe", "Alle Beiträge von Jane Roe anzeigen": a short link naming the author. */
const MAX_MENTION_WORDS = 8
const MENTION_BEFORE_NAME = /\b(?:from|about|by|über|von|de|par|por|od)\s+$/iu

/** Words of a portrait's alt text: a promo picture named like its box ("ADAC Tests") is no portrait. */
const PORTRAIT = /\b(?:profile|picture|photo|headshot|avatar|portrait|author|profilbild|foto|bild|autor|autorin|photo de|retrato|zdjęcie)\b/iu

/** "![Matt Fitzgerald's profile picture](#)" over "Matt Fitzgerald": the writer's portrait, then the name. */
function portraitAbove(blocks: readonly ScoredBlock[], i: number, name: string): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
    if (blocks[k].imageAlts.some((alt) => alt.includes(name) && PORTRAIT.test(alt))) return true
    if (blocks[k].words > 0) return false
  }
  return false
}

function isCommentsStart(block: ScoredBlock): boolean {
  return block.families.includes('comments') || block.families.includes('commentMeta')
}

/** A "By …" line inside the article (after a lead or a picture) or just under it, where blogs sign posts. */
function bylineInOrAfterBody(blocks: readonly ScoredBlock[], bodyStart: number, bodyEnd: number, taken: Set<number>): BylinePick | undefined {
  for (let i = bodyStart; i < blocks.length && i <= bodyEnd + THRESHOLDS.bylineAfterBodyBlocks; i++) {
    // Inside the text only a line that is all byline: a paragraph that merely opens with one stays text.
    const authors = taken.has(i) || (i <= bodyEnd && blocks[i].words > MAX_BYLINE_WORDS) ? undefined : bylineAuthors(blocks[i])
    if (authors) return {index: i, rule: i > bodyEnd ? 'byline-after-body' : 'byline-in-body', authors}
  }
  return signedElsewhere(blocks, bodyStart, bodyEnd + THRESHOLDS.bylineAfterBodyBlocks, taken)
}

/**
 * Further off, before the article or after it up to the comments, only a byline that signs the page
 * in words ("Posted by X at 18:52", "Written by Melissa", "Verfasst von: X | 31. Dezember 2008"), or
 * such a label over the name. Teaser lists sign other articles, so when the signatures there name
 * different people none is taken.
 */
function signedElsewhere(blocks: readonly ScoredBlock[], skipFrom: number, skipTo: number, taken: Set<number>): BylinePick | undefined {
  const found: BylinePick[] = []
  for (let i = 0; i < blocks.length; i++) {
    if (i >= skipFrom && i <= skipTo) continue
    if (i > skipTo && isCommentsStart(blocks[i])) break
    if (taken.has(i)) continue
    const segment = bylineIn(blocks[i].text)
    // As printed: "Author Contributions: …" is not a label, though a meta line's "Author X" reads as one.
    const authors = segment !== undefined && isSignedByline(segment) && blocks[i].text.includes(segment) ? bylineAuthors(blocks[i]) : undefined
    if (authors) found.push({index: i, rule: 'byline-signed', authors})
    else if (isSignedByline(blocks[i].text) && BYLINE_LABEL.test(blocks[i].text.trim())) {
      const next = nextWithWords(blocks, i)
      if (next === undefined || taken.has(next) || blocks[next].words > MAX_BYLINE_WORDS) continue
      const named = parseAuthors(blocks[next].text, {trusted: [blocks[next].text.trim(), ...blocks[next].links.map((l) => l.text)]})
      if (named.length) found.push({index: next, rule: 'byline-signed', authors: named, label: i})
    }
  }
  if (!found.length) return undefined
  const first = found[0].authors.join('\n')
  return found.every((pick) => pick.authors.join('\n') === first) ? found[0] : undefined
}

function nextWithWords(blocks: readonly ScoredBlock[], i: number): number | undefined {
  for (let j = i + 1; j < blocks.length && j <= i + 3; j++) if (blocks[j].words > 0) return j
  return undefined
}

function nameLineBeside(blocks: readonly ScoredBlock[], dateIndex: number, taken: Set<number>): number | undefined {
  for (const step of [-1, 1]) {
    let i = dateIndex + step
    while (blocks[i] && blocks[i].contentClass === 'empty') i += step
    const block = blocks[i]
    // A small heading may be the name ("### [Jeanne Corriveau](#)" over "19 février 2020"); isNameLine turns away section titles.
    if (!block || taken.has(i)) continue
    if (isNameLine(block) && parseAuthors(block.text).length) return i
  }
  return undefined
}
