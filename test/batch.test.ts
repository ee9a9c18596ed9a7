/** Batch mode and the --jsonl-in mapper, on temporary folders, through the real bin. */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import {fileURLToPath} from 'node:url'

const BIN = fileURLToPath(new URL('../bin/unscrape.js', import.meta.url))
const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url))

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], {input, encoding: 'utf8', env: {...process.env, FORCE_COLOR: undefined}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function listFiles(root: string, dir = root): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(root, path))
    else out.push(relative(root, path))
  }
  return out.sort()
}

let work: string
let tree: string
const cases = readdirSync(FIXTURES).filter((c) => c.startsWith('gr-')).slice(0, 12)

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'unscrape-batch-'))
  tree = join(work, 'in')
  cases.forEach((c, i) => {
    const dir = join(tree, i % 2 ? 'odd' : 'even', i % 3 ? '' : 'deeper')
    mkdirSync(dir, {recursive: true})
    cpSync(join(FIXTURES, c, 'input.md'), join(dir, `${c}.md`))
  })
  writeFileSync(join(tree, 'notes.csv'), 'not, an, article\n')
  mkdirSync(join(tree, '.hidden'))
  writeFileSync(join(tree, '.hidden', 'secret.md'), '# Hidden\n\nNot to be read by default.\n')
})
afterAll(() => rmSync(work, {recursive: true, force: true}))

