import type {Article, ExtractOptions, InputInfo} from './types.js'
import {normalizeText} from './core/normalize.js'
import {parseMarkdown} from './core/parse.js'
import {toBlocks} from './core/blocks.js'
import {mergeBlocks, splitNavigation} from './core/navigation.js'
import {guardMarkdown} from './core/guard.js'
import {scoreBlocks} from './core/features.js'
import {classify} from './core/classify.js'
import {assemble} from './core/assemble.js'
import {pageWritesDayFirst} from './core/dates.js'
import {needsHtmlConverter, readHtml} from './core/html.js'
import {readDialect} from './core/dialect/index.js'
import {applyDeclared, weighDeclared} from './core/meta/reconcile.js'
import {readFrontMatter} from './core/meta/front-matter.js'

/**
 * Extracts the article from the text of one raw scraped file. Pure: no I/O, no colour, no process.
 *
 * The pipeline, one module per stage:
 * normalize (core/normalize) → a whole HTML page converted to markdown (core/html), its declared
 * metadata read from the same parse (core/meta), or a scraped text's front matter read and blanked
 * (core/meta/front-matter) and its dialect brought to the markdown the parser reads (core/dialect) →
 * pathological nesting bounded (core/guard) → plain menu lines
 * set aside (core/navigation) → parse with
 * unified + remark-parse (core/parse) → blocks with
 * features (core/blocks, core/features) → classify, each block a role and a rule (core/classify)
 * → the declared metadata weighed against the text (core/meta/reconcile) → assemble the Article
 * (core/assemble), then fill and correct it from the declarations.
 *
 * Never throws on any string input; an article without a headline or body says so in `warnings`.
 * Anything else (a Buffer, a number, undefined) is a TypeError that says what it got.
 */
export function extract(text: string, options: ExtractOptions = {}): Article {
  if (typeof text !== 'string') throw new TypeError(`extract: expected the text as a string, got ${describeValue(text)}`)
  const normalized = normalizeText(text)
  const format = options.inputFormat ?? 'auto'
  const html = needsHtmlConverter(normalized, format) ? readHtml(normalized) : undefined
  // Scraped text may keep its page's metadata at the top (front matter, a reader's header): read, and blanked.
  const front = html ? undefined : readFrontMatter(normalized)
  const reading = html ? undefined : readDialect(front?.text ?? normalized, format === 'html' ? 'auto' : format)
  const source = html ? html.markdown : reading!.markdown
  const {markdown, navigation} = splitNavigation(guardMarkdown(source))
  const blocks = mergeBlocks(toBlocks(parseMarkdown(markdown)), navigation)
  // Blocks name lines of the input the user holds, not of the text the dialect stage wrote.
  if (reading) for (const block of blocks) block.line = reading.origin[block.line - 1] ?? block.line
  const scored = scoreBlocks(blocks)
  const classification = classify(scored)
  // What the page declares about itself is weighed against the text (core/meta/reconcile).
  const metadata = html?.metadata ?? front?.metadata
  const declared = metadata && weighDeclared(metadata, scored, classification)
  const dates = {dayFirst: pageWritesDayFirst(source)}
  const input: InputInfo = html
    ? {format: 'html', dialect: 'html'}
    : {format: reading!.dialect === 'text' ? 'text' : 'markdown', dialect: reading!.dialect, ...(options.explain ? {changes: reading!.changes} : {})}
  const article = assemble(blocks, classification, {file: options.file ?? null, explain: options.explain ?? false, dates, input})
  if (declared) applyDeclared(article, declared, {explain: options.explain ?? false, front})
  // Block line numbers (--explain) then count lines of the converted text, not of the HTML.
  if (html) article.warnings.push(html.stripped ? `input read as HTML, ${html.stripped}: tags stripped` : 'input read as HTML and converted to markdown')
  return article
}

/** What a caller passed instead of a string, in a word or two ("number", "null", "a Buffer"). */
function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  const name = Object.getPrototypeOf(value)?.constructor?.name
  return name && name !== 'Object' ? `a ${name}` : 'an object'
}
