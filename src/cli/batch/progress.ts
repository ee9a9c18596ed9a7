/**
 * A live progress line on stderr for people (a terminal), and the one-line summary at the end.
 */

export interface Counts {
  done: number
  failed: number
  skipped: number
  /** Files found so far; `total` once the walk is over. */
  found: number
  walkDone: boolean
}

const BAR_WIDTH = 24
/** Redraw at most this often, in milliseconds: drawing is cheap, terminals are not. */
const REDRAW_MS = 100

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—'
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  const m = Math.floor(s / 60)
  return m < 60 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`
}

/** The progress line for the counts after `seconds`. */
export function progressLine(counts: Counts, seconds: number): string {
  const finished = counts.done + counts.failed + counts.skipped
  const rate = seconds > 0 ? finished / seconds : 0
  const failures = counts.failed ? `  failed ${counts.failed}` : ''
  if (!counts.walkDone) return `${finished} files done, ${counts.found} found so far (counting…)  ${rate.toFixed(1)} files/s  ${formatDuration(seconds)}${failures}`
  const share = counts.found ? finished / counts.found : 1
  const filled = Math.round(share * BAR_WIDTH)
  const eta = rate > 0 ? (counts.found - finished) / rate : Infinity
  return `[${'='.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${finished}/${counts.found}  ${rate.toFixed(1)} files/s  elapsed ${formatDuration(seconds)}  ETA ${formatDuration(eta)}${failures}`
}

/** The summary printed when the run ends. */
export function summaryLine(counts: Counts, seconds: number): string {
  const rate = seconds > 0 ? (counts.done + counts.failed) / seconds : 0
  return `unscrape: processed ${counts.done}, failed ${counts.failed}, skipped ${counts.skipped} in ${seconds.toFixed(1)} s (${rate.toFixed(1)} files/s)`
}

export interface Progress {
  update(counts: Counts): void
  /** Clears the live line. */
  stop(): void
}

/** A live line on `stream` when it is a terminal; does nothing otherwise. */
export function createProgress(stream: NodeJS.WriteStream, enabled: boolean, started: number): Progress {
  if (!enabled || !stream.isTTY) return {update: () => undefined, stop: () => undefined}
  let last = 0
  let drawn = false
  return {
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
    },
  }
}
