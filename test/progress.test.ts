/** The batch progress line and summary, as text, and the live line on a stand-in terminal. */
import {describe, expect, it} from 'vitest'
import {createProgress, progressLine, summaryLine} from '../src/cli/batch/progress.js'

describe('progress', () => {
  it('counts what is done so far while the walk is still counting', () => {
    const line = progressLine({done: 40, failed: 2, skipped: 0, found: 100, walkDone: false}, 4)
    expect(line).toBe('42 files done, 100 found so far (counting…)  10.5 files/s  4s  failed 2')
  })
  it('shows the total, a bar and the ETA as soon as the counting walk has finished, before the working one', () => {
    const line = progressLine({done: 50, failed: 0, skipped: 0, found: 60, total: 100, walkDone: false}, 10)
    expect(line).toBe('[============            ] 50/100  5.0 files/s  elapsed 10s  ETA 10s')
  })
  it('shows a bar, the rate, elapsed time and ETA once the total is known', () => {
    const line = progressLine({done: 50, failed: 0, skipped: 0, found: 100, walkDone: true}, 10)
    expect(line).toBe('[============            ] 50/100  5.0 files/s  elapsed 10s  ETA 10s')
  })
  it('counts only processed files in the rate: a resume that skips most files is not fast', () => {
    const line = progressLine({done: 10, failed: 0, skipped: 990, found: 2000, total: 2000, walkDone: false}, 10)
    expect(line).toBe('[============            ] 1000/2000  1.0 files/s  elapsed 10s  ETA 16m40s')
  })
  it('ends with one summary line; a stopped run says so', () => {
    expect(summaryLine({done: 98, failed: 2, skipped: 5, found: 105, walkDone: true}, 20)).toBe('unscrape: processed 98, failed 2, skipped 5 in 20.0 s (5.0 files/s)')
    expect(summaryLine({done: 8, failed: 0, skipped: 0, found: 105, walkDone: false}, 2, 'stopped')).toBe('unscrape: stopped: processed 8, failed 0, skipped 0 in 2.0 s (4.0 files/s)')
  })
  it('draws on a terminal only, and stop() clears the line it drew', () => {
    const written: string[] = []
    const terminal = {isTTY: true, columns: 80, write: (text: string) => written.push(text)} as unknown as NodeJS.WriteStream
    const progress = createProgress(terminal, true, performance.now() - 1000)
    expect(progress.live).toBe(true)
    progress.update({done: 1, failed: 0, skipped: 0, found: 3, walkDone: false})
    progress.stop()
    expect(written).toHaveLength(2)
    expect(written[0]).toMatch(/^\r\u001b\[2K1 files done, 3 found so far/)
    expect(written[1]).toBe('\r\u001b[2K')
    const piped = createProgress({...terminal, isTTY: false} as unknown as NodeJS.WriteStream, true, 0)
    expect(piped.live).toBe(false)
  })
})
