/**
 * Running tasks with N worker threads (piscina) or, for one job, in this thread — with results
 * handed back in submission order whatever order they finish in, and at most `window` in flight.
 */
import {Piscina} from 'piscina'
import {runTask, type Task, type TaskResult} from './task.js'

export interface OrderedRunner {
  /** Queues a task; waits while too many are in flight. `onDone` is called in submission order. */
  submit(task: Task, onDone: (result: TaskResult) => void): Promise<void>
  /** Waits for every submitted task and stops the workers. */
  close(): Promise<void>
  /** Stops at once: the worker threads are terminated, whatever they were doing. */
  stop(): Promise<void>
}

/**
 * Heap limits per worker. Without them V8 lets each worker's heap grow long before collecting, and
 * two workers plus the main thread peaked at 350 MB on the dev corpus. The young generation is the
 * trade: the parser allocates fast and dies young, so 16 MB meant a scavenge every few files; 32 MB
 * runs the dev corpus with --jobs 2 in 8.4–8.5 s at about 255 MB, 48 MB in 8.2–8.3 s but 20,000
 * files 10 % slower, 64 MB at 340 MB (README, Performance). The old-generation cap stays far above
 * what any file under the default --max-size needs; it also sets how eagerly V8 grows the heap
 * (below 2 GB by at most 2× between full collections, from 2 GB by 4×), which is what keeps memory
 * down: 2048 MB ran the dev corpus in 7.7–7.9 s but peaked at 310–350 MB on its 736 files alone,
 * past the 300 MB budget of a large run.
 */
const WORKER_HEAP = {maxYoungGenerationSizeMb: 32, maxOldGenerationSizeMb: 1536}

/** Tasks in flight per worker: enough to keep threads busy. */
const IN_FLIGHT_PER_JOB = 4
/** Results held back behind a slow one, per worker, before submission waits: bounds memory. */
const UNDELIVERED_PER_JOB = 64

export function createRunner(jobs: number): OrderedRunner {
  const pool = jobs > 1 ? new Piscina({filename: new URL('./worker.js', import.meta.url).href, minThreads: jobs, maxThreads: jobs, resourceLimits: WORKER_HEAP}) : undefined
  const run = (task: Task): Promise<TaskResult> => (pool ? (pool.run(task) as Promise<TaskResult>) : runTask(task))
  const window = Math.max(1, jobs) * IN_FLIGHT_PER_JOB
  const backlog = Math.max(1, jobs) * UNDELIVERED_PER_JOB
  let delivered: (() => void)[] = []

  // Once stopped, nothing more is run and nothing more is delivered.
  let stopped = false
  let nextToSubmit = 0
  let nextToDeliver = 0
  const finished = new Map<number, {result: TaskResult; onDone: (r: TaskResult) => void}>()
  const inFlight = new Set<Promise<void>>()

  const deliver = (): void => {
    if (stopped) return
    for (let entry = finished.get(nextToDeliver); entry; entry = finished.get(nextToDeliver)) {
      finished.delete(nextToDeliver)
      nextToDeliver++
      entry.onDone(entry.result)
    }
    const waiting = delivered
    delivered = []
    for (const wake of waiting) wake()
  }

  return {
    async submit(task, onDone) {
      if (stopped) return
      while (inFlight.size >= window) await Promise.race(inFlight)
      while (nextToSubmit - nextToDeliver >= backlog) await new Promise<void>((wake) => delivered.push(wake))
      const sequence = nextToSubmit++
      const promise = run(task)
        .catch((error: unknown): TaskResult => ({status: 'failed', error: error instanceof Error ? error.message : String(error), bytes: 0}))
        .then((result) => {
          finished.set(sequence, {result, onDone})
          deliver()
        })
        .finally(() => inFlight.delete(promise))
      inFlight.add(promise)
    },
    async close() {
      while (inFlight.size) await Promise.race(inFlight)
      deliver()
      await pool?.destroy()
    },
    async stop() {
      stopped = true
      await pool?.destroy()
    },
  }
}
