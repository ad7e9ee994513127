/**
 * `npm run bench`: figures for the canvas, as medians of 5 runs in Chromium.
 * - initial JS (gzip) of the production build;
 * - for generated designs of 100 and 1,000 components with three connections
 *   each, seen whole, at 50% zoom and at 100% zoom: time from navigation to a
 *   ready canvas, and main-thread time per step while dragging the component
 *   nearest the middle of the view (Chrome DevTools Protocol Performance
 *   metrics: TaskDuration);
 * - the same drag on a plain React Flow page (scripts/bench-reference) in the
 *   same run, at React Flow's default fit (50% zoom at 1,000 components) and
 *   seen whole, with the canvas's ratio to it.
 * - at 200, 1,000 and 5,000 components (bench-canvas-interactions.ts): edit ->
 *   feedback (a key until the review's counts change on screen), main-thread
 *   time per key typed in the inspector, adding a component, a share link
 *   opened to an editable canvas, pan and zoom frames with the whole design
 *   in view; ready canvas and share link beside the plain React Flow page's
 *   ready time in the same run.
 * Also runs the rules-engine and simulator benchmarks when they exist. Prints; never fails on time.
 * `--only=canvas|interactions|engine` (comma-separated) runs some parts; `--sizes=200,1000` the interaction sizes;
 * `--measures=open,feedback,keystroke,add,view` some of the interaction figures; `--baseline=<dist folder>` measures
 * another build beside this one.
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { NODE_HEIGHT, NODE_WIDTH } from '../src/domain/diagram/edit-operations.ts';
import { generateDesign } from '../src/testing/generate-design.ts';
// @ts-expect-error: plain JavaScript module without types
import { initialJs } from './budget.mjs';
import { type Sample, measureAdd, measureCanvasPanZoom, measureEditFeedback, measureKeystroke, measureShareOpen } from './bench-canvas-interactions.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4180);
const REFERENCE_PORT = PORT + 1;
const RUNS = 5;
const DRAG_STEPS = 40;
/** From this many components the canvas draws only what is on screen (LARGE_DESIGN in DesignCanvas.tsx). */
const LARGE_DESIGN = 300;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function waitForServer(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

type View = 'whole' | 'half' | 'full';
const VIEWS: { view: View; label: string }[] = [
  { view: 'whole', label: 'whole design' },
  { view: 'half', label: '50% zoom    ' },
  { view: 'full', label: '100% zoom   ' },
];

/** Main-thread time per drag step for the component nearest the middle of the canvas. */
async function dragStep(context: BrowserContext, page: Page): Promise<number> {
  // One near the edge of the view would pan the whole view on every step (auto-pan), which measures panning.
  const index = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best = { index: -1, distance: Infinity };
    document.querySelectorAll('.react-flow__node').forEach((element, i) => {
      const r = element.getBoundingClientRect();
      const distance = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (distance < best.distance) best = { index: i, distance };
    });
    return best.index;
  });
  const box = await page.locator('.react-flow__node').nth(index).boundingBox();
  if (!box) throw new Error('no component on screen');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 5, y0 + 5); // past the drag threshold
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  const before = await metric();
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(x0 + 5 + i * 4, y0 + 5 + i * 2);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  const after = await metric();
  await page.mouse.up();
  return ((after - before) * 1000) / DRAG_STEPS;
}

const frame = (page: Page) => page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));

async function measureCanvas(browser: Browser, nodeCount: number, view: View, drag = true, origin = `http://127.0.0.1:${PORT}`) {
  const design = generateDesign(nodeCount);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // The whole design fitted, or the middle of the design at 50% or 100% zoom.
  const xs = design.nodes.map((n) => n.position.x);
  const ys = design.nodes.map((n) => n.position.y);
  const middle = { x: (Math.min(...xs) + Math.max(...xs) + NODE_WIDTH) / 2, y: (Math.min(...ys) + Math.max(...ys) + NODE_HEIGHT) / 2 };
  const zoom = view === 'half' ? 0.5 : 1;
  const viewport = view === 'whole' ? '' : JSON.stringify({ designId: design.id, viewport: { x: 350 - middle.x * zoom, y: 350 - middle.y * zoom, zoom } });
  await context.addInitScript(
    ([text, stored]) => {
      localStorage.setItem('skyline:current-design', text);
      if (stored) localStorage.setItem('skyline:viewport', stored);
    },
    [JSON.stringify(design), viewport] as const,
  );
  const page = await context.newPage();
  await page.goto(`${origin}/canvas`);
  // Ready: every component that should be on screen is drawn.
  await page.waitForFunction(
    ([n, all]) => {
      const drawn = document.querySelectorAll('.react-flow__node').length;
      return (all ? drawn === n : drawn > 0) && !document.querySelector('.react-flow__node[style*="visibility: hidden"]');
    },
    [design.nodes.length, view === 'whole' || design.nodes.length <= LARGE_DESIGN] as const,
    { timeout: 180_000, polling: 50 },
  );
  const readyMs = await frame(page);
  const dragStepMs = drag ? await dragStep(context, page) : NaN;
  await context.close();
  return { readyMs, dragStepMs };
}

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = arg('only')?.split(',');
const runs = (part: string) => !only || only.includes(part);
const SIZES = (arg('sizes') ?? '200,1000,5000').split(',').map(Number);
const MEASURES = arg('measures')?.split(',');
const measures = (what: string) => !MEASURES || MEASURES.includes(what);
const BASELINE = arg('baseline');

