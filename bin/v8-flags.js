// The V8 flags unscrape runs under, and the one re-execution that applies them however it was
// started (`node bin/unscrape.js`, npx, a global install, a script, Dask or Spark `pipe`).
// README, Performance. Plain JavaScript, loaded before anything else: deciding costs no module load.
//
// --single-threaded-gc: the parser allocates heavily and V8's helper GC threads compete with the
// worker threads for the same cores; measured 25% faster with one job and 35% with two.
// --interrupt-budget: the parser makes fresh closures for every construct it tries, and with the
// default budget (66 KB of bytecode) V8 recompiles them with TurboFan again and again on a
// background thread, a third of a second core; 1 MB spends that budget on work: --jobs 2 is 15%
// faster, --jobs 1 the same.
//
// Why a child process: V8 flags are per process and read when V8 starts. NODE_OPTIONS refuses both,
// worker threads cannot take them (execArgv), and v8.setFlagsFromString('--single-threaded-gc')
// after start-up aborts V8 at the next full collection (its concurrent marker is already set up).
import {spawn} from 'node:child_process'
import {Socket} from 'node:net'
import {constants} from 'node:os'

export const V8_FLAGS = ['--single-threaded-gc', '--interrupt-budget=1000000']

/**
 * Set in the child to the parent's pid: stops a second re-execution, tells the child that it has a
 * lifeline (stopWithParent) and where the command line's raw bytes are (src/cli/argv.ts). Internal.
 */
export const REEXEC_MARKER = 'UNSCRAPE_REEXEC_PARENT'

/**
 * Signals passed on to the child: it decides what they mean, and this process then ends alike. (A
 * terminal's Ctrl-C reaches both processes, so the child sees it twice; unscrape stops on the first.
 * SIGKILL cannot be passed on: the child then runs to its end on its own.)
 */
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2']

/** The child's descriptor for the lifeline: a pipe whose other end only the parent holds. */
const LIFELINE_FD = 3

/**
 * In the re-executed child: when the parent goes without passing a signal on (SIGKILL, a crash), the
 * kernel closes its end of the lifeline; the child then stops as if sent SIGTERM (between files)
 * instead of running on unseen.
 */
export function stopWithParent(env = process.env) {
  // Not compared with process.ppid: a parent killed while the child was starting is already gone,
  // and its end of the lifeline already closed, which ends the child at once.
  if (env[REEXEC_MARKER] === undefined) return
  let lifeline
  try {
    lifeline = new Socket({fd: LIFELINE_FD, readable: true, writable: false})
  } catch {
    return // no lifeline: the variable was set by hand
  }
  const stop = () => process.kill(process.pid, 'SIGTERM')
  lifeline.on('end', stop)
  lifeline.on('error', stop)
  lifeline.resume()
  lifeline.unref()
}

/** The flags this process lacks; none when re-executing is off or cannot help (a debugger is attached). */
export function missingFlags(execArgv = process.execArgv, env = process.env) {
  if (env[REEXEC_MARKER] !== undefined) return []
  // Two processes cannot share one inspector port; a debugging session runs without the flags.
  if (execArgv.some((arg) => /^--inspect/.test(arg))) return []
  return V8_FLAGS.filter((flag) => !execArgv.includes(flag))
}

/**
 * Runs `script` again in a child Node with the missing flags (stdio shared, signals forwarded) and
 * ends this process as the child ended: its exit code, or the signal that killed it. Resolves to
 * true when the child has ended, or to false when it could not be started (e.g. a command line too
 * long to pass twice): the caller then runs in this process, without the flags.
 */
export function reexecWithFlags(script, flags) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...process.argv.slice(2)], {
      // stdin, stdout and stderr shared; the lifeline is a pipe of its own (see stopWithParent).
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      env: {...process.env, [REEXEC_MARKER]: String(process.pid)},
    })
    const forward = (signal) => child.kill(signal)
    for (const signal of FORWARDED) process.on(signal, forward)
    child.on('error', () => {
      // Only a child that never started (no pid) means "run here"; a failed kill() also lands here.
      if (child.pid !== undefined) return
      for (const signal of FORWARDED) process.off(signal, forward)
      resolve(false)
    })
    child.on('exit', (code, signal) => {
      for (const signal of FORWARDED) process.off(signal, forward)
      if (signal) {
        // Die of the same signal, so that a shell or a scheduler sees what happened to the work; where
        // this process ignores it (Node ignores SIGPIPE), exit as a shell reports it: 128 + its number.
        process.exitCode = 128 + (constants.signals[signal] ?? 0)
        process.kill(process.pid, signal)
      } else {
        process.exitCode = code ?? 1
      }
      resolve(true)
    })
  })
}
