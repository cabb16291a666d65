#!/usr/bin/env node
'use strict';
// Regenerates samples/thanh-xuan-2023.json from the built-in framework, units and SIPAS
// instrument with a fixed seed. The demo reads only the committed JSON.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const root = path.resolve(__dirname, '..');
fs.mkdirSync(path.join(root, 'out'), { recursive: true });
const entry = path.join(root, 'out', `.parindex-gen-${process.pid}.ts`);
fs.writeFileSync(
  entry,
  `import { getBuiltinFramework, builtinUnits, validateFramework } from ${JSON.stringify(path.join(root, 'engine'))};
import raw from ${JSON.stringify(path.join(root, 'engine/frameworks/thanh-xuan-2023.json'))};
import { builtinSipasInstrument, instrumentItems } from ${JSON.stringify(path.join(root, 'engine/sipas'))};
import { builtinPlan2023 } from ${JSON.stringify(path.join(root, 'engine/plan'))};
import { generateSample } from ${JSON.stringify(path.join(root, 'files/demo/generate'))};
const fw = getBuiltinFramework('thanh-xuan-2023') ?? validateFramework(raw).framework;
if (!fw) throw new Error('built-in framework thanh-xuan-2023 missing');
const items = instrumentItems(builtinSipasInstrument()).map((i) => i.id);
const s = generateSample(fw, builtinUnits, items, 2023, builtinPlan2023);
process.stdout.write(JSON.stringify(s, null, 1));
`,
);
const out = path.join(root, 'out', `.parindex-gen-${process.pid}.cjs`);
require('../scripts/bundle.cjs').bundleNode(entry, out);
const { execFileSync } = require('node:child_process');
const json = execFileSync(process.execPath, [out], { maxBuffer: 64 << 20 }).toString();
fs.writeFileSync(path.join(root, 'samples', 'thanh-xuan-2023.json'), json + '\n');
fs.rmSync(entry, { force: true });
fs.rmSync(out, { force: true });
process.stdout.write('samples/thanh-xuan-2023.json written\n');
