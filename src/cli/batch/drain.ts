/**
 * Waiting for a slow reader of the output (batch JSONL, the mapper): a run holds back rather than let
 * output pile up in memory.
 */
import type {Writable} from 'node:stream'

/**
 * Resolves when `sink` drains, or errors or closes (a full disk, a closed pipe: the run's own handlers
 * report those; waiting on would hang). `settled` runs first. One listener of each kind at a time.
 */
export function untilDrained(sink: NodeJS.WritableStream, settled: () => void): Promise<void> {
  // A stream that has already failed or closed sends none of these events again.
  const state = sink as Partial<Pick<Writable, 'destroyed' | 'closed' | 'errored'>>
  if (state.destroyed || state.closed || state.errored) {
    settled()
    return Promise.resolve()
  }
  return new Promise((done) => {
    const finish = (): void => {
      sink.removeListener('drain', finish)
      sink.removeListener('error', finish)
      sink.removeListener('close', finish)
      settled()
      done()
    }
    sink.once('drain', finish)
    sink.once('error', finish)
    sink.once('close', finish)
  })
}
