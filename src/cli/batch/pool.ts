/**
 * Running tasks in worker threads, each under a time and a memory budget, with results handed back
 * in submission order whatever order they finish in, and at most `window` in flight.
 *
 * Every mode runs its extraction here (one file too), so that no input can stall the run: a task
 * over its time budget has its worker terminated and fails with a one-line reason; one over its
 * memory budget ends its worker by V8's heap limit and fails the same way. Workers start on demand,
 * so a run never has more of them than it has inputs in flight.
 */
import {Worker} from 'node:worker_threads'
import {formatDuration} from '../limits.js'
import {removeQuietly} from '../output-target.js'
import type {Task, TaskResult} from './task.js'

/** What one task may spend. */
export interface Budget {
  /** Wall-clock time per task from the moment a worker takes it, in milliseconds; 0 for none. */
  timeoutMs: number
  /** Old-generation heap per worker, in MB (V8's resourceLimits). */
  memoryMb: number
}

export interface OrderedRunner {
  /** Queues a task; waits while too many are in flight. `onDone` is called in submission order. */
  submit(task: Task, onDone: (result: TaskResult) => void): Promise<void>
  /** Waits for every submitted task and stops the workers. */
  close(): Promise<void>
  /** Stops at once: the worker threads are terminated, whatever they were doing. */
  stop(): Promise<void>
}

/**
 * The young generation per worker. The parser allocates fast and dies young, so 16 MB meant a
 * scavenge every few files; 32 MB runs the dev corpus with --jobs 2 in 8.4–8.5 s at about 255 MB,
 * 48 MB in 8.2–8.3 s but 20,000 files 10 % slower, 64 MB at 340 MB (README, Performance). The old
 * generation's cap is the memory budget; it also sets how eagerly V8 grows the heap (below 2 GB by at
 * most 2× between full collections), which is what keeps memory down.
 */
const YOUNG_GENERATION_MB = 32
/**
 * A lone worker (--jobs 1, one file, the mapper's default) gets 64 MB: 5–7 % less CPU than 32 MB
 * over 402 dev files (two rounds at load 9–14), at 185 MB instead of 145 MB peak; the 300 MB budget
 * is one of --jobs 2, whose two workers keep 32 MB each (64 MB each: no faster, 285 MB on 402 files).
 */
const LONE_YOUNG_GENERATION_MB = 64

/** Tasks in flight per worker: enough to keep threads busy. */
const IN_FLIGHT_PER_JOB = 4
/** Results held back behind a slow one, per worker, before submission waits: bounds memory. */
const UNDELIVERED_PER_JOB = 64

interface Pending {
  task: Task
  settle: (result: TaskResult | Promise<TaskResult>) => void
}

interface Slot {
  worker: Worker
  /** The worker has loaded its modules: a task's time starts only then. */
  ready: boolean
  current?: Pending
  timer?: NodeJS.Timeout
}

/**
 * The result a task gets when its worker is ended under it; may be a promise, so that the main
 * thread can load what it needs to say so (the mapper's error record) only when it happens.
 */
export type LostHandler = (task: Task, error: string) => TaskResult | Promise<TaskResult>

/** The failure a task gets when its worker is ended under it (the mapper adds its error record). */
const failure = (_task: Task, error: string): TaskResult => ({status: 'failed', error, bytes: 0})

/** A fixed number of worker threads taking tasks from one queue. */
class WorkerPool {
  private readonly slots = new Set<Slot>()
  private readonly queue: Pending[] = []
  private stopped = false

  constructor(
    private readonly size: number,
    private readonly budget: Budget,
    private readonly onLost: LostHandler,
  ) {}

  run(task: Task): Promise<TaskResult> {
    return new Promise((settle) => {
      this.queue.push({task, settle})
      this.dispatch()
    })
  }

  private dispatch(): void {
    while (!this.stopped && this.queue.length) {
      const idle = [...this.slots].find((s) => s.ready && !s.current)
      if (!idle) {
        // Start another worker only when every one is busy (or starting) with work of its own.
        const starting = [...this.slots].filter((s) => !s.ready).length
        if (this.slots.size < this.size && starting < this.queue.length) this.spawn()
        return
      }
      const slot = idle
      this.start(slot, this.queue.shift()!)
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      resourceLimits: {maxYoungGenerationSizeMb: this.size === 1 ? LONE_YOUNG_GENERATION_MB : YOUNG_GENERATION_MB, maxOldGenerationSizeMb: this.budget.memoryMb},
      stdout: false,
      stderr: false,
    })
    const slot: Slot = {worker, ready: false}
    worker.on('message', (message: TaskResult | 'ready') => {
      if (message !== 'ready') return this.finish(slot, message)
      slot.ready = true
      this.dispatch()
    })
    worker.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `over the memory budget of ${this.budget.memoryMb} MiB (--max-memory)` : `failed: ${error.message.split('\n')[0]}`
      this.lose(slot, reason)
    })
    worker.on('exit', () => this.lose(slot, 'the worker stopped'))
    this.slots.add(slot)
    return slot
  }

  private start(slot: Slot, pending: Pending): void {
    slot.current = pending
    slot.worker.postMessage(pending.task)
    if (this.budget.timeoutMs > 0) {
      slot.timer = setTimeout(() => {
        this.lose(slot, `took longer than the --timeout of ${formatDuration(this.budget.timeoutMs / 1000)}`)
        void slot.worker.terminate()
      }, this.budget.timeoutMs)
    }
  }

  private finish(slot: Slot, result: TaskResult): void {
    const pending = slot.current
    clearTimeout(slot.timer)
    slot.current = undefined
    pending?.settle(result)
    this.dispatch()
  }

  /** The slot's worker is gone (or going): its task fails with `reason`, and a new worker takes the queue. */
  private lose(slot: Slot, reason: string): void {
    if (!this.slots.delete(slot)) return
    clearTimeout(slot.timer)
    const pending = slot.current
    slot.current = undefined
    if (pending) {
      removeTemporary(pending.task, slot.worker)
      pending.settle(this.onLost(pending.task, reason))
    }
    this.dispatch()
  }

  async destroy(): Promise<void> {
    this.stopped = true
    const slots = [...this.slots]
    this.slots.clear()
    await Promise.all(slots.map((slot) => slot.worker.terminate()))
    for (const slot of slots) if (slot.current) removeTemporary(slot.current.task)
  }
}

/** A task's temporary output file, once its worker can no longer write it. */
function removeTemporary(task: Task, worker?: Worker): void {
  if (task.kind !== 'file' || !task.temporary) return
  const temporary = task.temporary
  if (worker) void worker.terminate().then(() => removeQuietly(temporary))
  else removeQuietly(temporary)
}

/** A runner over `jobs` workers (started as needed), every task under `budget`. */
export function createRunner(jobs: number, budget: Budget, onLost: LostHandler = failure): OrderedRunner {
  const pool = new WorkerPool(Math.max(1, jobs), budget, onLost)
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
      if (stopped) return
      const sequence = nextToSubmit++
      const promise = pool.run(task).then((result) => {
        finished.set(sequence, {result, onDone})
        deliver()
      })
      const tracked = promise.finally(() => inFlight.delete(tracked))
      inFlight.add(tracked)
    },
    async close() {
      while (inFlight.size) await Promise.race(inFlight)
      deliver()
      await pool.destroy()
    },
    async stop() {
      stopped = true
      for (const wake of delivered) wake()
      await pool.destroy()
    },
  }
}
