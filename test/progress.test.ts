/** The batch progress line and summary, as text (the live redraw itself needs a terminal). */
import {describe, expect, it} from 'vitest'
import {progressLine, summaryLine} from '../src/cli/batch/progress.js'

describe('progress', () => {
  it('counts what is done so far while the walk is still counting', () => {
    const line = progressLine({done: 40, failed: 2, skipped: 0, found: 100, walkDone: false}, 4)
    expect(line).toBe('42 files done, 100 found so far (counting…)  10.5 files/s  4s  failed 2')
  })
  it('shows a bar, the rate, elapsed time and ETA once the total is known', () => {
    const line = progressLine({done: 50, failed: 0, skipped: 0, found: 100, walkDone: true}, 10)
    expect(line).toBe('[============            ] 50/100  5.0 files/s  elapsed 10s  ETA 10s')
  })
  it('ends with one summary line', () => {
    expect(summaryLine({done: 98, failed: 2, skipped: 5, found: 105, walkDone: true}, 20)).toBe('unscrape: processed 98, failed 2, skipped 5 in 20.0 s (5.0 files/s)')
  })
})
