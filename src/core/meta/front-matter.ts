/**
 * Scraped markdown that keeps its metadata at the very top: YAML front matter between `---` lines
 * (as static-site exports and web clippers write it) or a reader's header of labelled lines ("Title:",
 * "URL Source:", "Published Time:", … "Markdown Content:", as r.jina.ai prints it). A pre-parse step:
 * the header's lines are blanked in the text the parser sees, so line numbers hold, and come back as
 * claims for the reconciliation and as lines for `--explain`.
 */
import type {Article, ExplainedBlock, MetadataDecision} from '../../types.js'
import type {Claim, ClaimField, PageMetadata} from './claims.js'
import {claimsFor} from './claims.js'
import {readDeclaredDate} from './declared-dates.js'
import {cleanText, languageTag, namesIn} from './declared-names.js'
import {readSimpleYaml, type YamlValue} from './simple-yaml.js'

/** Longest front matter looked for, in lines: a page's own text does not start with a longer one. */
const MAX_HEADER_LINES = 100

/** Front matter keys (lower case) and reader labels → the field they declare. */
const FIELDS: Record<string, ClaimField> = {
  title: 'headline',
  headline: 'headline',
  author: 'authors',
  authors: 'authors',
  byline: 'authors',
  creator: 'authors',
  date: 'date',
  published: 'date',
  'published time': 'date',
  published_time: 'date',
  publishdate: 'date',
  pubdate: 'date',
  date_published: 'date',
  datepublished: 'date',
  updated: 'updated',
  modified: 'updated',
  lastmod: 'updated',
  'last modified': 'updated',
  date_modified: 'updated',
  datemodified: 'updated',
  url: 'url',
  'url source': 'url',
  source: 'url',
  link: 'url',
  canonical: 'url',
  canonical_url: 'url',
  permalink: 'url',
  lang: 'language',
  language: 'language',
  locale: 'language',
  site: 'site',
  site_name: 'site',
  sitename: 'site',
  'site name': 'site',
  publisher: 'publisher',
  tags: 'keywords',
  keywords: 'keywords',
  categories: 'section',
  category: 'section',
  section: 'section',
}

/** Labels a reader prints over the text, beyond the fields: they carry nothing the Article has. */
const OTHER_READER_LABELS = new Set(['description', 'markdown content', 'warning', 'number of pages', 'image', 'images', 'links'])

/** A reader's labelled line: "Title: …", "URL Source: …", "Markdown Content:". */
const READER_LINE = /^([A-Z][A-Za-z]*(?: [A-Za-z]+){0,2}):(?:[ \t]+(.*))?$/

export interface HeaderLine {
  /** 1-based line of the input. */
  line: number
  text: string
  /** The field the line declares, if any. */
  field?: ClaimField
}

export interface FrontMatter {
  /** The input with the header's lines blanked: same line count. */
  text: string
  /** The header's lines with text, for `--explain`. */
  lines: HeaderLine[]
  metadata: PageMetadata
}

/** Text out of a front matter value: "[[Jane Roe]]" (a wiki link) and "[Jane Roe](url)" are "Jane Roe". */
function plain(value: string): string {
  return value.replace(/\[\[([^\]|]*)(?:\|[^\]]*)?\]\]/g, '$1').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
}

function claimsOf(field: ClaimField, raw: YamlValue, source: string): Claim[] {
  const values = (typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [raw.name ?? raw.title ?? ''].flat()).map((v) => cleanText(plain(v))).filter((v): v is string => Boolean(v))
  if (!values.length) return []
  const claim = (value: Claim['value']): Claim[] => [{field, value, source, family: 'front-matter'} as Claim]
  switch (field) {
    case 'authors': {
      const names = values.flatMap((v) => namesIn(v))
      return names.length ? claim([...new Set(names)]) : []
    }
    case 'keywords':
    case 'section':
      return claim(values.flatMap((v) => v.split(/\s*,\s*/)).filter(Boolean))
    case 'date':
    case 'updated': {
      const date = readDeclaredDate(values[0])
      return date ? claim(date) : []
    }
    case 'language': {
      const tag = languageTag(values[0])
      return tag ? claim(tag) : []
    }
    case 'url':
      return /^https?:\/\//i.test(values[0]) ? claim(values[0]) : []
    default:
      return claim(values[0])
  }
}

/** YAML front matter: `---` on the first line, `key: value` lines, `---` (or `...`) closing it. */
function yamlFrontMatter(lines: readonly string[]): {end: number; claims: Claim[]} | undefined {
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)[ \t]*$/.test(line))
  if (end < 2 || end > MAX_HEADER_LINES) return undefined
  const yaml = readSimpleYaml(lines.slice(1, end))
  if (!yaml || yaml.size === 0) return undefined
  const claims = [...yaml].flatMap(([key, value]) => (FIELDS[key] ? claimsOf(FIELDS[key], value, `front matter ${key}`) : []))
  return {end, claims}
}

