/**
 * Every public shape of unscrape, in one place.
 */

/** The version tag every JSON result carries; an incompatible change bumps it. */
export const SCHEMA_VERSION = 'unscrape/2' as const

/** Where a block of the input ended up. `removed` is boilerplate, listed by `--explain`. */
export type Role = 'headline' | 'byline' | 'dateline' | 'tags' | 'body' | 'footer' | 'removed'

/** What kind of markdown construct a block came from. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'code'
  | 'html'
  | 'table'
  | 'separator'
  | 'definition'

/** One block of the input with the features the rules look at. */
export interface Block {
  /** Position among all blocks, from 0. */
  index: number
  kind: BlockKind
  /** 1-based line of the input where the block starts. */
  line: number
  /** Heading level 1–6, 0 for other blocks. */
  depth: number
  /** Nesting depth of lists around the block (0: not in a list). */
  listDepth: number
  /** Whether the block sits inside a blockquote. */
  quoted: boolean
  /** Plain text: markup removed, link text kept, lines kept. */
  text: string
  /** Number of words (letter or digit runs). */
  words: number
  /** Number of words inside links. */
  linkWords: number
  /** Share of words inside links, 0–1. */
  linkDensity: number
  /** Whether the block is one single link (possibly with an image), and nothing else. */
  linkOnly: boolean
  /** Number of sentence-ending marks (. ! ? and their CJK forms) and commas. */
  punctuation: number
  /** Number of images in the block. */
  images: number
}

/** A block with the role it got and the name of the rule that decided it. */
export interface ExplainedBlock {
  index: number
  line: number
  kind: BlockKind
  role: Role
  /** Name of the rule that gave the role, e.g. `body-region`, `byline-prefix`. */
  rule: string
  text: string
  /** On the picked headline and byline only: the evidence that weighed most for the pick, strongest first, e.g. `["reader:cue +6.00", "near-headline +2.00"]`. */
  evidence?: string[]
}

/** The extracted article: the JSON contract, schema `unscrape/2`. */
export interface Article {
  schema: typeof SCHEMA_VERSION
  /** The path as given, or null for stdin and for the library API. */
  file: string | null
  headline: string | null
  /** The byline as printed, markup removed, e.g. "By Jane Doe". */
  byline: string | null
  /** Author names, e.g. ["Jane Doe"]. */
  authors: string[]
  /** The date/source line as printed, e.g. "Example News, December 10, 2016". */
  dateline: string | null
  /** Publication date, ISO 8601: "2016-12-10", with time and offset only when printed. */
  date: string | null
  /** A separately printed "Updated"/"Last modified" date, same form. */
  updated: string | null
  /** The outlet named in the dateline or credit line. */
  publisher: string | null
  /** Tag lines such as `Region: X` and `Theme: A, B`, label to values. */
  tags: Record<string, string[]>
  /** The article text: paragraphs joined by a blank line, list items as "- item". */
  body: string
  /** End matter after the body: appeals, attribution, copyright, disclaimers. */
  footer: string
  /** The page's own address (canonical link, og:url, front matter), when the input declares one. */
  url: string | null
  /** The page's language as it declares it (`<html lang>`, og:locale, front matter), e.g. "en". */
  language: string | null
  /** What the input was read as. */
  input: InputInfo
  /** Things a reader of the result should know, e.g. "no headline found". */
  warnings: string[]
  /** Every block with its role and rule; present only when asked for with `explain`. */
  blocks?: ExplainedBlock[]
  /**
   * What the page declares about itself (HTML metadata, front matter) and what was done with it:
   * one entry per decision; present only with `explain`, and only when the input declares anything.
   */
  metadata?: MetadataDecision[]
}

/**
 * One decision about a declared value, for `--explain`: which field, the value, where it was read
 * ("JSON-LD NewsArticle author", "og:title", "<title>"), and the rule that decided
 * ("meta: author from JSON-LD", "meta: title trimmed of site suffix", "meta: printed date kept").
 */
export interface MetadataDecision {
  field: string
  /** The declared value (null when the decision is that a field stays empty). */
  value: string | string[] | null
  source: string
  rule: string
}

/**
 * The shapes of scraped text unscrape recognises (the dialect stage names one per input):
 * - `markdown`: markdown as most scrapers write it, one paragraph a line;
 * - `wrapped-markdown`: markdown hard-wrapped at a fixed width (Python html2text's default);
 * - `markdown-html`: markdown with raw HTML blocks left in it (turndown, pandoc: tables gfm cannot hold);
 * - `text`: plain text with no markup at all (a DOM's text dump);
 * - `html`: a whole HTML page.
 */
export const DIALECTS = ['markdown', 'wrapped-markdown', 'markdown-html', 'text', 'html'] as const
export type Dialect = (typeof DIALECTS)[number]

/** What the input was read as: the format asked for or detected, and the dialect recognised. */
export interface InputInfo {
  format: 'markdown' | 'html' | 'text'
  dialect: Dialect
  /** Only with `explain`: what the dialect stage rewrote, with lines of the input. */
  changes?: DialectChange[]
}

/** A rewrite of the dialect stage (`--explain`): the input lines it concerned and its name. */
export interface DialectChange {
  /** First and last input line concerned, 1-based. */
  line: number
  endLine: number
  /** What was done: `wrapped-lines-joined`, `raw-html-converted`, `split-link-rejoined`, `text-lines-joined` … */
  change: string
}

/** Options of {@link extract}. */
export interface ExtractOptions {
  /** Path to put in `file`; default null. The core never reads it. */
  file?: string | null
  /** Include `blocks` (every block, its role and rule) in the result; default false. */
  explain?: boolean
  /**
   * What the text is: 'markdown' (scraped text, markdown or nearly, in any of the markdown dialects),
   * 'text' (plain text without markup: structure is inferred from line shapes), 'html' (a whole page,
   * converted to markdown first), or 'auto' (the default): HTML when the text starts as an HTML document
   * does (`<!DOCTYPE html>`, `<html>`), plain text when it has no link and next to no markup, else markdown.
   */
  inputFormat?: InputFormat
}

/** The values of {@link ExtractOptions.inputFormat}, for option parsers. */
export const INPUT_FORMATS = ['auto', 'markdown', 'text', 'html'] as const
export type InputFormat = (typeof INPUT_FORMATS)[number]
