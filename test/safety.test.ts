/**
 * The CLI attacked with bad situations (issue 15): outputs that must never damage anything, work that
 * must stay bounded, errors that must stay one line. Each case spawns the real bin under a kill timer
 * of its own besides vitest's timeout. Device nodes need root (the tests and CI run as root).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawn, spawnSync, type SpawnSyncReturns} from 'node:child_process'
import {cpSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'

const BIN = fileURLToPath(new URL('../bin/unscrape.js', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))
const SEED = readFileSync(join(FIXTURES, 'seed-globalresearch', 'input.md'), 'utf8')
const isRoot = process.getuid?.() === 0
/** The child's own limit: a hang fails the test instead of stalling the suite. */
const KILL_AFTER_MS = 15_000

interface Ran {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

function run(args: string[], options: {input?: string | Buffer; cwd?: string; shell?: string} = {}): Ran {
  const env = {...process.env, FORCE_COLOR: undefined} as NodeJS.ProcessEnv
  const result: SpawnSyncReturns<string> = options.shell
    ? spawnSync('sh', ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, BIN, ...args], {input: options.input ?? '', cwd: options.cwd, env, encoding: 'utf8', timeout: KILL_AFTER_MS})
    : spawnSync(process.execPath, [BIN, ...args], {input: options.input ?? '', cwd: options.cwd, env, encoding: 'utf8', timeout: KILL_AFTER_MS})
  return {code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr}
}

const lines = (text: string): string[] => text.trimEnd().split('\n').filter(Boolean)
const temporaries = (dir: string): string[] => readdirSync(dir, {recursive: true, encoding: 'utf8'}).filter((name) => name.endsWith('.tmp'))

let work: string
let pages: string
const PAGE_COUNT = 240

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'unscrape-safety-'))
  pages = join(work, 'pages')
  mkdirSync(pages)
  const sources = readdirSync(FIXTURES).filter((c) => c.startsWith('gr-'))
  for (let i = 0; i < PAGE_COUNT; i++) cpSync(join(FIXTURES, sources[i % sources.length], 'input.md'), join(pages, `${String(i).padStart(3, '0')}.md`))
})
afterAll(() => rmSync(work, {recursive: true, force: true}))

function scratch(name: string): string {
  const dir = join(work, name)
  mkdirSync(dir, {recursive: true})
  return dir
}

describe('--output never damages what is there', () => {
  // mknod needs root; the suite runs as root here and in CI.
  it.skipIf(!isRoot)('a device node is written to, never replaced', () => {
    const dir = scratch('device')
    const full = join(dir, 'full')
    expect(spawnSync('mknod', [full, 'c', '1', '7']).status).toBe(0) // the same device as /dev/full
    const {code, stderr} = run([join(pages, '000.md'), join(pages, '001.md'), '--output', full, '--quiet'])
    expect(lstatSync(full).isCharacterDevice()).toBe(true)
    expect(code).toBe(1)
    expect(stderr).toBe(`unscrape: --output ${full}: no space left on device\n`)
    expect(temporaries(dir)).toEqual([])
  })
  // A private null device and /dev/fd/1, not /dev/null and /dev/stdout: a regression here must not
  // damage the machine's own /dev.
  it.skipIf(!isRoot)('a null device discards, /dev/fd/1 is stdout', () => {
    const dir = scratch('null')
    const nullDevice = join(dir, 'null')
    expect(spawnSync('mknod', ['-m', '666', nullDevice, 'c', '1', '3']).status).toBe(0)
    const none = run([join(pages, '000.md'), '--format', 'jsonl', '--output', nullDevice, '--quiet'])
    expect(none).toMatchObject({code: 0, stdout: '', stderr: ''})
    expect(lstatSync(nullDevice).isCharacterDevice()).toBe(true)
    const one = run([join(pages, '000.md'), '--format', 'jsonl', '--output', '/dev/fd/1', '--quiet'])
    expect(one.code).toBe(0)
    expect(JSON.parse(one.stdout).schema).toBe('unscrape/2')
  })
  it('a symbolic link is kept; what it points at gets the output', () => {
    const dir = scratch('link')
    writeFileSync(join(dir, 'target.jsonl'), 'old\n')
    symlinkSync('target.jsonl', join(dir, 'link.jsonl'))
    const {code} = run([join(pages, '000.md'), '--output', join(dir, 'link.jsonl'), '--quiet'])
    expect(code).toBe(0)
    expect(lstatSync(join(dir, 'link.jsonl')).isSymbolicLink()).toBe(true)
    expect(JSON.parse(readFileSync(join(dir, 'target.jsonl'), 'utf8')).schema).toBe('unscrape/2')
  })
  it('an input is never written over, whatever name reaches it: exit 2, the input untouched', () => {
    const dir = scratch('self')
    const input = join(dir, 'a.md')
    writeFileSync(input, SEED)
    linkSync(input, join(dir, 'hard.jsonl'))
    symlinkSync('a.md', join(dir, 'soft.jsonl'))
    for (const output of [input, join(dir, 'hard.jsonl'), join(dir, 'soft.jsonl')]) {
      const {code, stderr} = run([input, join(pages, '000.md'), '--output', output])
      expect(code).toBe(2)
      expect(lines(stderr)).toHaveLength(1)
      expect(stderr).toMatch(/is one of the inputs/)
      expect(readFileSync(input, 'utf8')).toBe(SEED)
    }
    // Found by the walk rather than named: the run stops and the file stays.
    const walked = run([dir, '--include', '**/*.jsonl', '--output', join(dir, 'hard.jsonl')])
    expect(walked.code).toBe(2)
    expect(readFileSync(input, 'utf8')).toBe(SEED)
    expect(temporaries(dir)).toEqual([])
  })
  it('a named pipe with no reader is refused at once; with one it is written to', async () => {
    const dir = scratch('fifo-out')
    const fifo = join(dir, 'pipe')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const alone = run([join(pages, '000.md'), '--output', fifo, '--quiet'])
    expect(alone.code).toBe(2)
    expect(alone.stderr).toMatch(/--output .*pipe.*no process is reading/)
    const reader = spawn('cat', [fifo])
    let read = ''
    reader.stdout.on('data', (chunk) => (read += chunk))
    await new Promise((done) => setTimeout(done, 100))
    const fed = run([join(pages, '000.md'), '--output', fifo, '--quiet'])
    await new Promise((done) => reader.on('close', done))
    expect(fed.code).toBe(0)
    expect(JSON.parse(read).schema).toBe('unscrape/2')
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })
})