/**
 * A reader's header: labelled lines from the first line on (blank lines between them), at least
 * two with a label this module knows, one of them the title or the address; it ends where a line
 * is no such label, or at "Markdown Content:".
 */
function readerHeader(lines: readonly string[]): {end: number; claims: Claim[]} | undefined {
  const claims: Claim[] = []
  let known = 0
  let anchored = false
  let end = -1
  for (let i = 0; i < lines.length && i < MAX_HEADER_LINES; i++) {
    if (lines[i].trim() === '') continue
    const match = READER_LINE.exec(lines[i])
    const label = match?.[1].toLowerCase()
    if (!match || !label || (!FIELDS[label] && !OTHER_READER_LABELS.has(label))) break
    end = i
    known++
    if (label === 'title' || label === 'url source') anchored = true
    if (FIELDS[label] && match[2]) claims.push(...claimsOf(FIELDS[label], match[2], `reader header ${match[1]}`))
    if (label === 'markdown content') break
  }
  return known >= 2 && anchored ? {end, claims} : undefined
}

/** The first `count` lines of a text, without splitting the rest of it. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = []
  let start = 0
  while (lines.length < count && start <= text.length) {
    const end = text.indexOf('\n', start)
    lines.push(text.slice(start, end < 0 ? text.length : end))
    if (end < 0) break
    start = end + 1
  }
  return lines
}

/** The front matter or reader header at the top of scraped text, if it has one. */
export function readFrontMatter(text: string): FrontMatter | undefined {
  if (!/^(?:---|[A-Z][A-Za-z ]{0,20}:)/.test(text)) return undefined
  const lines = firstLines(text, MAX_HEADER_LINES + 1)
  const header = yamlFrontMatter(lines) ?? readerHeader(lines)
  if (!header) return undefined
  const fieldOf = (line: string): ClaimField | undefined => {
    const key = /^\s*([A-Za-z_][\w .-]*?)\s*:/.exec(line)?.[1].toLowerCase()
    return key ? FIELDS[key] : undefined
  }
  const headerLines: HeaderLine[] = []
  for (let i = 0; i <= header.end; i++) if (lines[i].trim()) headerLines.push({line: i + 1, text: lines[i], field: fieldOf(lines[i])})
  // Blank the header's lines, keep their line breaks: the parser's line numbers stay the input's.
  const cut = lines.slice(0, header.end + 1).join('\n').length
  return {text: '\n'.repeat(header.end) + text.slice(cut), lines: headerLines, metadata: {claims: header.claims, linkedData: []}}
}

/** Where a decision's value was read from the header. */
const FROM_HEADER = /^(?:front matter|reader header) /

/**
 * The header's lines in the Article: listed first among the blocks for `--explain` (rule
 * `front-matter`, role `removed`), except the line a field was taken from when the text prints none:
 * the date line becomes the dateline, and the title line the headline when the text has no headline.
 * Adds its decisions to `decisions`.
 */
export function placeFrontMatter(article: Article, front: FrontMatter, decisions: MetadataDecision[], explain: boolean): void {
  const roles = new Map<number, ExplainedBlock['role']>()
  const dated = decisions.some((d) => d.field === 'date' && FROM_HEADER.test(d.source) && d.rule.startsWith('meta: date from'))
  const dateLine = front.lines.find((l) => l.field === 'date')
  if (dated && dateLine && !article.dateline) {
    roles.set(dateLine.line, 'dateline')
    article.dateline = dateLine.text.trim()
  }
  const [title] = claimsFor(front.metadata.claims, 'headline')
  const titleLine = front.lines.find((l) => l.field === 'headline')
  if (title && titleLine && !article.headline) {
    roles.set(titleLine.line, 'headline')
    article.headline = title.value
    article.warnings = article.warnings.filter((w) => w !== 'no headline found')
    decisions.push({field: 'headline', value: title.value, source: title.source, rule: 'meta: headline from front matter (none printed)'})
  }
  if (!explain || !article.blocks) return
  const shift = front.lines.length
  const header = front.lines.map((l, index): ExplainedBlock => ({index, line: l.line, kind: 'paragraph', role: roles.get(l.line) ?? 'removed', rule: 'front-matter', text: l.text}))
  article.blocks = [...header, ...article.blocks.map((b) => ({...b, index: b.index + shift}))]
}
