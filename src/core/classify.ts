/**
 * Stage 4: every block gets a role and the name of the rule that gave it. The rules run in this
 * order, each on what the previous left undecided:
 *
 * 1. body-region — the densest run of prose (rules/body.ts), started under an article header found
 *    inside it (a heading with its date line, and often a byline) when the page's own prose came first;
 * 2. end-matter-cut — the body ends at the first attribution, copyright, disclaimer … notice, or legal-links row;
 * 3. body-tail — short closing lines the weight search left out come back;
 * 4. lead-in / tail trims — appeals, separators and link rows at the body's edges go out;
 * 5. header — headline, byline, dateline and tags around the body's start (header/find.ts);
 * 6. standfirst — prose between the headline and the body joins the body;
 * 7. inside the body, link rows, labels, ad slots, credits and chrome are removed, and so is the
 *    second copy of a paragraph printed twice;
 * 8. footer — end matter after the body (rules/footer.ts); everything left is removed.
 */
import type {Role} from '../types.js'
import type {ScoredBlock} from './features.js'
import {isChromeOrScript, type Family} from './patterns.js'
import {bodyStartUnderInnerHeader, densestSpan, extendTail, firstEndMatter, isEdgeNoise, type Span} from './rules/body.js'
import {findHeader} from './header/find.js'
import type {Header} from './header/types.js'
import {findFooter} from './rules/footer.js'
import {opensBiography} from './header/names.js'
import {isCmsTagLine} from './tags.js'
import {THRESHOLDS} from './thresholds.js'
import {SENTENCE_END} from './text.js'

export interface Decision {
  role: Role
  rule: string
}

export interface Classification {
  decisions: Decision[]
  header: Header
  body: Span
}

/** Finds the body span: the densest prose, cut at end matter, given back its tail, edges trimmed. */
function findBody(blocks: readonly ScoredBlock[], decisions: (Decision | undefined)[]): Span {
  let span = densestSpan(blocks)
  if (span.end < span.start) return longestTextBlock(blocks)
  const underHeader = bodyStartUnderInnerHeader(blocks, span)
  if (underHeader !== undefined && underHeader <= span.end) span = {start: underHeader, end: span.end}
  const cut = firstEndMatter(blocks, span)
  span = extendTail(blocks, {start: span.start, end: cut === undefined ? span.end : cut - 1}, cut ?? blocks.length)
  while (span.start <= span.end && isEdgeNoise(blocks[span.start], 'lead')) {
    decisions[span.start] = {role: 'removed', rule: blocks[span.start].kind === 'separator' ? 'separator' : 'lead-in-notice'}
    span.start++
  }
  while (span.end >= span.start && isEdgeNoise(blocks[span.end], 'tail')) span.end--
  return span
}

/** With no run of prose at all (a note, a single short paragraph), the longest plain text is the body. */
function longestTextBlock(blocks: readonly ScoredBlock[]): Span {
  let best = -1
  for (const block of blocks) {
    if (block.contentClass === 'links' || block.contentClass === 'empty' || isChromeOrScript(block.families) || block.kind === 'heading') continue
    if (best < 0 || block.words > blocks[best].words) best = block.index
  }
  return best < 0 ? {start: 0, end: -1} : {start: best, end: best}
}

/** The last paragraphs of the body where an author's biography may close it. */
const BIO_TAIL_PARAGRAPHS = 3

/**
 * "Perry Bacon Jr. is a senior writer for …", "Martin has worked as …": a biography of the article's
 * author among the body's last paragraphs is the author box, not the text. It is listed with the
 * removed blocks (rule `author-bio`), where `--explain` shows it.
 */
function removeClosingBiography(blocks: readonly ScoredBlock[], body: Span, authors: readonly string[], decisions: (Decision | undefined)[]): void {
  for (let i = body.end, seen = 0; i >= body.start && seen < BIO_TAIL_PARAGRAPHS; i--) {
    if (decisions[i]?.role !== 'body') continue
    seen++
    if (authors.some((name) => opensBiography(blocks[i], name))) decisions[i] = {role: 'removed', rule: 'author-bio'}
  }
}

