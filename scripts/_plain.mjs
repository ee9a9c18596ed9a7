import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {normalizeText} from '../dist/core/normalize.js';
import {splitNavigation} from '../dist/core/navigation.js';
import {guardMarkdown} from '../dist/core/guard.js';
const dir = process.argv[2];
const files = readdirSync(dir).map(c => join(dir, c, readdirSync(join(dir,c)).find(f=>f.startsWith('input')))).filter(Boolean);
const PLAIN = /^(?![-+*]\s|\d{1,9}[.)](\s|$)|={3,}\s*$)[\p{L}\p{N}"'(“„«¿¡][^\[\]\\*_`<>&\n]*$/u;
let total=0, plain=0, plainLines=0;
for (const f of files) {
  const {markdown} = splitNavigation(guardMarkdown(normalizeText(readFileSync(f,'utf8'))));
  const lines = markdown.split('\n'); total += markdown.length;
  for (let i=0;i<lines.length;i++){ const l=lines[i]; if ((i===0||lines[i-1].trim()==='') && (i===lines.length-1||lines[i+1].trim()==='') && PLAIN.test(l)) { plain += l.length; plainLines++; } }
}
console.log({total, plain, share:(plain/total).toFixed(3), plainLines});
