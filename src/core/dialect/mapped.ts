/**
 * Text rewritten line by line, each line of the result remembering the input line it came from, so
 * that blocks found in the rewritten text can name the lines of the file the user holds.
 */
import type {DialectChange} from '../../types.js'

export type {DialectChange}

/** Lines of text and, for each, the 1-based line of the original input it came from. */
export interface MappedLines {
  lines: string[]
  /** origin[i] is the input line of lines[i]. */
  origin: number[]
}

/** The input's own lines, each its own origin. */
export function identity(text: string): MappedLines {
  const lines = text.split('\n')
  return {lines, origin: lines.map((_, i) => i + 1)}
}

/** Builds MappedLines one line at a time. */
export class MappedBuilder {
  readonly lines: string[] = []
  readonly origin: number[] = []

  push(line: string, from: number): void {
    this.lines.push(line)
    this.origin.push(from)
  }

  result(): MappedLines {
    return {lines: this.lines, origin: this.origin}
  }
}