async function measureReference(browser: Browser, nodeCount: number, minZoom: number, drag = true) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${REFERENCE_PORT}/index.html?n=${nodeCount}&minZoom=${minZoom}`);
  await page.waitForFunction((n) => document.querySelectorAll('.react-flow__node').length === n && !document.querySelector('.react-flow__node[style*="visibility: hidden"]'), nodeCount, {
    timeout: 180_000,
    polling: 50,
  });
  const readyMs = await frame(page);
  const dragStepMs = drag ? await dragStep(context, page) : NaN;
  await context.close();
  return { readyMs, dragStepMs };
}

async function medians(run: () => Promise<{ readyMs: number; dragStepMs: number }>) {
  const ready: number[] = [];
  const drag: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = await run();
    ready.push(r.readyMs);
    drag.push(r.dragStepMs);
  }
  return { ready: median(ready), drag: median(drag), runs: drag.map((d) => d.toFixed(1)).join(', ') };
}

function serve(port: number, extra: string[] = []) {
  return spawn('npx', ['vite', 'preview', ...extra, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
}

async function main() {
  if (!existsSync('dist/index.html') || process.argv.includes('--build')) {
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const referenceConfig = 'scripts/bench-reference/vite.config.ts';
  spawnSync('npx', ['vite', 'build', '--config', referenceConfig], { stdio: 'inherit' });
  const { gzipKb } = initialJs() as { gzipKb: number };
  console.log(`initial JS         ${gzipKb.toFixed(1)} KB gzip (budget 200 KB)`);

  const servers = [serve(PORT), serve(REFERENCE_PORT, ['--config', referenceConfig]), ...(BASELINE ? [serve(PORT + 2, ['--outDir', BASELINE])] : [])];
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    await waitForServer(`http://127.0.0.1:${REFERENCE_PORT}/index.html`);
    if (BASELINE) await waitForServer(`http://127.0.0.1:${PORT + 2}/`);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    if (runs('canvas')) await canvasFigures(browser);
    if (runs('interactions')) await interactionFigures(browser);
    await browser.close();
  } finally {
    for (const server of servers) if (server.pid) process.kill(-server.pid);
  }
  if (runs('engine') && existsSync('scripts/bench-engine.ts')) spawnSync('npx', ['tsx', 'scripts/bench-engine.ts'], { stdio: 'inherit' });
  if (runs('engine') && existsSync('scripts/bench-simulator.ts')) spawnSync('npx', ['tsx', 'scripts/bench-simulator.ts'], { stdio: 'inherit' });
}

const line = (what: string, m: { ready: number; drag: number; runs: string }, extra = '') =>
  console.log(`${what}  ready ${m.ready.toFixed(0).padStart(5)} ms   drag step ${m.drag.toFixed(1).padStart(5)} ms main thread${extra}   (medians of ${RUNS}; drag runs: ${m.runs})`);

async function canvasFigures(browser: Browser) {
  const canvas1000 = new Map<View, number>();
  for (const n of [100, 1000]) {
    for (const { view, label } of VIEWS) {
      const m = await medians(() => measureCanvas(browser, n, view));
      if (n === 1000) canvas1000.set(view, m.drag);
      line(`canvas             ${String(n).padStart(5)} nodes ${String(n * 3).padStart(5)} edges  ${label}`, m);
    }
  }
  for (const [view, label, minZoom] of [
    ['half', '50% zoom    ', 0.5],
    ['whole', 'whole design', 0.05],
  ] as const) {
    const m = await medians(() => measureReference(browser, 1000, minZoom));
    const ratio = (canvas1000.get(view) ?? NaN) / m.drag;
    line(`plain React Flow    1000 nodes  3000 edges  ${label}`, m, `   canvas / plain ${ratio.toFixed(2)}`);
  }
}

