/**
 * Bytes to text: byte-order marks, a binary check, strict UTF-8, and a detected legacy encoding
 * (chardet) decoded with iconv-lite when the bytes are not UTF-8. Pure: takes bytes, returns text.
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'

/** Raised for input that is not text (an image, a PDF, an archive …). */
export class NotTextError extends Error {
  constructor(reason = 'not a text file') {
    super(reason)
    this.name = 'NotTextError'
  }
}

export interface Decoded {
  text: string
  /** The encoding the bytes were read as, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: string
}

/** Leading bytes of common binary formats. */
const BINARY_MAGIC: readonly number[][] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xff, 0xd8, 0xff], // JPEG
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip, docx, epub
  [0x42, 0x5a, 0x68], // bzip2
  [0xfd, 0x37, 0x7a, 0x58, 0x5a], // xz
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav)
  [0x00, 0x00, 0x01, 0x00], // ico
]

/** How many leading bytes the binary check looks at. */
const SNIFF_BYTES = 8192
/** Share of control bytes (other than tab, LF, CR, FF, ESC) above which bytes are not text. */
const MAX_CONTROL_SHARE = 0.1
/**
 * Share of NUL bytes above which bytes are not text. Binary formats are full of NULs; a page dumped to
 * text sometimes carries a few (an empty form field, a broken entity): 22 in 12 kB in one real dump.
 */
const MAX_NUL_SHARE = 0.01

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b)
}

/** Whether the bytes look like a binary file rather than text in a single-byte or UTF-8 encoding. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) return true
  const sample = bytes.subarray(0, SNIFF_BYTES)
  let control = 0
  let nul = 0
  for (const b of sample) {
    if (b === 0) nul++
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++
  }
  return sample.length > 0 && (nul / sample.length > MAX_NUL_SHARE || control / sample.length > MAX_CONTROL_SHARE)
}

/** Legacy encodings we trust chardet to tell apart; multi-byte guesses on short text are noise. */
const SINGLE_BYTE = /^(?:iso-8859-\d+|windows-125\d|koi8-[ru])$/

/**
 * UTF-16 without a byte-order mark: text in it has a NUL in every other byte (for Latin scripts),
 * which would otherwise make it look binary. Judged on the first bytes.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, SNIFF_BYTES & ~1)
  if (sample.length < 4) return undefined
  let evenZero = 0, oddZero = 0
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenZero++
    if (sample[i + 1] === 0) oddZero++
  }
  const pairs = sample.length / 2
  if (oddZero / pairs > UTF16_NUL_SHARE && evenZero / pairs < 0.05) return 'utf-16le'
  if (evenZero / pairs > UTF16_NUL_SHARE && oddZero / pairs < 0.05) return 'utf-16be'
  return undefined
}

/** Share of NUL bytes on one side of the byte pairs that marks UTF-16 text. */
const UTF16_NUL_SHARE = 0.6

const strictUtf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})

/** Decodes a file's bytes; throws NotTextError for binary content. */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length >= 3 && startsWith(bytes, [0xef, 0xbb, 0xbf])) return {text: utf8Lenient(bytes.subarray(3)), encoding: 'utf-8'}
  if (bytes.length >= 2 && startsWith(bytes, [0xff, 0xfe])) return {text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le'}
  if (bytes.length >= 2 && startsWith(bytes, [0xfe, 0xff])) return {text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be'}
  const utf16 = utf16WithoutBom(bytes)
  if (utf16) return {text: iconv.decode(Buffer.from(bytes), utf16), encoding: utf16}
  if (looksBinary(bytes)) throw new NotTextError()
  try {
    return {text: strictUtf8.decode(bytes), encoding: 'utf-8'}
  } catch {
    // Not UTF-8: a legacy single-byte page. chardet names it; ISO-8859-1 is read as its superset
    // windows-1252, whose 0x80–0x9F are the curly quotes and dashes such pages actually mean.
    const detected = (chardet.detect(bytes) ?? 'windows-1252').toLowerCase()
    const encoding = SINGLE_BYTE.test(detected) && detected !== 'iso-8859-1' && iconv.encodingExists(detected) ? detected : 'windows-1252'
    return {text: iconv.decode(Buffer.from(bytes), encoding), encoding}
  }
}

function utf8Lenient(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes)
}
