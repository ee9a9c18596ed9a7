/**
 * The byline in the header: the block near the headline that names the authors, by the strength of
 * its evidence (a "By …" line, a label over the name, a one-block pattern, a bare name line).
 */
import type {ScoredBlock} from '../features.js'
import {isRoleLine, looksLikeLinkedName, looksLikeName, MAX_BYLINE_WORDS, parseAuthors} from '../byline.js'
import {DATE_LABEL, RELATIVE_TIME_LINE, findDates} from '../dates.js'
import {THRESHOLDS} from '../thresholds.js'
import {countWords} from '../text.js'
import {wireAgencyOf} from './headline.js'
import {BYLINE_LABEL, AUTHOR_URL, TAXONOMY_URL, bylineAuthors, isNameText, NAME_WORD, isNameLine, withoutCredentials, nextWithWords, linkedNameWithRole, nameThenRole, introducedBelow, signsAnotherHeadline, opensBiography} from './names.js'
import type {BylinePick} from './types.js'

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
  ['byline-name-with-time-ago', asList(nameBesideTimeAgo)],
  ['byline-follow', asList(nameWithFollowButton)],
  ['byline-name-role', namesAndRole],
  ['byline-name-list', linkedNameList],
]

/**
 * The byline, by the strength of its evidence: a "By …" line; a "Written by" label with the name on
 * the next line; a link to an author page; a bare name line right under the headline.
 */
export function findByline(blocks: readonly ScoredBlock[], window: readonly number[], taken: Set<number>, headline: number | undefined): BylinePick | undefined {
  const free = window.filter((i) => !taken.has(i) && !signsAnotherHeadline(blocks, i, headline))
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
      if (authors) return {index: i, rule, authors: rule === 'byline-link-after-date' ? biographedLink(blocks, blocks[i], authors) : authors}
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
      const besideDate = [i - 1, i + 1].some((j) => blocks[j] && (blocks[j].isDateLine || RELATIVE_TIME_LINE.test(blocks[j].text.trim())))
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

/**
 * "12/19/2025 • [Friday Philosophy] • [David Gordon]": a meta line may link a series or category
 * before the author. When the first link has no biography on the page and a later one does ("David
 * Gordon is Senior Fellow …"), the later one is the author.
 */
function biographedLink(blocks: readonly ScoredBlock[], block: ScoredBlock, authors: string[]): string[] {
  const hasBio = (name: string): boolean => blocks.some((b) => b.text.startsWith(`${name} `) && opensBiography(b, name))
  if (authors.length !== 1 || hasBio(authors[0])) return authors
  const others = block.links.map((l) => l.text.trim()).filter((t) => t !== authors[0] && isNameText(t) && hasBio(t))
  return others.length === 1 ? others : authors
}

/** Between a meta line's date and its author: separators, perhaps a label ("Author", "von"). */
const GAP_BEFORE_AUTHOR = /^[\s,|·•~–—:-]*(?:(?:author|autor|autorin|auteur|by|von|par|por)\s*:?)?[\s,|·•~–—:-]*$/iu

/** "Melissa Ozawa December 18, 2025", "David Hartshorne • Updated on Jul 4, 2024 • 28 min read": the name. */
function nameBesideDate(block: ScoredBlock): string | undefined {
  // "Amrumbank West Topside Installation 28.04.2014 © E.ON": a photo's caption and credit.
  if (!block.isDateLine || block.text.includes('©')) return undefined
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

/** "Jacobo Betancur Peláez | Publicado hace 3 horas", "Jane Roe • 3 hours ago": the name. */
export function nameBesideTimeAgo(block: ScoredBlock): string | undefined {
  if (block.words > MAX_BYLINE_WORDS || block.text.includes('\n')) return undefined
  const parts = block.text.split(/\s*[|•·]\s*/).map((part) => part.trim())
  if (parts.length !== 2) return undefined
  const timeAt = parts.findIndex((part) => RELATIVE_TIME_LINE.test(part.replace(DATE_LABEL, '').trim()))
  if (timeAt < 0) return undefined
  const [name] = parseAuthors(parts[1 - timeAt])
  return name && countWords(name) >= 2 && name.split(/\s+/).every((word) => NAME_WORD.test(word)) ? name : undefined
}

/** A line that is nothing but an e-mail address. */
const EMAIL_ONLY = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/

/** A line that is only a name, right above or below the date line: the byline. */
export function nameLineBeside(blocks: readonly ScoredBlock[], dateIndex: number, taken: Set<number>): number | undefined {
  for (const step of [-1, 1]) {
    let i = dateIndex + step
    // The author's address may sit between ("Name / name@paper.com / 04.05.2022").
    while (blocks[i] && (blocks[i].contentClass === 'empty' || EMAIL_ONLY.test(blocks[i].text))) i += step
    const block = blocks[i]
    // A small heading may be the name ("### [Jeanne Corriveau](#)" over "19 février 2020"); isNameLine turns away section titles.
    if (!block || taken.has(i)) continue
    if (isNameLine(block) && parseAuthors(block.text).length) return i
  }
  return undefined
}
