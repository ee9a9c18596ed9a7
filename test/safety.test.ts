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
import {gzipSync} from 'node:zlib'

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
    ? spawnSync('sh', ['-c', `${options.shell}; exec "$0" "$@"`, process.execPath, BIN, ...args], {input: options.input ?? '', cwd: options.cwd, env, encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL'})
    : spawnSync(process.execPath, [BIN, ...args], {input: options.input ?? '', cwd: options.cwd, env, encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL'})
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

/** A file of ordinary pages, `copies` times over: seconds of work, a lot of heap. */
function largePage(name: string, copies: number): string {
  const page = readFileSync(join(FIXTURES, 'gr-dev0001', 'input.md'), 'utf8')
  const path = join(work, name)
  if (!existsSync(path)) writeFileSync(path, `${page}\n\n`.repeat(copies))
  return path
}

describe('bounded work: a time and a memory budget per input', () => {
  it('--timeout: one line naming the budget, in one-file mode and in a batch, where the rest goes on', () => {
    const slow = largePage('slow.md', 600) // 3 MB: seconds of work
    const started = performance.now()
    const single = run([slow, '--timeout', '1s'])
    expect(single.code).toBe(1)
    expect(single.stderr).toBe(`unscrape: ${slow}: took longer than the --timeout of 1s\n`)
    const batch = run([slow, join(pages, '000.md'), '--timeout', '1s', '--jobs', '1', '--quiet'])
    expect(batch.code).toBe(1)
    expect(lines(batch.stdout)).toHaveLength(1)
    expect(JSON.parse(batch.stdout).file).toBe(join(pages, '000.md'))
    expect(lines(batch.stderr)).toEqual([`unscrape: ${slow}: took longer than the --timeout of 1s`])
    expect(performance.now() - started).toBeLessThan(KILL_AFTER_MS)
  }, 40_000)
  it('--max-memory: one line, no stack trace', () => {
    const large = largePage('slow.md', 600)
    const {code, stderr} = run([large, '--max-memory', '24MiB'])
    expect(code).toBe(1)
    expect(stderr).toBe(`unscrape: ${large}: over the memory budget of 24 MiB (--max-memory)\n`)
  }, 30_000)
  it('a long run of list markers ends in one line or a result, never a stack trace', () => {
    const markers = join(work, 'markers.md')
    writeFileSync(markers, '- '.repeat(3000) + 'item\n')
    const {code, stderr} = run([markers, '--timeout', '3s'])
    expect([0, 1]).toContain(code)
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(lines(stderr).length).toBeLessThanOrEqual(1)
  }, 30_000)
  it('--timeout and --max-memory values are parsed strictly', () => {
    for (const [option, value] of [['--timeout', 'soon'], ['--timeout', '-1s'], ['--max-memory', 'lots'], ['--max-memory', '0']]) {
      const {code, stderr} = run([join(pages, '000.md'), option, value])
      expect(code).toBe(2)
      expect(stderr).toMatch(new RegExp(`Expected \`${option}\``))
    }
  })
})

describe('FIFOs and other special files never hang', () => {
  it('a walk passes a FIFO by, with a note, and reads the rest', () => {
    const dir = scratch('walk-fifo')
    cpSync(join(pages, '000.md'), join(dir, 'a.md'))
    expect(spawnSync('mkfifo', [join(dir, 'pipe.md')]).status).toBe(0)
    const {code, stdout, stderr} = run([dir])
    expect(code).toBe(0)
    expect(lines(stdout)).toHaveLength(1)
    expect(stderr).toMatch(/pipe\.md: not a regular file \(a named pipe, a device or a socket\): skipped/)
  })
  it('a FIFO named on the command line with no writer is refused at once, alone or in a batch', () => {
    const dir = scratch('named-fifo')
    const fifo = join(dir, 'pipe.md')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const alone = run([fifo])
    expect(alone.code).toBe(1)
    expect(alone.stderr).toBe(`unscrape: ${fifo}: a named pipe with nothing to read (no process is writing to it)\n`)
    const batch = run([join(pages, '000.md'), fifo, '--quiet'])
    expect(batch.code).toBe(1)
    expect(lines(batch.stdout)).toHaveLength(1)
  })
  it('a FIFO with a writer and process substitution are read, gzip too', () => {
    const dir = scratch('fed-fifo')
    const fifo = join(dir, 'pipe.md')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const page = join(pages, '000.md')
    const fed = spawnSync('bash', ['-c', `(sleep 0.2; cat "$2") > "$3" & exec "$0" "$1" "$3" --format json`, process.execPath, BIN, page, fifo], {encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL'})
    expect(fed.status).toBe(0)
    expect(JSON.parse(fed.stdout).headline).toBeTruthy()
    const substituted = spawnSync('bash', ['-c', `exec "$0" "$1" <(gzip -c "$2") --format json`, process.execPath, BIN, page], {encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL'})
    expect(substituted.status).toBe(0)
    expect(JSON.parse(substituted.stdout).headline).toBe(JSON.parse(fed.stdout).headline)
  })
  it('a device named on the command line is refused at once', () => {
    const {code, stderr} = run(['/dev/zero'])
    expect(code).toBe(1)
    expect(stderr).toBe('unscrape: /dev/zero: not a regular file (a device)\n')
  })
})

describe('--jobs', () => {
  it.each(['1e3', '0x2', ' 2', '0', '-1'])('rejects %j: exit 2, one line', (value) => {
    const {code, stderr} = run([join(pages, '000.md'), join(pages, '001.md'), '--jobs', value])
    expect(code).toBe(2)
    expect(lines(stderr)).toHaveLength(1)
    expect(stderr).toMatch(/Expected `--jobs` to be a whole number/)
  })
  it('caps a number beyond a few per core, with a note, and still works', () => {
    const {code, stdout, stderr} = run([join(pages, '000.md'), join(pages, '001.md'), '--jobs', '1000', '--quiet'])
    expect(code).toBe(0)
    expect(lines(stdout)).toHaveLength(2)
    expect(stderr).toMatch(/^unscrape: --jobs 1000 is more than \d+ \(4 per core here\); using \d+\n$/)
  })
})

/** Spawns the bin with stdout piped, takes `wanted` lines, closes the pipe, and resolves with how and when it ended. */
async function readThenClose(args: string[], wanted: number, feed?: (stdin: NodeJS.WritableStream) => void): Promise<{code: number | null; signal: NodeJS.Signals | null; stderr: string; afterCloseMs: number; got: string[]}> {
  const child = spawn(process.execPath, [BIN, ...args], {stdio: [feed ? 'pipe' : 'ignore', 'pipe', 'pipe']})
  if (feed) {
    child.stdin!.on('error', () => undefined) // the child may stop before it has read all it was fed: that is the point
    feed(child.stdin!)
  }
  let stderr = ''
  let buffered = ''
  let closedAt = 0
  const got: string[] = []
  child.stderr.on('data', (chunk) => (stderr += chunk))
  child.stdout.on('data', (chunk: Buffer) => {
    if (closedAt) return
    buffered += chunk
    const parts = buffered.split('\n')
    buffered = parts.pop()!
    got.push(...parts)
    if (got.length >= wanted) {
      closedAt = performance.now()
      child.stdout.destroy()
    }
  })
  const killer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('exit', (c, s) => done([c, s])))
  clearTimeout(killer)
  return {code, signal, stderr, afterCloseMs: performance.now() - closedAt, got: got.slice(0, wanted)}
}

describe('a reader that goes away stops every mode at once, quietly', () => {
  it('batch JSONL | head -1: stops rather than go on to an input that never ends', async () => {
    const dir = scratch('epipe-batch')
    const fifo = join(dir, 'never.md')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    // A writer that holds the FIFO open and writes nothing: reading it would wait for the --timeout.
    const holder = spawn('sh', ['-c', `exec sleep 30 > "${fifo}"`])
    try {
      const result = await readThenClose([pages, fifo, '--jobs', '1'], 1)
      expect(result.signal).toBe(null)
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      expect(JSON.parse(result.got[0]).schema).toBe('unscrape/2')
    } finally {
      holder.kill()
    }
  }, 30_000)
  it('mapper | head -3: stops while stdin is still open', async () => {
    const record = JSON.stringify({id: 1, text: SEED}) + '\n'
    const result = await readThenClose(['--jsonl-in', '--jobs', '1'], 3, (stdin) => stdin.write(record.repeat(50)))
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.got.map((line) => JSON.parse(line).id)).toEqual([1, 1, 1])
  }, 30_000)
  it('one file | a reader that is gone: no error', () => {
    const {status, stderr} = spawnSync('sh', ['-c', `"$0" "$1" "$2" | true`, process.execPath, BIN, join(pages, '000.md')], {encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL'})
    expect(status).toBe(0)
    expect(stderr).toBe('')
  })
})

describe('mapper mode: an endless line', () => {
  it('/dev/zero on stdin ends with an error record and one line, within --max-size', () => {
    const result = spawnSync('sh', ['-c', `exec "$0" "$1" --jsonl-in --max-size 100kB < /dev/zero`, process.execPath, BIN], {encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL'})
    expect(result.status).toBe(1)
    expect(lines(result.stderr)).toEqual(['unscrape: line 1: longer than 266 kB (twice --max-size): stopped reading'])
    expect(JSON.parse(result.stdout)).toMatchObject({id: null, error: expect.stringMatching(/^line 1: longer than/)})
  })
})

describe('output problems: one line naming the option', () => {
  it('--output and --errors into a missing folder or through a file: exit 2, one line', () => {
    const dir = scratch('missing-out')
    writeFileSync(join(dir, 'afile'), 'x')
    for (const option of ['--output', '--errors']) {
      for (const target of [join(dir, 'no', 'such', 'x.jsonl'), join(dir, 'afile', 'x.jsonl'), '/sys/unscrape-test.jsonl']) {
        const {code, stderr} = run([join(pages, '000.md'), join(pages, '001.md'), option, target, '--quiet'])
        expect(code).toBe(2)
        expect(lines(stderr)).toHaveLength(1)
        expect(stderr).toMatch(new RegExp(`^unscrape: Cannot write \`${option} `))
      }
    }
  })
  it('stdout on a full device: one line, exit 1, in one-file and batch mode', () => {
    for (const args of [[join(pages, '000.md')], [join(pages, '000.md'), join(pages, '001.md'), '--quiet']]) {
      const result = spawnSync('sh', ['-c', 'exec "$0" "$@" > /dev/full', process.execPath, BIN, ...args], {encoding: 'utf8', timeout: KILL_AFTER_MS, killSignal: 'SIGKILL'})
      expect(result.status).toBe(1)
      expect(result.stderr).toBe('unscrape: stdout: no space left on device\n')
    }
  })
  it('--out through a file, or where nothing may be written: one usage error, not one per input', () => {
    const dir = scratch('bad-out')
    writeFileSync(join(dir, 'afile'), 'x')
    for (const out of [join(dir, 'afile', 'x'), '/sys/unscrape-test-out']) {
      const {code, stderr} = run([pages, '--out', out])
      expect(code).toBe(2)
      expect(lines(stderr)).toHaveLength(1)
      expect(stderr).toMatch(/^unscrape: Cannot write into `--out .*`: (a part of the path is not a directory|permission denied)/)
    }
  })
})

describe('the CLI contract', () => {
  const two = () => [join(pages, '000.md'), join(pages, '001.md')]
  it('batch --format text without --out: the texts, separated by form feeds', () => {
    const {code, stdout} = run([...two(), '--format', 'text', '--quiet'])
    expect(code).toBe(0)
    const texts = stdout.split('\f\n')
    expect(texts).toHaveLength(2)
    expect(texts[1]).toBe(run([join(pages, '001.md')]).stdout)
  })
  it('batch --format json without --out: one JSON array', () => {
    const {code, stdout} = run([...two(), '--format', 'json', '--quiet'])
    expect(code).toBe(0)
    const articles = JSON.parse(stdout)
    expect(articles.map((a: {file: string}) => a.file)).toEqual(two())
    expect(JSON.parse(run([join(pages, '000.md'), '--format', 'json', '--quiet', '--output', '-']).stdout)).toHaveLength(1)
  })
  it('--skip-existing finds the outputs of a run in the other format', () => {
    const few = scratch('resume-in')
    for (const name of ['000.md', '001.md', '002.md']) cpSync(join(pages, name), join(few, name))
    const out = join(work, 'resume-either')
    const first = run([few, '--out', out, '--format', 'json', '--quiet'])
    expect(first.code).toBe(0)
    const resumed = run([few, '--out', out, '--skip-existing'])
    expect(resumed.code).toBe(0)
    expect(resumed.stderr).toMatch(/processed 0, failed 0, skipped 3/)
    expect(readdirSync(out).filter((f) => f.endsWith('.txt'))).toEqual([])
  })
  it('Ctrl-C prints the summary', async () => {
    const out = join(work, 'interrupted')
    const result = await interrupt([pages, '--out', out, '--jobs', '1'], () => existsSync(out) && readdirSync(out).length > 0, 'SIGINT')
    expect(result.signal).toBe('SIGINT')
    expect(result.stderr).toMatch(/^unscrape: stopped: processed \d+, failed 0, skipped 0 in [\d.]+ s/m)
  }, 30_000)
  it('a walk that finds nothing says so and exits 1; it names the HTML pages it passed over', () => {
    const empty = scratch('empty')
    const nothing = run([empty])
    expect(nothing.code).toBe(1)
    expect(nothing.stderr).toMatch(/^unscrape: no input found in `.*empty` \(taken: \*\*\/\*\.txt, /)
    const saved = scratch('saved-pages')
    writeFileSync(join(saved, 'page.html'), '<!DOCTYPE html><title>x</title>')
    const hint = run([saved])
    expect(hint.code).toBe(1)
    expect(hint.stderr).toMatch(/1 HTML page was passed over: add --include '\*\*\/\*\.html'\n$/)
  })
  it('an invalid glob is bad usage', () => {
    const {code, stderr} = run([pages, '--include', '['])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^unscrape: Expected `--include` to be a glob; `\[` has a missing closing/)
  })
  it.each([
    [['--jsonl-in', 'a.md'], /--jsonl-in.* takes no paths/],
    [['--jsonl-in', '--out', 'x'], /takes no --out/],
    [['--jsonl-in', '--format', 'text'], /takes no --format text/],
    [['a.md', '--format', 'json', '--no-footer'], /--no-footer` shapes the text output only/],
    [['a.md', 'b.md', '--no-footer'], /--no-footer` shapes the text output only/],
    [['a.md', '--out', 'x', '--output', 'y'], /give one of them/],
  ])('contradictory options %j: exit 2, one line', (args, message) => {
    const {code, stderr} = run(args, {cwd: pages})
    expect(code).toBe(2)
    expect(lines(stderr)).toHaveLength(1)
    expect(stderr).toMatch(message)
  })
  it('a page with no article: its warning on stderr too, one line, exit 0', () => {
    const empty = join(work, 'blank.md')
    writeFileSync(empty, '\n\n')
    const {code, stderr} = run([empty])
    expect(code).toBe(0)
    expect(stderr).toBe(`unscrape: ${empty}: no article found (empty input, no article body found)\n`)
  })
})

describe('.gz inputs', () => {
  it('are read transparently: by name, from stdin, in a walk, HTML by its inner name', () => {
    const dir = scratch('gz')
    const page = readFileSync(join(pages, '000.md'))
    writeFileSync(join(dir, 'a.md.gz'), gzipSync(page))
    writeFileSync(join(dir, 'p.html.gz'), gzipSync(readFileSync(join(FIXTURES, 'html-wcxb-dev0090', 'input.html'))))
    const plain = JSON.parse(run([join(pages, '000.md'), '--format', 'json']).stdout)
    expect(JSON.parse(run([join(dir, 'a.md.gz'), '--format', 'json']).stdout).body).toBe(plain.body)
    expect(JSON.parse(run(['--format', 'json'], {input: gzipSync(page)}).stdout).body).toBe(plain.body)
    expect(JSON.parse(run([join(dir, 'p.html.gz'), '--format', 'json']).stdout).warnings).toContain('input read as HTML and converted to markdown')
    const out = join(work, 'gz-out')
    expect(run([dir, '--out', out, '--format', 'json', '--quiet']).code).toBe(0)
    expect(readdirSync(out)).toEqual(['a.json'])
  }, 40_000)
  it('a gzip bomb stops at --max-size, counted after decompression', () => {
    const bomb = join(work, 'bomb.md.gz')
    writeFileSync(bomb, gzipSync(Buffer.alloc(20_000_000, 0x61)))
    const started = performance.now()
    const {code, stderr} = run([bomb, '--max-size', '1MB'])
    expect(code).toBe(1)
    expect(stderr).toBe(`unscrape: ${bomb}: decompressed, the input is over the --max-size limit of 1.00 MB\n`)
    expect(performance.now() - started).toBeLessThan(KILL_AFTER_MS)
  })
  it('sizes in MB are 1,000,000 bytes', () => {
    const path = join(work, 'just-over.md')
    writeFileSync(path, 'word '.repeat(204_000)) // 1,020,000 bytes: over 1 MB, under 1 MiB
    expect(run([path, '--max-size', '1MB']).stderr).toMatch(/file is 1\.02 MB, over the --max-size limit of 1\.00 MB/)
    expect(run([path, '--max-size', '1MiB', '--format', 'json']).code).toBe(0)
  })
})