/** Shortest paragraph, in words, whose second copy is taken for a repeat rather than a coincidence. */
const MIN_REPEATED_WORDS = 20

/**
 * Pages that print the article twice (a second layout for small screens, a print view) would give
 * it twice: a paragraph of the text that comes again, word for word, is listed with the removed
 * blocks the second time (rule `repeated-text`).
 */
function removeRepeatedText(blocks: readonly ScoredBlock[], decisions: (Decision | undefined)[]): void {
  const seen = new Set<string>()
  decisions.forEach((decision, i) => {
    if (decision?.role !== 'body' || blocks[i].words < MIN_REPEATED_WORDS) return
    const text = blocks[i].text
    if (seen.has(text)) decisions[i] = {role: 'removed', rule: 'repeated-text'}
    else seen.add(text)
  })
}

/** Notices dropped wherever they stand in the body: labels, ad slots, disclosures, short credits. */
const DROPPED_IN_BODY: Partial<Record<Family, string>> = {
  chrome: 'chrome',
  script: 'script-text',
  advert: 'advert-label',
  furniture: 'furniture-label',
  disclosure: 'disclosure',
  share: 'share-label',
  related: 'related-label',
  comments: 'comments-label',
  legal: 'legal-links',
}

/** Longest appeal dropped from inside the body: a widget, not a paragraph that mentions a newsletter. */
const MAX_APPEAL_BOX_WORDS = 15

/** Longest caption credit dropped from the body ("Foto: dpa", "© Getty Images"), in words. */
const MAX_CREDIT_WORDS = 12

/** A picture's caption with its credit at the end: "Elder und Player. | © PGA of America via Getty Images". */
const CREDIT_AT_END = /(?:^|[|.!?)]\s*|\s)(?:©|\(c\)|(?:foto|fotos|photo|photos|bild|credit|crédit|imagen)\s*:)\s*[^.!?©]{2,60}\)?$/iu
const MAX_CAPTION_WORDS = 45

function isDroppedInsideBody(block: ScoredBlock): string | undefined {
  for (const family of block.families) {
    const rule = DROPPED_IN_BODY[family]
    if (rule) return rule
  }
  if (block.families.includes('imageCredit') && block.words <= MAX_CREDIT_WORDS) return 'image-credit'
  if (block.words <= MAX_CAPTION_WORDS && CREDIT_AT_END.test(block.text)) return 'caption-credit'
  // A newsletter box or a donation button set into the text: short, with an appeal's words.
  if (block.families.includes('appeal') && block.words <= MAX_APPEAL_BOX_WORDS) return 'appeal-box'
  if (block.kind === 'separator') return 'separator'
  if (block.contentClass === 'empty') return 'no-text'
  if (block.linkOnly || (block.linkDensity >= THRESHOLDS.dropLinkDensity && block.contentClass !== 'good')) return 'link-row'
  return undefined
}

/**
 * The items of a list right under an ad label ("Sponsored Links", "Anzeige") are the ads: each
 * reads like a line of prose ("Only £6.95 per trade, real-time quotes"), so only the label tells.
 */
function advertLists(blocks: readonly ScoredBlock[]): boolean[] {
  const inList: boolean[] = new Array(blocks.length).fill(false)
  let underLabel = false
  blocks.forEach((block, i) => {
    if (block.families.includes('advert') && block.kind !== 'listItem') underLabel = true
    else if (block.kind === 'listItem' && underLabel) inList[i] = true
    else if (block.words > 0) underLabel = false
  })
  return inList
}

/** Blocks past the body's end within which its closing tag lines are looked for. */
const TAGS_AFTER_TEXT_REACH = 6

/**
 * Blogs print a post's categories and tags under it ("Posted in: [News](#)", "Schlagwörter: [FAZ](#),
 * [Medien](#)"): tag lines at the body's end, or just after it among link rows and separators.
 */
