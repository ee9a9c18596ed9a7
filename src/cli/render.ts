/**
 * Plain-text rendering of an Article for people, and of `--explain` listings. Colour comes from the
 * chalk instance the caller passes (level 0 when piped or NO_COLOR).
 */
import type {ChalkInstance} from 'chalk'
import type {Article, ExplainedBlock, InputInfo, MetadataDecision} from '../types.js'
import {sanitizeForTerminal} from '../core/normalize.js'

export interface RenderOptions {
  footer: boolean
  chalk: ChalkInstance
  /** Width of the rule before the footer. */
  width: number
}

/**
 * Headline, byline, dateline, tags, a blank line, the body, then the footer after a rule. Authors and
 * a date the page only declares (no byline or dateline printed) are shown as "By …" and the ISO date.
 */
export function renderText(article: Article, {footer, chalk, width}: RenderOptions): string {
  const head: string[] = []
  if (article.headline) head.push(chalk.bold(article.headline))
  const byline = article.byline ?? (article.authors.length ? `By ${article.authors.join(', ')}` : null)
  if (byline) head.push(byline)
  const dateline = article.dateline ?? article.date
  if (dateline) head.push(chalk.dim(dateline))
  for (const [label, values] of Object.entries(article.tags)) head.push(`${chalk.dim(`${label}:`)} ${values.join(', ')}`)
  const parts: string[] = []
  // Blank lines between header lines keep them separate blocks when the text is read again.
  if (head.length) parts.push(head.join('\n\n'))
  if (article.body) parts.push(article.body)
  if (footer && article.footer) parts.push(`${chalk.dim('─'.repeat(Math.min(width, 60)))}\n${chalk.dim(article.footer)}`)
  return sanitizeLines(parts.join('\n\n')) + '\n'
}

/** What an explained Article says besides its blocks (both optional: an Article passes as it is). */
export interface ExplainedInput {
  input?: InputInfo
  metadata?: readonly MetadataDecision[]
}

/**
 * First what the input was read as and what the dialect stage rewrote ("input  markdown
 * (wrapped-markdown)", then "  L12-14   wrapped-lines-joined" per change); then one line per block:
 * index, role, rule, line number and the start of its text; then, when the input declares anything
 * about itself, one line per metadata decision: the field, the rule, where the value was read and
 * the value.
 */
export function renderExplain(blocks: readonly ExplainedBlock[], {chalk, width}: RenderOptions, {input, metadata = []}: ExplainedInput = {}): string {
  const roleColour: Record<string, (s: string) => string> = {
    headline: chalk.bold,
    byline: chalk.cyan,
    dateline: chalk.cyan,
    tags: chalk.cyan,
    body: chalk.green,
    footer: chalk.yellow,
    removed: chalk.dim,
  }
  return renderInput(input, chalk) + blocks
    .map((b) => {
      const prefix = `${String(b.index).padStart(4)}  L${String(b.line).padEnd(5)} ${b.role.padEnd(8)} ${b.rule.padEnd(22)} `
      const room = Math.max(20, width - prefix.length)
      const text = sanitizeForTerminal(b.text.replace(/\s+/g, ' '))
      const shown = text.length > room ? `${text.slice(0, room - 1)}…` : text
      return (roleColour[b.role] ?? String)(prefix + shown)
    })
    .join('\n') + '\n' + renderMetadata(metadata, chalk, width)
}

/** What the input was read as, and each rewrite of the dialect stage with the input lines it concerned. */
function renderInput(input: InputInfo | undefined, chalk: ChalkInstance): string {
  if (!input) return ''
  const read = input.dialect === input.format ? input.format : `${input.format} (${input.dialect})`
  const changes = (input.changes ?? []).map((c) => {
    const lines = c.endLine > c.line ? `L${c.line}-${c.endLine}` : `L${c.line}`
    return `  ${lines.padEnd(10)} ${sanitizeForTerminal(c.change)}`
  })
  return chalk.dim([`input  ${read}`, ...changes].join('\n')) + '\n'
}

/** The metadata decisions under the blocks: "meta  authors   meta: author from JSON-LD   JSON-LD NewsArticle author: Jane Roe". */
function renderMetadata(metadata: readonly MetadataDecision[], chalk: ChalkInstance, width: number): string {
  if (!metadata.length) return ''
  const ruleWidth = Math.min(48, Math.max(...metadata.map((d) => d.rule.length)))
  const lines = metadata.map((d) => {
    const prefix = `  meta  ${d.field.padEnd(9)} ${d.rule.padEnd(ruleWidth)}  `
    const value = d.value === null ? '—' : Array.isArray(d.value) ? d.value.join(', ') : d.value
    const detail = sanitizeForTerminal(`${d.source}: ${value}`.replace(/\s+/g, ' '))
    const room = Math.max(20, width - prefix.length)
    return chalk.cyan(prefix) + (detail.length > room ? `${detail.slice(0, room - 1)}…` : detail)
  })
  return `\n${lines.join('\n')}\n`
}

/** Terminal safety for multi-line text: control characters out, line breaks kept. */
function sanitizeLines(text: string): string {
  return text
    .split('\n')
    .map((line) => sanitizeKeepingStyles(line))
    .join('\n')
}

// chalk's own SGR sequences are the only escapes we emit; the article text was already normalised,
// so stripping here only guards against anything that slipped through.
function sanitizeKeepingStyles(line: string): string {
  return line.replace(/[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u007F-\u009F]/g, '')
}
