/**
 * A date printed at a line's start in the day-first way ("1. Februar 2022", "15. März 2023") is, to
 * CommonMark, an ordered list item numbered 1 or 15: the day becomes a list number and the line reads
 * "Februar 2022" — a month without a day. Scrapers that escape the dot ("1\. Februar") avoid it; pandoc
 * and others do not. Such a line gets its dot escaped, so that it stays the date it is.
 */
import {findDates} from '../dates.js'
import type {DialectChange} from '../../types.js'
import type {MappedLines} from './mapped.js'

/** A line that CommonMark reads as an ordered item: indentation, a number, a dot, spaces, text. */
const NUMBERED = /^( {0,3})(\d{1,2})\.( +\S.*)$/

/** The lines with every day-first date at a line's start kept from becoming a list item. */
export function escapeDatesReadAsLists(input: MappedLines, changes: DialectChange[]): MappedLines {
  let lines: string[] | undefined
  input.lines.forEach((line, i) => {
    const numbered = NUMBERED.exec(line)
    if (!numbered) return
    const [, indent, day, rest] = numbered
    const date = findDates(`${day}.${rest}`)[0]
    if (date?.index !== 0) return
    lines ??= [...input.lines]
    lines[i] = `${indent}${day}\\.${rest}`
    changes.push({line: input.origin[i], endLine: input.origin[i], change: 'date-kept-from-list'})
  })
  return lines ? {lines, origin: input.origin} : input
}