interface Figures {
  ready: number[];
  share: number[];
  feedback: Sample[];
  perKey: number[];
  worstKey: number[];
  add: Sample[];
  pan: number[];
  zoom: number[];
}

/**
 * Edit -> feedback, keystroke, add, share link, pan / zoom at each size; the
 * canvas's ready time and the share link's beside the plain page's. With
 * `--baseline=<dist folder>` (another build, say main's) the same figures
 * for it too. Runs of the plain page, the canvas and the baseline alternate,
 * so a busy machine slows them alike.
 */
async function interactionFigures(browser: Browser) {
  const builds = [{ name: 'canvas  ', origin: `http://127.0.0.1:${PORT}` }];
  if (BASELINE) builds.push({ name: 'baseline', origin: `http://127.0.0.1:${PORT + 2}` });
  const fmt = (xs: number[]) => `${median(xs).toFixed(1).padStart(7)} ms`;
  const all = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
  const wall = (xs: Sample[]) => xs.map((x) => x.wall);
  const cpu = (xs: Sample[]) => xs.map((x) => x.cpu);
  for (const n of SIZES) {
    const design = generateDesign(n);
    const runsHere = n >= 5000 ? 3 : RUNS;
    const label = `${String(n).padStart(5)} components`;
    const plain: number[] = [];
    const figures = builds.map((): Figures => ({ ready: [], share: [], feedback: [], perKey: [], worstKey: [], add: [], pan: [], zoom: [] }));
    for (let i = 0; i < runsHere; i++) {
      if (measures('open')) plain.push((await measureReference(browser, n, 0.05, false)).readyMs);
      for (const [b, { origin }] of builds.entries()) {
        const f = figures[b]!;
        if (measures('open')) {
          f.ready.push((await measureCanvas(browser, n, 'whole', false, origin)).readyMs);
          f.share.push(await measureShareOpen(browser, origin, design));
        }
        if (measures('feedback')) f.feedback.push(...(await measureEditFeedback(browser, origin, design, 2)));
        if (measures('keystroke')) {
          const key = await measureKeystroke(browser, origin, design);
          f.perKey.push(key.perKey);
          f.worstKey.push(key.worstKey);
        }
        if (measures('add')) f.add.push(...(await measureAdd(browser, origin, design, 2)));
        if (n >= 1000 && measures('view')) {
          const frames = await measureCanvasPanZoom(browser, origin, design);
          f.pan.push(frames.pan);
          f.zoom.push(frames.zoom);
        }
      }
    }
    const p = median(plain);
    if (measures('open')) console.log(`open     ${label}  plain React Flow ready ${fmt(plain)}   runs: ${all(plain)}`);
    for (const [b, { name }] of builds.entries()) {
      const f = figures[b]!;
      if (measures('open')) {
        console.log(`open     ${label}  ${name} ready ${fmt(f.ready)} (x${(median(f.ready) / p).toFixed(2)} plain)   share link to editable canvas ${fmt(f.share)} (x${(median(f.share) / p).toFixed(2)} plain)   runs: ready ${all(f.ready)}; share ${all(f.share)}`);
      }
      if (f.feedback.length > 0) console.log(`edit     ${label}  ${name} edit -> feedback ${fmt(wall(f.feedback))} (main thread ${fmt(cpu(f.feedback))})   runs: ${all(wall(f.feedback))}`);
      if (f.perKey.length > 0) console.log(`key      ${label}  ${name} keystroke ${fmt(f.perKey)} main thread (worst key ${median(f.worstKey).toFixed(1)} ms)   runs: ${all(f.perKey)}`);
      if (f.add.length > 0) console.log(`add      ${label}  ${name} add a component ${fmt(wall(f.add))} (main thread ${fmt(cpu(f.add))})   runs: ${all(wall(f.add))}`);
      if (f.pan.length > 0) console.log(`view     ${label}  ${name} whole design in view: pan ${fmt(f.pan)} zoom ${fmt(f.zoom)} main thread per frame   runs: pan ${all(f.pan)}; zoom ${all(f.zoom)}`);
    }
  }
}

await main();