describe('--out never damages the inputs', () => {
  it('--out equal to or above an input folder is bad usage (exit 2), and nothing is written', () => {
    const dir = scratch('out-over')
    cpSync(join(pages, '000.md'), join(dir, 'in', 'a.md'))
    for (const out of [join(dir, 'in'), dir]) {
      const {code, stdout, stderr} = run([join(dir, 'in'), '--out', out])
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(lines(stderr)).toHaveLength(1)
      expect(stderr).toMatch(/--out .* (is|holds) the input folder/)
    }
    expect(readdirSync(join(dir, 'in'))).toEqual(['a.md'])
  })
  it('an output that is a link or a hard link to the input is left alone and reported', () => {
    const dir = scratch('out-links')
    const input = join(dir, 'in', 'a.json')
    cpSync(join(pages, '000.md'), input)
    mkdirSync(join(dir, 'out'))
    linkSync(input, join(dir, 'out', 'a.json'))
    const hard = run([input, '--out', join(dir, 'out'), '--format', 'json', '--quiet'])
    expect(hard.code).toBe(1)
    expect(hard.stderr).toMatch(/output would overwrite the input/)
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(join(pages, '000.md'), 'utf8'))
    rmSync(join(dir, 'out', 'a.json'))
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out', 'a.json'))
    const soft = run([input, '--out', join(dir, 'out'), '--format', 'json', '--quiet'])
    expect(soft.code).toBe(1)
    expect(soft.stderr).toMatch(/a symbolic link is in the way, left alone/)
    expect(lstatSync(join(dir, 'out', 'a.json')).isSymbolicLink()).toBe(true)
    expect(existsSync(join(dir, 'elsewhere'))).toBe(false)
  })
})

/** Starts the bin, waits until `ready()` holds, sends `signal`, and resolves with how it ended. */
async function interrupt(args: string[], ready: () => boolean, signal: NodeJS.Signals): Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}> {
  const child = spawn(process.execPath, [BIN, ...args], {stdio: ['ignore', 'ignore', 'pipe']})
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
  const ended = new Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string}>((done) => child.on('close', (code, sig) => done({code, signal: sig, stderr})))
  const poll = setInterval(() => {
    if (ready()) {
      clearInterval(poll)
      child.kill(signal)
    }
  }, 5)
  const result = await ended
  clearInterval(poll)
  clearTimeout(killer)
  return result
}

describe('temporary files are removed on signals and write errors', () => {
  it.each([
    ['SIGINT', '1'],
    ['SIGTERM', '2'],
  ] as const)('--output, %s with --jobs %s: no temporary file left, ended by the signal', async (signal, jobs) => {
    const dir = scratch(`signal-output-${signal}`)
    const output = join(dir, 'all.jsonl')
    const result = await interrupt([pages, '--output', output, '--jobs', jobs, '--quiet'], () => temporaries(dir).length > 0, signal)
    expect(result.signal).toBe(signal)
    expect(temporaries(dir)).toEqual([])
    expect(existsSync(output)).toBe(false)
  }, 30_000)
  it.each([
    ['SIGINT', '1'],
    ['SIGTERM', '2'],
  ] as const)('--out, %s with --jobs %s: no temporary file left', async (signal, jobs) => {
    const out = join(work, `signal-out-${signal}`)
    const result = await interrupt([pages, '--out', out, '--jobs', jobs, '--quiet'], () => existsSync(out) && readdirSync(out).length > 0, signal)
    expect(result.signal).toBe(signal)
    expect(temporaries(out)).toEqual([])
    expect(readdirSync(out).length).toBeLessThan(PAGE_COUNT)
  }, 30_000)
  it('a write error (file size limit) on --output and on --out: one line naming the option, no temporary file', () => {
    const dir = scratch('write-error')
    const output = run([pages, '--output', join(dir, 'all.jsonl'), '--quiet'], {shell: 'ulimit -f 8'})
    expect(output.code).toBe(1)
    expect(lines(output.stderr)).toEqual([`unscrape: --output ${join(dir, 'all.jsonl')}: file too large`])
    const out = run([join(FIXTURES, 'gr-dev0001', 'input.md'), pages, '--out', join(dir, 'out'), '--jobs', '1', '--quiet'], {shell: 'ulimit -f 1'})
    expect(out.code).toBe(1)
    expect(lines(out.stderr)).toHaveLength(1)
    expect(out.stderr).toMatch(/^unscrape: --out .*out: cannot write .*: file too large\n$/)
    expect(temporaries(dir)).toEqual([])
  })
})
