/**
 * The V8 flags apply however the bin is started: `node bin/unscrape.js` re-runs itself once with
 * them (bin/v8-flags.js), and exit codes, signals, stdin and stdout pass through. Which processes
 * ran, with what flags, is seen by a module preloaded into every Node process through NODE_OPTIONS.
 * Needs `npm run build`.
 */
import {afterAll, describe, expect, it} from 'vitest'
import {spawn, spawnSync} from 'node:child_process'
import {closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {missingFlags, REEXEC_MARKER, V8_FLAGS} from '../bin/v8-flags.js'

const BIN = fileURLToPath(new URL('../bin/unscrape.js', import.meta.url))
const SEED = fileURLToPath(new URL('../fixtures/seed-globalresearch/input.md', import.meta.url))
/** Each test spawns the bin (two Node starts) up to three times: room for a loaded machine. */
const SPAWNS = 60_000
const dir = mkdtempSync(join(tmpdir(), 'unscrape-flags-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

const PROBE = join(dir, 'probe.cjs')
writeFileSync(
  PROBE,
  `const {appendFileSync} = require('node:fs')
if (require('node:worker_threads').isMainThread && process.env.PROBE_LOG) {
  const log = (event) => appendFileSync(process.env.PROBE_LOG, JSON.stringify({event, pid: process.pid, ppid: process.ppid, execArgv: process.execArgv, wrote: event === 'exit' ? process.stdout.bytesWritten ?? null : null}) + '\\n')
  log('start')
  process.on('exit', () => log('exit'))
}
`,
)

interface ProbeRecord {
  event: 'start' | 'exit'
  pid: number
  ppid: number
  execArgv: string[]
  wrote: number | null
}

let logs = 0
function probeEnv(): {env: NodeJS.ProcessEnv; records: () => ProbeRecord[]} {
  const log = join(dir, `probe-${logs++}.jsonl`)
  const {[REEXEC_MARKER]: _marker, ...env} = process.env
  return {
    env: {...env, NODE_OPTIONS: `--require ${PROBE}`, PROBE_LOG: log},
    records: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as ProbeRecord) : []),
  }
}

const hasFlags = (record: ProbeRecord) => V8_FLAGS.every((flag: string) => record.execArgv.includes(flag))

describe('the V8 flags, however unscrape is started', () => {
  it('`node bin/unscrape.js` runs the work in one child that has the flags', () => {
    const probe = probeEnv()
    const result = spawnSync(process.execPath, [BIN, SEED, '--format', 'json'], {env: probe.env, encoding: 'utf8'})
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).headline).toBe('Breaking: ISIS Terrorists Advancing on Palmyra amid Ceasefire in Aleppo')
    const started = probe.records().filter((r) => r.event === 'start')
    expect(started).toHaveLength(2)
    const [parent, child] = started
    expect(hasFlags(parent)).toBe(false)
    expect(hasFlags(child)).toBe(true)
    expect(child.ppid).toBe(parent.pid)
    // The article came from the child: the parent wrote nothing to stdout.
    const exits = probe.records().filter((r) => r.event === 'exit')
    expect(exits.find((r) => r.pid === child.pid)?.wrote).toBe(Buffer.byteLength(result.stdout))
    expect(exits.find((r) => r.pid === parent.pid)?.wrote).toBe(0)
  }, SPAWNS)
  it('started with the flags (the bench, a tuned launcher), it runs in one process', () => {
    const probe = probeEnv()
    const result = spawnSync(process.execPath, [...V8_FLAGS, BIN, SEED, '--format', 'json'], {env: probe.env, encoding: 'utf8'})
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout).headline).toContain('Palmyra')
    const started = probe.records().filter((r) => r.event === 'start')
    expect(started).toHaveLength(1)
    expect(hasFlags(started[0])).toBe(true)
  }, SPAWNS)
  it('re-executes only when a flag is missing, never twice, never under a debugger', () => {
    expect(missingFlags([], {})).toEqual(V8_FLAGS)
    expect(missingFlags(['--max-old-space-size=500', V8_FLAGS[0]], {})).toEqual(V8_FLAGS.slice(1))
    expect(missingFlags(V8_FLAGS, {})).toEqual([])
    expect(missingFlags([], {[REEXEC_MARKER]: '123'})).toEqual([])
    expect(missingFlags(['--inspect-brk'], {})).toEqual([])
  })
})

describe('through the re-execution', () => {
  const run = (args: string[], input = '') => {
    const {[REEXEC_MARKER]: _marker, ...env} = process.env
    return spawnSync(process.execPath, [BIN, ...args], {input, env, encoding: 'utf8'})
  }
  it('exit codes and stderr pass through: 1 for an input that fails, 2 for bad usage', () => {
    const missing = run([join(dir, 'gone.md')])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toBe(`unscrape: ${join(dir, 'gone.md')}: no such file\n`)
    const usage = run(['--jobs', '0'])
    expect(usage.status).toBe(2)
    expect(usage.stderr).toMatch(/^unscrape: .*--jobs.*\n$/)
  }, SPAWNS)
  it('stdin passes through to the mapper, one line out per line in', () => {
    const seed = readFileSync(SEED, 'utf8')
    const result = run(['--jsonl-in', '--jobs', '1', '--quiet'], `${JSON.stringify({id: 'a', text: seed})}\nnot json\n`)
    expect(result.status).toBe(1)
    const lines = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(lines.map((line) => [line.id, Boolean(line.error)])).toEqual([['a', false], [null, true]])
  }, SPAWNS)
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`${signal} to the parent stops the child too`, async () => {
      const probe = probeEnv()
      // The mapper waits on stdin, a FIFO this test holds open at both ends: it never sees the end of
      // its input, so only the signal ends it. (A pipe from spawn() would be closed when the parent goes.)
      const fifo = join(dir, `stdin-${signal}`)
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
      const stdin = openSync(fifo, 'r+')
      const parent = spawn(process.execPath, [BIN, '--jsonl-in', '--jobs', '1'], {env: probe.env, stdio: [stdin, 'ignore', 'ignore']})
      const childPid = await startedChild(probe.records, parent.pid!)
      const ended = new Promise<NodeJS.Signals | null>((resolve) => parent.on('exit', (_code, how) => resolve(how)))
      parent.kill(signal)
      expect(await ended).toBe(signal)
      // SIGTERM is passed on, and the parent ends by it only once the child has ended (and been reaped);
      // SIGKILL cannot be passed on: the child sees its parent gone through the lifeline, and stops.
      if (signal === 'SIGTERM') expect(isRunning(childPid)).toBe(false)
      const deadline = Date.now() + 5000
      while (isRunning(childPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(isRunning(childPid)).toBe(false)
      closeSync(stdin)
    }, SPAWNS)
  }
})

/** The pid of the re-executed child of `parent`, once its probe has logged its start. */
function startedChild(records: () => ProbeRecord[], parent: number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const deadline = Date.now() + 15000
    const poll = setInterval(() => {
      const child = records().find((r) => r.event === 'start' && r.ppid === parent)
      if (child || Date.now() > deadline) {
        clearInterval(poll)
        if (child) resolve(child.pid)
        else reject(new Error('the child never started'))
      }
    }, 50)
  })
}

/** Whether a process is alive (a zombie, already ended but not yet reaped, counts as ended). */
function isRunning(pid: number): boolean {
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}
