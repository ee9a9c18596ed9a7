/**
 * Stage 2: markdown to a syntax tree with unified + remark-parse (CommonMark), a piece at a time
 * (core/chunks) with every position shifted back to where it stands in the whole text.
 */
import {unified} from 'unified'
import remarkParse from 'remark-parse'
import type {Nodes, Root, RootContent} from 'mdast'
import {CHUNK_CHARS, FENCE, chunksOf, htmlBlockLeftOpen, type Chunk} from './chunks.js'

const processor = unified().use(remarkParse)

/**
 * A piece whose last block runs on past its end (a fence or an HTML block still open) is parsed
 * again with the pieces after it, until it has doubled; past this size the rest is parsed in one.
 */
const MAX_PIECE_CHARS = 256 * 1024

/** Parses markdown text into an mdast tree. Positions are kept: blocks report their line. */
export function parseMarkdown(text: string, chunkChars = CHUNK_CHARS): Root {
  const chunks = chunksOf(text, chunkChars)
  if (chunks.length === 1) return processor.parse(text)
  const root: Root = {type: 'root', children: [], position: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}}
  for (let next = 0; next < chunks.length; ) {
    let piece = chunks[next++]
    if (piece.paragraph) {
      root.children.push(piece.paragraph)
      root.position!.end = {...piece.paragraph.position!.end}
      continue
    }
    let tree = processor.parse(piece.text)
    // The cut was made where CommonMark closes every block, unless a fence or HTML block was still open.
    while (next < chunks.length && runsOn(tree.children.at(-1), piece.text)) {
      const target = piece.text.length >= MAX_PIECE_CHARS ? Infinity : 2 * piece.text.length
      while (next < chunks.length && piece.text.length < target) piece = join(piece, chunks[next++])
      tree = processor.parse(piece.text)
    }
    for (const child of tree.children) shift(child, piece.lineOffset, piece.charOffset)
    for (const child of tree.children) root.children.push(child)
    if (tree.position) root.position!.end = {...tree.position.end, line: tree.position.end.line + piece.lineOffset, offset: (tree.position.end.offset ?? 0) + piece.charOffset}
  }
  return root
}

function join(first: Chunk, second: Chunk): Chunk {
  return {text: first.text + second.text, lineOffset: first.lineOffset, charOffset: first.charOffset}
}

/**
 * Whether a piece's last block, or the last block inside it (a fence in a list item), is a fenced
 * code block or an HTML block that the piece's end left open.
 */
function runsOn(last: RootContent | undefined, source: string): boolean {
  for (let node: Nodes | undefined = last; node; node = 'children' in node ? node.children.at(-1) : undefined) {
    if (isOpen(node, source)) return true
  }
  return false
}

function isOpen(last: Nodes, source: string): boolean {
  if (!last.position || (last.type !== 'code' && last.type !== 'html')) return false
  const raw = source.slice(last.position.start.offset, last.position.end.offset)
  if (last.type === 'code') {
    const fence = FENCE.exec(raw)?.[1]
    if (!fence) return false
    const lines = raw.trimEnd().split('\n')
    const closing = lines.length > 1 ? lines[lines.length - 1].trim() : ''
    return !(closing.length >= fence.length && [...closing].every((c) => c === fence[0]))
  }
  return htmlBlockLeftOpen(raw) !== undefined
}

function shift(node: Nodes, lines: number, chars: number): void {
  if (node.position) {
    const {start, end} = node.position
    start.line += lines
    end.line += lines
    if (start.offset !== undefined) start.offset += chars
    if (end.offset !== undefined) end.offset += chars
  }
  if ('children' in node) for (const child of node.children) shift(child, lines, chars)
}
