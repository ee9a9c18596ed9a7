/**
 * Waiting for a slow reader of the output (batch JSONL, the mapper): a run holds back rather than let
 * output pile up in memory.
 */

/**
 * Resolves when `sink` drains, or errors or closes (a full disk, a closed pipe: the run's own handlers
 * report those; waiting on would hang). `settled` runs first. One listener of each kind at a time.
 */
export function untilDrained(sink: NodeJS.WritableStream, settled: () => void): Promise<void> {
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
