/**
 * Byline readers: the ways a block (or a label and the block under it) names authors, each a small
 * function that reads the names off the block or says it does not apply. A reader says nothing about
 * whether the block is the article's byline; where it stands and what stands around it is the
 * evidence (evidence.ts) that the ranking weighs (rank.ts).
 */
import type {ScoredBlock} from '../features.js'
import {isRoleLine, looksLikeLinkedName, looksLikeName, MAX_BYLINE_WORDS, namesAJob, parseAuthors} from '../byline.js'
import {DATE_LABEL, RELATIVE_TIME_LINE, findDates} from '../dates.js'
import {countWords} from '../text.js'
import {wireAgencyOf} from './headline.js'
import {isAuthorLabel, AUTHOR_URL, TAXONOMY_URL, bylineAuthors, isNameText, NAME_WORD, isNameLine, withoutCredentials, nextWithWords, linkedNameWithRole, nameThenRole, opensBiography} from './names.js'

/** What a reader read: the names, the block that holds them, and a block that only labels them. */
export interface Reading {
  authors: string[]
  /** The block holding the names, when it is not the block read (a label's next line). */
  index?: number
  /** A block that only labels the byline ("Written by"), removed with it. */
  label?: number
}

/** A way of reading names: `rule` is what --explain shows for a pick, `reader` the evidence's name. */
export interface Reader {
  rule: string
  reader: string
  read: (blocks: readonly ScoredBlock[], i: number) => Reading | undefined
}

const one =
  (read: (block: ScoredBlock) => string | undefined) =>
  (blocks: readonly ScoredBlock[], i: number): Reading | undefined => {
    const name = read(blocks[i])
    return name ? {authors: [name]} : undefined
  }

const many =
  (read: (block: ScoredBlock) => string[] | undefined) =>
  (blocks: readonly ScoredBlock[], i: number): Reading | undefined => {
    const authors = read(blocks[i])
    return authors?.length ? {authors} : undefined
  }

/** "By Jane Doe", "Autor: Jan Kowalski", "Posted on 2015-04-05 by marc": a cue word before the names. */
function cued(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const authors = bylineAuthors(blocks[i])
  return authors ? {authors} : undefined
}

/** "Written by" on its own line, the names on the next: after an explicit label the next line is the name, whatever it looks like ("The Example Team"). */
function underLabel(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  if (!isAuthorLabel(blocks[i].text.trim())) return undefined
  const next = nextWithWords(blocks, i)
  if (next === undefined || blocks[next].words > MAX_BYLINE_WORDS) return undefined
  const authors = parseAuthors(blocks[next].text, {trusted: [blocks[next].text.trim(), ...blocks[next].links.map((l) => l.text)]})
  return authors.length ? {authors, index: next, label: i} : undefined
}

/** Longest bare name, in words ("Maria del Carmen Ruiz"). */
const MAX_BARE_NAME_WORDS = 4

/**
 * A line that is only a name, two to four capitalised words ("Jane Roe", "Vanessa Mendez, MD"), set
 * as a paragraph, a heading or a link, or a linked collective ("[The Upwork Team](#)"); "Jamal
 * Saidi/Reuters" is a photo credit. A large heading or a list item may be one too: evidence decides.
 */
function nameLine(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const block = blocks[i]
  const text = withoutCredentials(block.text.trim())
  const words = text.split(/\s+/)
  const bare = !block.text.includes('\n') && words.length >= 2 && words.length <= MAX_BARE_NAME_WORDS && words.every((w) => NAME_WORD.test(w)) && looksLikeName(text)
  if (!bare && !isNameLine(block) && !(block.linkOnly && block.words >= 2 && !block.text.includes('/') && looksLikeLinkedName(block.text.trim()))) return undefined
  return {authors: [text]}
}

/** "Jane Roe, Senior Writer", "Max Muster, Redakteurin bei der Zeitung": a name, a comma, a job. */
function nameCommaRole(block: ScoredBlock): string | undefined {
  if (block.words > MAX_BYLINE_WORDS || block.text.includes('\n')) return undefined
  const comma = block.text.indexOf(',')
  if (comma < 0) return undefined
  const name = block.text.slice(0, comma).trim()
  return isNameText(name) && namesAJob(block.text.slice(comma + 1)) ? name : undefined
}