function tagLinesAtEnd(blocks: readonly ScoredBlock[], body: Span, decisions: readonly (Decision | undefined)[]): number[] {
  const found: number[] = []
  const isTagLine = (block: ScoredBlock): boolean => block.families.length === 0 && isCmsTagLine(block)
  for (let i = body.end; i >= body.start; i--) {
    const tagLine = isTagLine(blocks[i])
    if (tagLine) found.push(i)
    else if (decisions[i]?.role === 'body') break
  }
  for (let i = body.end + 1; i < blocks.length && i <= body.end + TAGS_AFTER_TEXT_REACH; i++) {
    if (decisions[i]) continue
    if (isTagLine(blocks[i])) found.push(i)
    else if (blocks[i].contentClass !== 'links' && blocks[i].contentClass !== 'empty' && blocks[i].kind !== 'separator') break
  }
  return found.sort((a, b) => a - b)
}

/** Prose under a headline: long enough, closed like a sentence, no links, no notice. */
function isStandfirst(block: ScoredBlock): boolean {
  if (block.kind !== 'paragraph' || block.families.length || block.isDateLine) return false
  if (block.contentClass !== 'good' && block.contentClass !== 'nearGood') return false
  return SENTENCE_END.test(block.text.trim())
}

/** Gives every block a role. */
export function classify(blocks: readonly ScoredBlock[]): Classification {
  const decisions: (Decision | undefined)[] = new Array(blocks.length).fill(undefined)
  const body = findBody(blocks, decisions)
  const hasBody = body.end >= body.start
  const header = findHeader(blocks, hasBody ? body.start : blocks.length, hasBody ? body.end : blocks.length)

  const assign = (index: number | undefined, role: Role, rule: string): void => {
    if (index !== undefined) decisions[index] = {role, rule}
  }
  assign(header.headline?.index, 'headline', header.headline?.rule ?? '')
  assign(header.byline?.index, 'byline', header.byline?.rule ?? '')
  assign(header.dateline?.index, 'dateline', header.dateline?.rule ?? '')
  // The update line's date is in `updated`; the line itself is listed with the removed blocks.
  assign(header.updated?.index, 'removed', header.updated?.rule ?? '')
  for (const extra of header.extraDatelines) assign(extra.index, 'removed', extra.rule)
  for (const label of header.labels) assign(label.index, 'removed', label.rule)
  for (const tag of header.tags) assign(tag.index, 'tags', tag.rule)

  // The standfirst: a sentence or two between the headline and the body, set apart by the byline.
  const headlineAt = header.headline?.index
  if (hasBody && headlineAt !== undefined && headlineAt < body.start) {
    for (let i = headlineAt + 1; i < body.start; i++) {
      if (!decisions[i] && isStandfirst(blocks[i])) decisions[i] = {role: 'body', rule: 'standfirst'}
    }
  }

  const adverts = advertLists(blocks)
  for (let i = body.start; i <= body.end; i++) {
    if (decisions[i]) continue
    const dropped = adverts[i] ? 'advert-list' : isDroppedInsideBody(blocks[i])
    decisions[i] = dropped ? {role: 'removed', rule: dropped} : {role: 'body', rule: 'body-region'}
  }
  if (hasBody) removeClosingBiography(blocks, body, header.byline?.authors ?? [], decisions)
  if (hasBody) for (const index of tagLinesAtEnd(blocks, body, decisions)) {
    decisions[index] = {role: 'tags', rule: 'tag-line-after-text'}
    header.tags.push({index, rule: 'tag-line-after-text'})
  }
  removeRepeatedText(blocks, decisions)
  const footerFrom = hasBody ? body.end + 1 : blocks.length
  for (const f of findFooter(blocks, footerFrom)) {
    if (!decisions[f.index]) decisions[f.index] = {role: f.inFooter ? 'footer' : 'removed', rule: f.rule}
  }
  const filled = decisions.map((d) => d ?? {role: 'removed' as const, rule: 'before-article'})
  return {decisions: filled, header, body}
}
