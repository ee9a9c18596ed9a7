/**
 * A fast path before parsing. Scraped pages carry long runs of menu lines — list items that are
 * nothing but one link — and remark-parse is slowest exactly there (0.1–0.2 MB/s on pages with
 * thousands of them). Such lines need no parser to be understood: they are taken out of the text
 * given to the parser (as blank lines, so line numbers hold) and become blocks directly, so
 * `--explain` still lists every one of them.
 */
import type {ParsedBlock} from './blocks.js'
import {countWords} from './text.js'
import {fenceReader} from './chunks.js'

/** "* [Home](/)", "  - [About us](#)": a bullet, one link with plain text, nothing else. */
const NAV_LINE = /^( *)[-*+] +\[([^\[\]\\*_`<>!&]*)\]\(([^()\s]*)\) *$/
/** Runs shorter than this are left to the parser: a short list may be part of the article. */
const MIN_RUN = 4

export interface SplitText {
  /** The text for the parser, navigation lines blanked. */
  markdown: string
  /** The navigation lines as blocks (index unset until merged). */
  navigation: ParsedBlock[]
}

function navBlock(line: number, indent: number, text: string, url: string): ParsedBlock {
  const words = countWords(text)
  return {
    index: -1,
    kind: 'listItem',
    line,
    depth: 0,
    listDepth: Math.floor(indent / 2) + 1,
    quoted: false,
    listMarker: '-',
    text: text.trim(),
    words,
    linkWords: words,
    linkDensity: 1,
    linkOnly: true,
    punctuation: 0,
    images: 0,
    links: [{text: text.trim(), url}],
    imageAlts: [],
  }
}

/** Takes runs of plain navigation lines out of `text`. */
export function splitNavigation(text: string): SplitText {
  const lines = text.split('\n')
  const navigation: ParsedBlock[] = []
  const fenceAt = fenceReader()
  let runStart = -1
  let runBlocks: ParsedBlock[] = []
  let runLines: number[] = []

  const endRun = (): void => {
    if (runLines.length >= MIN_RUN) {
      for (const i of runLines) lines[i] = ''
      // A loop, not push(...runBlocks): a run can hold more lines than the call stack has slots for arguments.
      for (const block of runBlocks) navigation.push(block)
    }
    runStart = -1
    runBlocks = []
    runLines = []
  }

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    // Inside a fenced code block nothing is navigation.
    const place = fenceAt(line)
    if (place === 'fence') endRun()
    if (place !== 'text') continue
    const nav = NAV_LINE.exec(line)
    if (nav) {
      if (runStart < 0) runStart = i
      runBlocks.push(navBlock(i + 1, nav[1].length, nav[2], nav[3]))
      runLines.push(i)
    } else if (line.trim() !== '') {
      endRun()
    }
  }
  endRun()
  return {markdown: navigation.length ? lines.join('\n') : text, navigation}
}

/** Parsed blocks and navigation blocks in line order, indexed from 0. */
export function mergeBlocks(parsed: ParsedBlock[], navigation: ParsedBlock[]): ParsedBlock[] {
  if (!navigation.length) return parsed
  const merged: ParsedBlock[] = []
  let n = 0
  for (const block of parsed) {
    while (n < navigation.length && navigation[n].line < block.line) merged.push(navigation[n++])
    merged.push(block)
  }
  while (n < navigation.length) merged.push(navigation[n++])
  merged.forEach((block, index) => (block.index = index))
  return merged
}