/** Words of an alt text that say a picture is of a person, before or after the name ("Photo of Jane Roe", "Jane Roe's avatar"). */
const PORTRAIT_BEFORE = /^(?:(?:a\s+)?(?:photo|picture|image|portrait|headshot|avatar)\s+of|author|autor|autorin|foto von|bild von|portrait von|photo de|retrato de|zdjęcie)\s+/iu
const PORTRAIT_AFTER = /(?:['’]s)?\s+(?:headshot|avatar|portrait|profile (?:photo|picture|image)|author (?:photo|picture|image)|photo|profilbild)$/iu

/** A picture whose alt text names a person as its subject ("Author Tuhin Bhatt", "Jane Roe's avatar"): a writer's portrait. */
function portraitName(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const block = blocks[i]
  if (block.words > 0) return undefined
  for (const alt of block.imageAlts) {
    const trimmed = alt.trim()
    const name = trimmed.replace(PORTRAIT_BEFORE, '').replace(PORTRAIT_AFTER, '').replace(/[,.].*$/u, '').trim()
    if (name !== trimmed && isNameText(name)) return {authors: [name]}
  }
  return undefined
}

/** "The Associated Press", "JIJI": a wire agency's credit as the whole line. */
function agency(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const name = wireAgencyOf(blocks[i].text)
  return name ? {authors: [name]} : undefined
}

/** "12/19/2025 • [Friday Philosophy] • [David Gordon]": the link after the date, or the one of them the page gives a biography. */
function linkAfterDateReader(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  const name = linkAfterDate(blocks[i])
  return name ? {authors: biographedLink(blocks, blocks[i], [name])} : undefined
}

/** The readers of the header, in the order of their reliability (the order breaks ties). */
export const HEADER_READERS: readonly Reader[] = [
  {rule: 'byline-prefix', reader: 'cue', read: cued},
  {rule: 'byline-after-label', reader: 'label-over-name', read: underLabel},
  {rule: 'byline-author-link', reader: 'author-page-link', read: many(authorLinks)},
  {rule: 'byline-link-after-date', reader: 'link-after-date', read: linkAfterDateReader},
  {rule: 'byline-name-with-date', reader: 'name-with-date', read: one(nameBesideDate)},
  {rule: 'byline-name-with-time-ago', reader: 'name-with-time-ago', read: one(nameBesideTimeAgo)},
  {rule: 'byline-follow', reader: 'name-with-follow-button', read: one(nameWithFollowButton)},
  {rule: 'byline-name-role', reader: 'name-with-role', read: many(namesAndRole)},
  {rule: 'byline-name-role', reader: 'name-comma-role', read: one(nameCommaRole)},
  {rule: 'byline-name-list', reader: 'linked-name-list', read: many(linkedNameList)},
  {rule: 'byline-author-list', reader: 'author-list', read: authorList},
  {rule: 'byline-name-line', reader: 'name-line', read: nameLine},
  {rule: 'byline-agency', reader: 'agency', read: agency},
  {rule: 'byline-portrait', reader: 'portrait-alt', read: portraitName},
]

/** The readers of a byline set into the text or just under it: a cue, or a name with its time ago. */
export const TEXT_READERS: readonly Reader[] = [
  {rule: 'byline-in-text', reader: 'cue', read: cued},
  {rule: 'byline-in-text', reader: 'name-with-time-ago', read: one(nameBesideTimeAgo)},
]

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

/** Affiliation marks after an author's name in a paper: "Marwan H. Adwan 1", "Jane Roe, PhD*,". */
const AFFILIATION_MARKS = /(?:[\s,]*(?:\d{1,2}|[*†‡§]))+[\s,]*$|,\s*$/u

/**
 * Papers list their authors as list items under the title: "Michael L. Anderson, PhD," / "Carlos
 * Dobkin, PhD," or one "Marwan H. Adwan 1". Every item of the run must be a name.
 */
function authorList(blocks: readonly ScoredBlock[], i: number): Reading | undefined {
  if (blocks[i].kind !== 'listItem' || (i > 0 && blocks[i - 1].kind === 'listItem' && blocks[i - 1].words > 0)) return undefined
  const names: string[] = []
  for (let j = i; j < blocks.length && blocks[j].kind === 'listItem' && blocks[j].words > 0; j++) {
    const name = withoutCredentials(blocks[j].text.trim().replace(AFFILIATION_MARKS, ''))
    if (blocks[j].text.includes('\n') || !isNameText(name)) return undefined
    names.push(name)
  }
  // One item is a name only with its affiliation mark: a lone name in a list is a menu entry.
  return names.length >= 2 || (names.length === 1 && AFFILIATION_MARKS.test(blocks[i].text.trim())) ? {authors: names} : undefined
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
