/**
 * Stage 5: the classified blocks become an Article — texts joined, authors, dates and publisher read
 * out of the header lines.
 */
import {SCHEMA_VERSION, type Article, type ExplainedBlock, type InputInfo} from '../types.js'
import type {ParsedBlock} from './blocks.js'
import type {Classification} from './classify.js'
import {DATE_LABEL, findDates, isUpdateDate, type DateOptions} from './dates.js'
import {countWords} from './text.js'
import {readTagLines} from './tags.js'
import {cleanHeadline} from './header/cleanup.js'

/** The outlet named in an attribution line: "The original source of this article is X". */
const SOURCE_CREDIT = /^(?:the )?original source of this (?:article|post|story) is\s+(.+?)\s*$/imu

/** Longest publisher name, in words. */
const MAX_PUBLISHER_WORDS = 6

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim()

/** The first publication date in a line (skipping "Updated …" dates). */
function publicationDate(text: string | null, options: DateOptions): string | null {
  if (!text) return null
  return findDates(text, options).find((d) => !isUpdateDate(text, d.index))?.iso ?? null
}

/** The first date of any kind in a line. */
function anyDate(text: string | null, options: DateOptions): string | null {
  return text ? findDates(text, options)[0]?.iso ?? null : null
}

/** What is left of a dateline once its dates and date labels are gone, if it reads as a name. */
function publisherIn(dateline: string): string | null {
  let rest = dateline
  for (const d of findDates(dateline).reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length)
  rest = rest
    .replace(/\b\d{1,2}:\d{2}\s*(?:am|pm)?\b/giu, ' ')
    .split(/\s*[|•·–—]\s*|\s+-\s+|\n/)[0]
    .replace(DATE_LABEL, '')
    .replace(/^[\s,.:;-]+|[\s,.:;-]+$/g, '')
  if (!rest || /^by\b/i.test(rest) || countWords(rest) > MAX_PUBLISHER_WORDS) return null
  return /^[\p{Lu}\p{N}]/u.test(rest) ? rest : null
}

function joinBlocks(blocks: readonly ParsedBlock[]): string {
  let out = ''
  blocks.forEach((block, i) => {
    const text = block.listMarker ? `${'  '.repeat(Math.max(0, block.listDepth - 1))}${block.listMarker} ${block.text}` : block.text
    if (i > 0) out += block.listMarker && blocks[i - 1].listMarker ? '\n' : '\n\n'
    out += text
  })
  return out
}

export interface AssembleOptions {
  file: string | null
  explain: boolean
  /** How the page writes ambiguous slash dates. */
  dates: DateOptions
  /** What the input was read as. */
  input: InputInfo
}

/** Builds the Article from the blocks and their roles. */
export function assemble(blocks: readonly ParsedBlock[], classification: Classification, {file, explain, dates, input}: AssembleOptions): Article {
  const {decisions, header} = classification
  const textOf = (pick: {index: number} | undefined): string | null => (pick ? oneLine(blocks[pick.index].text) : null)
  const withRole = (role: string): ParsedBlock[] => blocks.filter((_, i) => decisions[i].role === role)

  const headlineLine = textOf(header.headline)
  const headline = headlineLine === null ? null : cleanHeadline(headlineLine, {dates}) || null
  // A portrait read as the byline has no text: its alt text stands for it.
  const byline = header.byline && !blocks[header.byline.index].text.trim() ? oneLine(blocks[header.byline.index].imageAlts.join(' ')) : textOf(header.byline)
  const dateline = textOf(header.dateline)
  const authors = header.byline?.authors ?? []
  const updatedLine = textOf(header.updated)
  const updated = anyDate(updatedLine, dates)
  const leadLine = textOf(header.leadDate)
  // A page that prints only an "Updated" date gives no other clue to when it was published.
  const date =
    publicationDate(dateline, dates) ??
    publicationDate(byline, dates) ??
    publicationDate(headlineLine, dates) ??
    publicationDate(leadLine, dates) ??
    anyDate(dateline, dates) ??
    anyDate(byline, dates) ??
    updated

  const tags: Record<string, string[]> = {}
  for (const pick of header.tags) {
    for (const [label, values] of readTagLines(blocks[pick.index]) ?? []) tags[label] = [...(tags[label] ?? []), ...values]
  }
  const body = joinBlocks(withRole('body'))
  const footer = joinBlocks(withRole('footer'))
  const credit = SOURCE_CREDIT.exec(footer)?.[1]
  const publisher = (dateline && publisherIn(dateline)) || (credit ? oneLine(credit) : null)

  const warnings: string[] = []
  if (blocks.length === 0) warnings.push('empty input')
  if (!headline) warnings.push('no headline found')
  if (!body) warnings.push('no article body found')

  const article: Article = {
    schema: SCHEMA_VERSION,
    file,
    headline,
    byline,
    authors,
    dateline,
    date,
    updated,
    publisher,
    tags,
    body,
    footer,
    url: null,
    language: null,
    input,
    warnings,
  }
  if (explain) {
    const evidence = new Map<number, string[]>()
    for (const pick of [header.headline, header.byline]) if (pick?.evidence?.length) evidence.set(pick.index, pick.evidence)
    article.blocks = blocks.map((block, i): ExplainedBlock => {
      const explained: ExplainedBlock = {index: block.index, line: block.line, kind: block.kind, role: decisions[i].role, rule: decisions[i].rule, text: block.text}
      const why = evidence.get(i)
      if (why && (decisions[i].role === 'headline' || decisions[i].role === 'byline')) explained.evidence = why
      return explained
    })
  }
  return article
}
