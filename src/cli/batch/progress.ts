/**
 * A live progress line on stderr for people (a terminal), and the one-line summary at the end.
 */
import {formatDuration} from '../limits.js'

export interface Counts {
  done: number
  failed: number
  skipped: number
  /** Files found so far by the walk that works. */
  found: number
  /** All the files there are, once a walk has counted them to the end. */
  total?: number
  walkDone: boolean
}

const BAR_WIDTH = 24
/** Redraw at most this often, in milliseconds: drawing is cheap, terminals are not. */
const REDRAW_MS = 100

/**
 * The progress line for the counts after `seconds`. The rate is of files processed (done or failed):
 * skipped files cost next to nothing and would make a resumed run look fast. Without the total the
 * line says what it has found so far; with it, a bar and an ETA for the files still to go.
 */
export function progressLine(counts: Counts, seconds: number): string {
  const processed = counts.done + counts.failed
  const finished = processed + counts.skipped
  const rate = seconds > 0 ? processed / seconds : 0
  const failures = counts.failed ? `  failed ${counts.failed}` : ''
  const total = counts.walkDone ? counts.found : counts.total
  if (total === undefined) return `${finished} files done, ${counts.found} found so far (counting…)  ${rate.toFixed(1)} files/s  ${formatDuration(seconds)}${failures}`
  const share = total ? Math.min(1, finished / total) : 1
  const filled = Math.round(share * BAR_WIDTH)
  const eta = rate > 0 ? Math.max(0, total - finished) / rate : Infinity
  return `[${'='.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${finished}/${total}  ${rate.toFixed(1)} files/s  elapsed ${formatDuration(seconds)}  ETA ${formatDuration(eta)}${failures}`
}

/** The summary printed when the run ends (or, `stopped`, when it is stopped). */
export function summaryLine(counts: Counts, seconds: number, stopped?: 'stopped'): string {
  const rate = seconds > 0 ? (counts.done + counts.failed) / seconds : 0
  return `unscrape: ${stopped ? 'stopped: ' : ''}processed ${counts.done}, failed ${counts.failed}, skipped ${counts.skipped} in ${seconds.toFixed(1)} s (${rate.toFixed(1)} files/s)`
}

export interface Progress {
  /** Whether a live line is drawn at all (stderr is a terminal and not --quiet). */
  live: boolean
  update(counts: Counts): void
  /** Clears the live line. */
  stop(): void
}

/** A live line on `stream` when it is a terminal; does nothing otherwise. */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, started: number): Progress {
  if (!enabled || !stream.isTTY) return {live: false, update: () => undefined, stop: () => undefined}
  let last = 0
  let drawn = false
  return {
    live: true,
    update(counts) {
      const now = performance.now()
      if (now - last < REDRAW_MS) return
      last = now
      const line = progressLine(counts, (now - started) / 1000).slice(0, Math.max(20, (stream.columns || 80) - 1))
      stream.write(`\r\u001b[2K${line}`)
      drawn = true
    },
    stop() {
      if (drawn) stream.write('\r\u001b[2K')
      drawn = false
    },
  }
}
