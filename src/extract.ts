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

/**
 * Extracts the article from the text of one raw scraped file. Pure: no I/O, no colour, no process.
 *
 * The pipeline, one module per stage:
 * normalize (core/normalize) → a whole HTML page converted to markdown (core/html), or the
 * dialect of scraped text brought to the markdown the parser reads (core/dialect) →
 * pathological nesting bounded (core/guard) → plain menu lines
 * set aside (core/navigation) → parse with
 * unified + remark-parse (core/parse) → blocks with
 * features (core/blocks, core/features) → classify, each block a role and a rule (core/classify)
 * → assemble the Article (core/assemble).
 *
 * Never throws on any string input; an article without a headline or body says so in `warnings`.
 */
export function extract(text: string, options: ExtractOptions = {}): Article {
  const normalized = normalizeText(text)
  const format = options.inputFormat ?? 'auto'
  const html = needsHtmlConverter(normalized, format) ? readHtml(normalized) : undefined
  const reading = html ? undefined : readDialect(normalized, format === 'html' ? 'auto' : format)
  const source = html ? html.markdown : reading!.markdown
  const {markdown, navigation} = splitNavigation(guardMarkdown(source))
  const blocks = mergeBlocks(toBlocks(parseMarkdown(markdown)), navigation)
  // Blocks name lines of the input the user holds, not of the text the dialect stage wrote.
  if (reading) for (const block of blocks) block.line = reading.origin[block.line - 1] ?? block.line
  const scored = scoreBlocks(blocks)
  const classification = classify(scored)
  const dates = {dayFirst: pageWritesDayFirst(source)}
  const input: InputInfo = html
    ? {format: 'html', dialect: 'html'}
    : {format: reading!.dialect === 'text' ? 'text' : 'markdown', dialect: reading!.dialect, ...(options.explain ? {changes: reading!.changes} : {})}
  const article = assemble(blocks, classification, {file: options.file ?? null, explain: options.explain ?? false, dates, input})
  // Block line numbers (--explain) then count lines of the converted text, not of the HTML.
  if (html) article.warnings.push(html.stripped ? `input read as HTML, ${html.stripped}: tags stripped` : 'input read as HTML and converted to markdown')
  return article
}
