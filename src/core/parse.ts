/**
 * Stage 2: markdown to a syntax tree with unified + remark-parse (CommonMark).
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import type {Root} from 'mdast'

const processor = unified().use(remarkParse)

/** Parses markdown text into an mdast tree. Positions are kept: blocks report their line. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text)
}
