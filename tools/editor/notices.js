// Writes dist/THIRD-PARTY-NOTICES.txt: the licence of every npm package
// esbuild put into dist/extension.js (read from its metafile), so that the
// .vsix carries the notices the MIT and ISC licences ask for.
'use strict';

const fs = require('fs');
const path = require('path');

const meta = JSON.parse(fs.readFileSync('dist/meta.json', 'utf8'));
const packages = new Set();
for (const input of Object.keys(meta.inputs)) {
  // node_modules/a/node_modules/@scope/b/lib/x.js → node_modules/a/node_modules/@scope/b
  const match = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
  if (match) packages.add(match[1]);
}
if (packages.size === 0) throw new Error('the bundle holds no npm package: was dist/meta.json written?');

let out = 'dist/extension.js bundles these packages; their licences follow.\n';
for (const dir of [...packages].sort()) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenceFile = fs.readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
  if (!licenceFile) throw new Error(`${manifest.name} has no licence file`);
  out += `\n${'='.repeat(72)}\n${manifest.name} ${manifest.version} (${manifest.license})\n\n`;
  out += fs.readFileSync(path.join(dir, licenceFile), 'utf8').trim() + '\n';
}
fs.writeFileSync('dist/THIRD-PARTY-NOTICES.txt', out);
fs.unlinkSync('dist/meta.json');
console.log(`dist/THIRD-PARTY-NOTICES.txt: ${packages.size} packages`);
