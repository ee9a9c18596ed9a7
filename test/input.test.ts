/**
 * Bad input is expected input: each kind gets a real file made here and a defined behaviour,
 * checked through the real bin (one file) and, where it matters, in batch mode.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {gzipSync} from 'node:zlib'
import iconv from 'iconv-lite'
import {extract} from '../src/index.js'
import {rawCommandLinePaths} from '../src/cli/argv.js'

const BIN = fileURLToPath(new URL('../bin/unscrape.js', import.meta.url))
const SEED = readFileSync(new URL('../fixtures/seed-globalresearch/input.md', import.meta.url), 'utf8')

function run(args: string[], options: {cwd?: string; input?: string} = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {cwd: options.cwd, input: options.input ?? '', encoding: 'utf8', env: {...process.env, FORCE_COLOR: undefined}})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}
const json = (args: string[], options?: {cwd?: string; input?: string}) => JSON.parse(run([...args, '--format', 'json'], options).stdout)

let dir: string
const file = (name: string, data: string | Buffer): string => {
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'unscrape-input-'))
})
afterAll(() => rmSync(dir, {recursive: true, force: true}))

describe('encodings', () => {
  const reference = () => extract(SEED)
  it('an HTML page in Windows-1252 with CRLF is decoded, then converted', () => {
    const page = '<!DOCTYPE html>\r\n<html><body><h1>Caf\u00e9 r\u00e9ouvre ses portes \u00e0 Paris</h1>\r\n<p>Le caf\u00e9 historique a rouvert ses portes mardi apr\u00e8s deux ans de travaux.</p></body></html>'
    const article = json([file('page-1252.html', iconv.encode(page, 'win1252'))])
    expect(article.headline).toBe('Caf\u00e9 r\u00e9ouvre ses portes \u00e0 Paris')
    expect(article.warnings).toEqual(['input read as HTML and converted to markdown', 'input decoded as windows-1252'])
  })
  it('UTF-8 with a BOM reads like UTF-8', () => {
    const article = json([file('bom.md', '\uFEFF' + SEED)])
    expect(article.headline).toBe(reference().headline)
    expect(article.body).toBe(reference().body)
    expect(article.warnings).toEqual([])
  })
  it.each(['utf-16le', 'utf-16be'])('%s with a BOM is decoded and says so', (encoding) => {
    const article = json([file(`${encoding}.md`, iconv.encode(SEED, encoding, {addBOM: true}))])
    expect(article.body).toBe(reference().body)
    expect(article.warnings).toContain(`input decoded as ${encoding}`)
  })
  it('Windows-1252 is detected and decoded, not turned into U+FFFD', () => {
    const text = 'Caf\u00e9 \u201cquotes\u201d \u2014 na\u00efve r\u00e9sum\u00e9 of the \u00e9t\u00e9.\n\n' + SEED.replace(/[^\x00-\x7f]/g, "'")
    const article = json([file('cp1252.md', iconv.encode(text, 'windows-1252')), '--explain'])
    expect(JSON.stringify(article)).not.toContain('\uFFFD')
    expect(article.warnings).toContain('input decoded as windows-1252')
    expect(article.blocks[0].text).toBe('Café “quotes” — naïve résumé of the été.')
  })
  it('CRLF and lone CR line endings behave like LF', () => {
    const lf = json([file('lf.md', SEED)])
    expect(json([file('crlf.md', SEED.replace(/\n/g, '\r\n'))]).body).toBe(lf.body)
    expect(json([file('cr.md', SEED.replace(/\n/g, '\r'))]).body).toBe(lf.body)
  })
})

describe('not text', () => {
  it.each([
    ['png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])],
    ['pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1')],
    ['gzip of an image', gzipSync(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))],
    ['nul', Buffer.from('text with a \0 NUL byte in it')],
  ])('%s: one line "not a text file", exit 1, no output', (name, bytes) => {
    const path = file(`${name.replace(/ /g, '-')}.md`, bytes)
    const {code, stdout, stderr} = run([path])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe(`unscrape: ${path}: not a text file\n`)
  })
})

describe('size', () => {
  it.each([['empty', ''], ['whitespace-only', ' \n\t\n   \n']])('%s: an empty article with a warning, exit 0', (name, text) => {
    const {code, stdout} = run([file(`${name}.md`, text), '--format', 'json'])
    expect(code).toBe(0)
    const article = JSON.parse(stdout)
    expect(article).toMatchObject({headline: null, body: '', footer: ''})
    expect(article.warnings).toContain('empty input')
  })
  it('a file over --max-size: a clear error, nothing read', () => {
    const path = file('big.md', 'x'.repeat(3000))
    const {code, stderr} = run([path, '--max-size', '2k'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/over the --max-size limit of 2 kB/)
    expect(run(['-', '--max-size', '1k'], {input: 'y'.repeat(2000)}).stderr).toMatch(/over the --max-size limit/)
  })
  it('a bad --max-size value is bad usage', () => {
    expect(run([SEED, '--max-size', 'lots']).code).toBe(2)
  })
  it('a 10 MB single line and 200,000 short lines finish', () => {
    expect(extract('word '.repeat(2_000_000)).warnings).toEqual(['no headline found'])
    const shortLines = Array.from({length: 200_000}, (_, i) => `line ${i}`).join('\n')
    // As markdown the lines are one long paragraph.
    expect(extract(shortLines, {inputFormat: 'markdown'}).body.length).toBeGreaterThan(1_000_000)
    // Detected as plain text they are a run of short link-like lines; what matters is that it finishes.
    expect(extract(shortLines).input.dialect).toBe('text')
  }, 60_000)
})

describe('pathological markdown: bounded time, best-effort result', () => {
  it.each([
    ['10,000 nested quotes', '> '.repeat(10_000) + 'deep words here'],
    ['2,000 nested list levels', Array.from({length: 2000}, (_, i) => '  '.repeat(i) + '- item').join('\n')],
    ['100,000 unmatched [', '['.repeat(100_000) + ' tail words'],
    ['100,000 unmatched *', '*'.repeat(100_000) + ' tail words'],
    ['100,000 backticks', '`'.repeat(100_000) + ' tail words'],
    ['30,000 unclosed links', '[a](b '.repeat(30_000)],
    ['a 20,000-row table', Array.from({length: 20_000}, (_, i) => `| ${i} | cell | more |`).join('\n')],
    // One brace, then 500 kB of "name: value" pairs with no semicolon: a style-rule test that let
    // its repetitions overlap would backtrack for minutes here.
    ['a 500 kB style-like paragraph', '{' + 'ab: cd ef '.repeat(50_000)],
    ['50,000 spaces after "function"', ('function' + ' '.repeat(50_000)).repeat(4) + ' words'],
  ])('%s', (_, text) => {
    const started = performance.now()
    const article = extract(text, {explain: true})
    expect(article.blocks!.length).toBeGreaterThan(0)
    expect(performance.now() - started).toBeLessThan(20_000)
  }, 30_000)
})

describe('hostile text', () => {
  const hostile = [
    '# Title \u001b[31mred\u001b[0m and \u001b]8;;http://evil.example\u0007link\u001b]8;;\u0007',
    'By Jane \u202eeoD\u202c Doe',
    'A paragraph with a carriage return\roverwrite, C1 \u0085\u009b controls, a zero\u200bwidth space, a soft\u00adhyphen and a\u00a0no-break space, written out at length so that it reads as prose.',
    SEED,
  ].join('\n\n')
  it('text output carries no control, escape or bidi characters', () => {
    const path = file('hostile.md', hostile)
    for (const args of [[path, '--color'], [path, '--color', '--explain']]) {
      const {code, stdout} = run(args)
      expect(code).toBe(0)
      const withoutOwnStyles = stdout.replace(/\u001b\[[0-9;]*m/g, '')
      expect(withoutOwnStyles).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b\u00ad]/)
    }
    const explained = JSON.parse(run([path, '--explain', '--format', 'json']).stdout).blocks.map((b: {text: string}) => b.text).join(' ')
    expect(explained).toContain('softhyphen')
    expect(explained).toContain('no-break space')
  })
  it('JSON escapes what it carries: no raw C1 or bidi characters, even in a file name', () => {
    const path = file('name\u202ewith\u0085controls.md', hostile)
    const {stdout} = run([path, '--format', 'json'])
    expect(stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/)
    expect(JSON.parse(stdout).file).toBe(path)
  })
  it('text is NFC', () => {
    expect(extract('Cafe\u0301 au lait is served in the cafe\u0301 every morning, as it has been for years and years.').body).toContain('Caf\u00e9')
  })
})

describe('paths', () => {
  it('names with spaces and newlines, and a leading dash after --', () => {
    const spaced = file('with space.md', SEED)
    const newline = file('new\nline.md', SEED)
    file('-dash.md', SEED)
    expect(run([spaced]).code).toBe(0)
    expect(run([newline]).code).toBe(0)
    expect(run(['--', '-dash.md'], {cwd: dir}).stdout).toContain('Breaking: ISIS')
    expect(run(['-dash.md'], {cwd: dir}).code).toBe(2)
  })
  it('an error naming a file with a newline stays on one line', () => {
    const {stderr} = run([join(dir, 'missing\nfile.md')])
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  })
  it('a name that is not valid UTF-8 is still read in batch mode', () => {
    const sub = join(dir, 'bytes')
    mkdirSync(sub)
    writeFileSync(Buffer.concat([Buffer.from(sub + '/bad'), Buffer.from([0xff]), Buffer.from('name.md')]), SEED)
    const {code, stdout} = run([sub, '--format', 'jsonl', '--quiet'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout).file).toContain('bad\uFFFDname.md')
  })
  it('command-line paths Node could not decode are taken back from the raw arguments', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2e, 0x6d, 0x64]) // "café.md" in Latin-1
    const other = Buffer.from([0x78, 0xff, 0x2e, 0x6d, 0x64])
    const commandLine = Buffer.concat([Buffer.from('node\0bin/unscrape.js\0--format\0json\0'), latin1, Buffer.from('\0plain.md\0'), other, Buffer.from('\0')])
    const decoded = [latin1.toString(), 'plain.md', other.toString()]
    expect(rawCommandLinePaths(decoded, commandLine)).toEqual([latin1, 'plain.md', other])
    // Nothing undecodable: the arguments as given, /proc not read.
    expect(rawCommandLinePaths(['a.md', 'b.md'], Buffer.alloc(0))).toEqual(['a.md', 'b.md'])
    // No raw argument matches (not Linux, or a name that really holds U+FFFD): the text stays.
    expect(rawCommandLinePaths(['caf\uFFFD.md'], Buffer.from('node\0x.js\0caf\uFFFD.md\0'))).toEqual(['caf\uFFFD.md'])
  })
  it('a file named on the command line in bytes that are not UTF-8 is opened by those bytes', () => {
    if (process.platform !== 'linux') return // the raw arguments come from /proc/self/cmdline
    const sub = join(dir, 'argv-bytes')
    mkdirSync(sub)
    writeFileSync(Buffer.concat([Buffer.from(sub + '/caf'), Buffer.from([0xe9]), Buffer.from('.md')]), SEED)
    // Node's spawn takes arguments as strings, so the shell passes the bytes.
    const viaShell = (args: string) => spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" ${args}`], {cwd: sub, encoding: 'utf8'})
    const single = viaShell(`"$(printf 'caf\\351.md')" --format json`)
    expect(single.status).toBe(0)
    expect(JSON.parse(single.stdout)).toMatchObject({file: 'caf\uFFFD.md', headline: extract(SEED).headline})
    const batch = viaShell(`"$(printf 'caf\\351.md')" --format jsonl --quiet`)
    expect(batch.status).toBe(0)
    expect(JSON.parse(batch.stdout).headline).toBe(extract(SEED).headline)
    const missing = viaShell(`"$(printf 'gone\\351.md')"`)
    expect(missing.status).toBe(1)
    expect(missing.stderr).toBe('unscrape: gone\uFFFD.md: no such file\n')
  })
  it('an unreadable file and an unreadable folder: reported, the rest goes on', () => {
    if (process.getuid?.() === 0) return // root reads everything; nothing to test
    const sub = join(dir, 'locked')
    mkdirSync(join(sub, 'closed'), {recursive: true})
    writeFileSync(join(sub, 'ok.md'), SEED)
    writeFileSync(join(sub, 'no.md'), SEED)
    chmodSync(join(sub, 'no.md'), 0o000)
    chmodSync(join(sub, 'closed'), 0o000)
    const {code, stderr} = run([sub, '--format', 'jsonl', '--quiet'])
    expect(code).toBe(1)
    expect(stderr).toMatch(/no\.md: permission denied/)
    expect(stderr).toMatch(/closed: permission denied/)
  })
})
