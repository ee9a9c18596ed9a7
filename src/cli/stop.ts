/**
 * Stopping cleanly on SIGINT and SIGTERM: whatever a mode registers (stop the workers, remove its
 * temporary files, print its summary) runs once, then the signal is raised again with its default
 * action, so that the shell sees the process killed by it (status 130 or 143) as with any tool.
 */

/** Why the process ends early: a signal (a person, most often) or a reader that went away. */
export type StopReason = 'signal' | 'closed'

/** Work to do before the process ends early; may be async (stopping worker threads is). */
export type Cleanup = (reason: StopReason) => void | Promise<void>

const cleanups = new Set<Cleanup>()
let stopping = false

/** Registers `cleanup` to run if the process is stopped early; returns the function that unregisters it. */
export function onStop(cleanup: Cleanup): () => void {
  cleanups.add(cleanup)
  return () => cleanups.delete(cleanup)
}

/** Whether a stop has begun: long loops check it to submit no more work. */
export const isStopping = (): boolean => stopping

/**
 * For a mode that notices it is being stopped: waits for the end that the stop brings (it must not
 * go on to commit its outputs, nor print as if it had finished).
 */
export const untilStopped = (): Promise<never> => new Promise(() => undefined)

/** Runs every registered cleanup, newest first, each at most once. */
export async function runCleanups(reason: StopReason): Promise<void> {
  const pending = [...cleanups].reverse()
  cleanups.clear()
  for (const cleanup of pending) {
    try {
      await cleanup(reason)
    } catch {
      // Stopping anyway: one failed cleanup must not keep the others from running.
    }
  }
}

function stopOn(signal: NodeJS.Signals): void {
  if (stopping) return
  stopping = true
  void runCleanups('signal').finally(() => {
    process.removeAllListeners(signal)
    process.kill(process.pid, signal)
  })
}

/** Installs the SIGINT and SIGTERM handlers (once). */
export function handleStopSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    if (process.listenerCount(signal) === 0) process.on(signal, () => stopOn(signal))
  }
}

/** Ends the process now with `code` after the cleanups: for a reader that went away (EPIPE). */
export function stopWith(code: number): void {
  if (stopping) return
  stopping = true
  void runCleanups('closed').finally(() => process.exit(code))
}
