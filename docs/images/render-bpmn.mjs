// Renders a BPMN file to PNG with bpmn-js (the renderer Camunda Modeler uses) in headless Chromium.
// How to run: in a scratch folder OUTSIDE this repo (never commit node_modules), install the two npm
// packages once, e.g. `mkdir -p /tmp/bpmn-render && cd /tmp/bpmn-render && npm init -y &&
// PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install bpmn-js@18 playwright-core@1.55.0`; then, from that
// scratch folder (packages are resolved from the current directory), run
// `node /path/to/repo/docs/images/render-bpmn.mjs [input.bpmn] [output.png] [widthPx]`. With no arguments it
// renders ../../processes/problem-rectification.bpmn to ./problem-rectification.png next to this script,
// 1500 px wide. It uses a system Chromium (default /usr/bin/chromium, override with CHROMIUM=/path) and
// never downloads a browser; Chinese labels need a CJK font installed (Debian: fonts-noto-cjk).

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Resolve npm packages from the scratch folder we are run from, not from this file's location.
const require = createRequire(join(process.cwd(), 'noop.js'));
const { chromium } = require('playwright-core');
const bpmnDist = dirname(require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js'));

const here = dirname(fileURLToPath(import.meta.url));
const input = resolve(process.argv[2] ?? join(here, '../../processes/problem-rectification.bpmn'));
const output = resolve(process.argv[3] ?? join(here, 'problem-rectification.png'));
const targetWidth = Number(process.argv[4] ?? 1500); // final PNG width in CSS px
const margin = 20; // diagram units around the content

const xml = readFileSync(input, 'utf8');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: targetWidth, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"></head>
    <body style="margin:0;background:#fff"><div id="canvas" style="background:#fff"></div></body></html>`);
  await page.addStyleTag({ content: readFileSync(join(bpmnDist, 'assets/diagram-js.css'), 'utf8') });
  await page.addStyleTag({ content: readFileSync(join(bpmnDist, 'assets/bpmn-js.css'), 'utf8') });
  await page.addScriptTag({ content: readFileSync(join(bpmnDist, 'bpmn-viewer.production.min.js'), 'utf8') });
  await page.evaluate(() => document.fonts.load('12px "Noto Sans CJK SC"', '问题整改'));

  const size = await page.evaluate(async ({ xml, targetWidth, margin }) => {
    const container = document.getElementById('canvas');
    container.style.width = targetWidth + 'px';
    container.style.height = '600px';
    const viewer = new window.BpmnJS({
      container,
      // Same as bpmn-js' default (Arial 12px) plus an explicit Simplified-Chinese fallback.
      textRenderer: { defaultStyle: { fontFamily: 'Arial, "Noto Sans CJK SC", sans-serif' } },
    });
    const { warnings } = await viewer.importXML(xml);
    if (warnings.length) console.warn(warnings.map((w) => w.message).join('\n'));
    const canvas = viewer.get('canvas');
    const inner = canvas.viewbox().inner; // bounding box of all shapes, edges and labels
    const box = { x: inner.x - margin, y: inner.y - margin,
      width: inner.width + 2 * margin, height: inner.height + 2 * margin };
    const height = Math.ceil(box.height * targetWidth / box.width);
    container.style.height = height + 'px';
    canvas.resized();
    canvas.viewbox(box); // scales the vector drawing to exactly fill the container
    return { width: targetWidth, height };
  }, { xml, targetWidth, margin });

  await page.setViewportSize({ width: size.width, height: size.height });
  mkdirSync(dirname(output), { recursive: true });
  const png = await page.locator('#canvas').screenshot({ omitBackground: false });
  writeFileSync(output, png);
  console.log(`wrote ${output} (${size.width}x${size.height})`);
} finally {
  await browser.close();
}