describe('batch over folders', () => {
  it('mirrors the input tree under --out, one .json per input, hidden files and other extensions skipped', () => {
    const out = join(work, 'out-mirror')
    const {code, stderr} = run([tree, '--out', out, '--format', 'json', '--jobs', '2'])
    expect(code).toBe(0)
    const inputs = listFiles(tree).filter((f) => f.endsWith('.md') && !f.startsWith('.'))
    expect(inputs).toHaveLength(12)
    expect(listFiles(out)).toEqual(inputs.map((f) => f.replace(/\.md$/, '.json')).sort())
    const first = JSON.parse(readFileSync(join(out, inputs[0].replace(/\.md$/, '.json')), 'utf8'))
    expect(first.schema).toBe('unscrape/2')
    expect(stderr).toMatch(/processed 12, failed 0, skipped 0/)
  })

  it('writes JSONL in path order, the same for --jobs 1 and --jobs 4', () => {
    const one = run([tree, '--format', 'jsonl', '--jobs', '1', '--quiet'])
    const four = run([tree, '--format', 'jsonl', '--jobs', '4', '--quiet'])
    expect(one.code).toBe(0)
    expect(four.stdout).toBe(one.stdout)
    const files = one.stdout.trim().split('\n').map((line) => JSON.parse(line).file)
    expect(files).toHaveLength(12)
    expect([...files].sort()).toEqual(files)
  })

  it('reports a failing file and goes on with the rest; exit code 1; --errors as JSONL', () => {
    const mixed = join(work, 'mixed')
    cpSync(tree, mixed, {recursive: true})
    writeFileSync(join(mixed, 'image.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
    const unreadable = join(mixed, 'locked.md')
    writeFileSync(unreadable, 'text')
    chmodSync(unreadable, 0o000)
    const errors = join(work, 'errors.jsonl')
    const {code, stdout, stderr} = run([mixed, '--format', 'jsonl', '--errors', errors])
    expect(code).toBe(1)
    expect(stdout.trim().split('\n').length).toBeGreaterThanOrEqual(12)
    expect(stderr).toMatch(/image\.md: not a text file/)
    const logged = readFileSync(errors, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
    expect(logged.map((e) => e.error)).toContain('not a text file')
    if (process.getuid?.() !== 0) expect(stderr).toMatch(/locked\.md: permission denied/)
  })

  it('resumes a run stopped midway with --skip-existing: every output present, none written twice', async () => {
    const big = join(work, 'big')
    for (let i = 0; i < 60; i++) cpSync(join(FIXTURES, cases[i % cases.length], 'input.md'), join(big, `${String(i).padStart(3, '0')}.md`))
    const out = join(work, 'out-resume')
    // Its own process group, killed whole: the bin and the child it re-runs itself in (bin/v8-flags.js) stop at once.
    const child = spawn(process.execPath, [BIN, big, '--out', out, '--format', 'json', '--jobs', '1', '--quiet'], {detached: true})
    await new Promise<void>((done) => {
      const timer = setInterval(() => {
        if (existsSync(out) && listFiles(out).filter((f) => f.endsWith('.json')).length >= 10) {
          clearInterval(timer)
          process.kill(-child.pid!, 'SIGKILL')
          done()
        }
      }, 5)
    })
    await new Promise((done) => child.on('exit', done))
    const before = new Map(listFiles(out).filter((f) => f.endsWith('.json')).map((f) => [f, statSync(join(out, f)).mtimeMs]))
    expect(before.size).toBeLessThan(60)
    for (const f of before.keys()) JSON.parse(readFileSync(join(out, f), 'utf8'))

    const resumed = run([big, '--out', out, '--format', 'json', '--skip-existing'])
    expect(resumed.code).toBe(0)
    expect(resumed.stderr).toMatch(new RegExp(`processed ${60 - before.size}, failed 0, skipped ${before.size}`))
    const after = listFiles(out).filter((f) => !f.startsWith('.'))
    expect(after).toHaveLength(60)
    for (const [f, mtime] of before) expect(statSync(join(out, f)).mtimeMs).toBe(mtime)
  }, 40_000)

  it('never feeds its own output back in when --out is inside the input tree', () => {
    const nested = join(work, 'nested')
    cpSync(tree, nested, {recursive: true})
    const first = run([nested, '--out', join(nested, 'clean'), '--format', 'json'])
    const second = run([nested, '--out', join(nested, 'clean'), '--format', 'json'])
    expect(first.code).toBe(0)
    expect(second.stderr).toMatch(/processed 12,/)
    expect(listFiles(join(nested, 'clean')).some((f) => f.includes('clean'))).toBe(false)
  })

  it('survives a symlink loop, and follows links only when asked', () => {
    const looped = join(work, 'looped')
    cpSync(tree, looped, {recursive: true})
    symlinkSync(looped, join(looped, 'even', 'loop'))
    const plain = run([looped, '--format', 'jsonl', '--quiet'])
    const followed = run([looped, '--format', 'jsonl', '--quiet', '--follow-symlinks'])
    expect(plain.code).toBe(0)
    expect(followed.code).toBe(0)
    expect(plain.stdout.trim().split('\n')).toHaveLength(12)
    expect(followed.stdout.trim().split('\n')).toHaveLength(12)
  })

  it('takes --include and --exclude globs', () => {
    const only = run([tree, '--format', 'jsonl', '--quiet', '--exclude', 'odd/**'])
    expect(only.stdout.trim().split('\n')).toHaveLength(6)
    const csv = run([tree, '--format', 'jsonl', '--quiet', '--include', '**/*.csv'])
    expect(csv.stdout.trim().split('\n')).toHaveLength(1)
  })
})

describe('--jsonl-in mapper', () => {
  it('keeps order and line count, carries ids, and marks a bad record with error', () => {
    const texts = cases.slice(0, 5).map((c) => readFileSync(join(FIXTURES, c, 'input.md'), 'utf8'))
    const lines = [
      JSON.stringify({id: 'a', text: texts[0]}),
      JSON.stringify({id: 2, text: texts[1]}),
      '{not json',
      JSON.stringify({id: 'no-text'}),
      JSON.stringify({id: 'e', text: texts[2]}),
      '',
      JSON.stringify({id: 'g', text: texts[3]}),
    ]
    const {code, stdout} = run(['--jsonl-in', '--jobs', '2'], lines.join('\n') + '\n')
    expect(code).toBe(1)
    const records = stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(records).toHaveLength(lines.length)
    expect(records.map((r) => r.id)).toEqual(['a', 2, null, 'no-text', 'e', null, 'g'])
    expect(records.map((r) => Boolean(r.error))).toEqual([false, false, true, true, false, true, false])
    expect(records[0].schema).toBe('unscrape/2')
    expect(records[0].headline).toBeTruthy()
  })
})
