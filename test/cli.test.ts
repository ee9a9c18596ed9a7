/** The real bin, spawned: stdout, stderr and exit code checked together. Needs `npm run build`. */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const BIN = fileURLToPath(new URL('../bin/unscrape.js', import.meta.url))
const SEED = fileURLToPath(new URL('../fixtures/seed-globalresearch/input.md', import.meta.url))
const GOLDEN_HELP = new URL('./golden/help.txt', import.meta.url)

function run(args: string[], options: {input?: string | Buffer; env?: Record<string, string>} = {}) {
  const env: Record<string, string | undefined> = {...process.env, FORCE_COLOR: undefined, NO_COLOR: undefined, COLUMNS: '80', ...options.env}
  const result = spawnSync(process.execPath, [BIN, ...args], {input: options.input ?? '', env: env as NodeJS.ProcessEnv, encoding: 'utf8'})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe('unscrape FILE', () => {
  it('prints the article as plain text when piped', () => {
    const {code, stdout, stderr} = run([SEED])
    expect(code).toBe(0)
    expect(stderr).toBe('')
    expect(stdout.startsWith('Breaking: ISIS Terrorists Advancing on Palmyra amid Ceasefire in Aleppo\n\nBy South Front\n\n')).toBe(true)
    expect(stdout).toContain('Region: Middle East & North Africa')
    expect(stdout).toContain('The original source of this article is South Front')
    expect(stdout).not.toMatch(/\u001b\[/)
  })
  it('colours with FORCE_COLOR and --color, never with --no-color or NO_COLOR', () => {
    expect(run([SEED], {env: {FORCE_COLOR: '1'}}).stdout).toMatch(/\u001b\[/)
    expect(run([SEED, '--color']).stdout).toMatch(/\u001b\[/)
    expect(run([SEED, '--no-color'], {env: {FORCE_COLOR: '1'}}).stdout).not.toMatch(/\u001b\[/)
  })
  it('leaves the footer out with --no-footer', () => {
    expect(run([SEED, '--no-footer']).stdout).not.toContain('The original source of this article')
  })
  it('prints schema-2 JSON', () => {
    const {code, stdout} = run([SEED, '--format', 'json'])
    expect(code).toBe(0)
    const article = JSON.parse(stdout)
    expect(article.schema).toBe('unscrape/2')
    expect(article.file).toBe(SEED)
    expect(article.authors).toEqual(['South Front'])
    expect(article.blocks).toBeUndefined()
  })
  it('reads stdin when piped, with or without "-"', () => {
    const input = readFileSync(SEED)
    for (const args of [['--format', 'json'], ['-', '--format', 'json']]) {
      const {code, stdout} = run(args, {input})
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toMatchObject({file: null, headline: 'Breaking: ISIS Terrorists Advancing on Palmyra amid Ceasefire in Aleppo'})
    }
  })
  it('explains every block, as text and as JSON', () => {
    const text = run(['--explain', SEED]).stdout.trimEnd().split('\n')
    const json = JSON.parse(run(['--explain', '--format', 'json', SEED]).stdout)
    expect(text).toHaveLength(json.blocks.length)
    expect(text[0]).toMatch(/headline\s+headline-title-line/)
    expect(json.blocks.map((b: {role: string}) => b.role)).toContain('removed')
  })
})

describe('HTML pages', () => {
  const HTML = fileURLToPath(new URL('../fixtures/html-wcxb-dev0090/input.html', import.meta.url))
  const HEADLINE = 'The top 10 insurance companies in the USA by market share'
  it('a file named .html is converted and read, by name or from stdin', () => {
    const byName = JSON.parse(run([HTML, '--format', 'json']).stdout)
    expect(byName.headline).toBe(HEADLINE)
    expect(byName.warnings).toContain('input read as HTML and converted to markdown')
    expect(JSON.parse(run(['--format', 'json'], {input: readFileSync(HTML)}).stdout).headline).toBe(HEADLINE)
  })
  it('--input-format markdown reads the page as markdown: its HTML is raw HTML, read region by region', () => {
    const {code, stdout} = run([HTML, '--format', 'json', '--input-format', 'markdown'])
    expect(code).toBe(0)
    const article = JSON.parse(stdout)
    expect(article.input).toEqual({format: 'markdown', dialect: 'markdown-html'})
    expect(article.warnings).not.toContain('input read as HTML and converted to markdown')
  })
  it('--input-format text reads the page as plain text, tags and all', () => {
    const {code, stdout} = run([HTML, '--format', 'json', '--input-format', 'text'])
    expect(code).toBe(0)
    const article = JSON.parse(stdout)
    expect(article.input).toEqual({format: 'text', dialect: 'text'})
    expect(article.headline).not.toBe(HEADLINE)
  })
  it('without the converter loaded (the CLI loads it only for pages), extract strips the tags and says so', () => {
    const extractModule = fileURLToPath(new URL('../dist/extract.js', import.meta.url))
    const script = `import {extract} from ${JSON.stringify(extractModule)}; const a = extract('<!DOCTYPE html><h1>Trams</h1><p>Hello <b>there</b> reader</p>'); console.log(JSON.stringify(a))`
    const article = JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], {encoding: 'utf8'}).stdout)
    expect(article.warnings).toContain('input read as HTML, the HTML converter is not loaded: tags stripped')
    expect(JSON.stringify(article)).toContain('Hello there reader')
    expect(JSON.stringify(article)).not.toContain('<')
  })
  it('--input-format takes only auto, markdown or html', () => {
    const {code, stderr} = run([HTML, '--input-format', 'pdf'])
    expect(code).toBe(2)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})

describe('errors and usage', () => {
  it('a missing file: exit 1, one line naming the file', () => {
    const {code, stdout, stderr} = run(['missing.txt'])
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe('unscrape: missing.txt: no such file\n')
  })
  it('a directory where a file was expected: exit 2, one line', () => {
    const {code, stderr} = run([SEED, '--format', 'jsonl', '--output', fileURLToPath(new URL('.', import.meta.url))])
    expect(code).toBe(2)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/is a directory/)
  })
  it('a directory as input is walked as a batch', () => {
    const {code, stdout} = run([fileURLToPath(new URL('../fixtures/seed-globalresearch/', import.meta.url)), '--quiet'])
    expect(code).toBe(0)
    expect(JSON.parse(stdout.trim()).authors).toEqual(['South Front'])
  })
  it('an unknown option: exit 2, one line, no stack trace', () => {
    const {code, stderr} = run(['--bogus'])
    expect(code).toBe(2)
    expect(stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/unknown option '--bogus'/)
  })
  it('a bad --format value: exit 2', () => {
    expect(run(['--format', 'xml', SEED]).code).toBe(2)
  })
  it('--version prints the version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
    expect(run(['--version']).stdout.trim()).toBe(pkg.version)
  })
  it('--help matches the golden file', () => {
    const {code, stdout} = run(['--help'])
    expect(code).toBe(0)
    expect(stdout).toBe(readFileSync(GOLDEN_HELP, 'utf8'))
  })
})
