/**
 * `npm run bench`: figures for the canvas, as medians of 5 runs in Chromium.
 * - initial JS (gzip) of the production build;
 * - for generated designs of 100 and 1,000 components with three connections
 *   each: time from navigation to a ready canvas, and main-thread time per
 *   step while dragging the component nearest the middle of the view (Chrome
 *   DevTools Protocol Performance metrics: TaskDuration).
 * Also runs the rules-engine benchmark when it exists. Prints; never fails on time.
 */
import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { generateDesign } from '../src/testing/generate-design.ts';
// @ts-expect-error: plain JavaScript module without types
import { initialJs } from './budget.mjs';

const PORT = 4180;
const RUNS = 5;
const DRAG_STEPS = 40;
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

async function measure(browser: Browser, nodeCount: number, zoomedIn: boolean) {
  const design = generateDesign(nodeCount);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Either the whole design in view (fit), or working at 100% zoom around the first component.
  const viewport = zoomedIn ? JSON.stringify({ designId: design.id, viewport: { x: 150, y: 150, zoom: 1 } }) : '';
  await context.addInitScript(
    ([text, view]) => {
      localStorage.setItem('skyline:current-design', text);
      if (view) localStorage.setItem('skyline:viewport', view);
    },
    [JSON.stringify(design), viewport] as const,
  );
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/canvas`);
  // Ready: every component that should be on screen is drawn and measured.
  await page.waitForFunction(
    ([n, all]) => {
      const drawn = document.querySelectorAll('.react-flow__node').length;
      return (all ? drawn === n : drawn > 0) && !document.querySelector('.react-flow__node[style*="visibility: hidden"]');
    },
    [design.nodes.length, !zoomedIn || design.nodes.length <= 300] as const,
    { timeout: 60_000, polling: 50 },
  );
  const readyMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));

  // Drag the component nearest the middle of the canvas: one near its edge
  // would pan the whole view on every step (auto-pan), which measures panning.
  const name = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    let best: { label: string; distance: number } | null = null;
    for (const element of document.querySelectorAll('.react-flow__node-component')) {
      const r = element.getBoundingClientRect();
      const distance = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
      if (!best || distance < best.distance) best = { label: element.getAttribute('aria-label') ?? '', distance };
    }
    return best!.label;
  });
  const component = page.getByRole('group', { name, exact: true });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const box = await component.boundingBox();
  if (!box) throw new Error('node not on screen');
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
  await context.close();
  return { readyMs, dragStepMs: ((after - before) * 1000) / DRAG_STEPS };
}

async function main() {
  if (!existsSync('dist/index.html') || process.argv.includes('--build')) {
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  }
  const { gzipKb } = initialJs() as { gzipKb: number };
  console.log(`initial JS         ${gzipKb.toFixed(1)} KB gzip (budget 200 KB)`);

  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer(`http://127.0.0.1:${PORT}/`);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    for (const n of [100, 1000]) {
      for (const zoomedIn of [false, true]) {
        const ready: number[] = [];
        const drag: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const r = await measure(browser, n, zoomedIn);
          ready.push(r.readyMs);
          drag.push(r.dragStepMs);
        }
        console.log(
          `canvas ${String(n).padStart(5)} nodes ${String(n * 3).padStart(5)} edges  ${zoomedIn ? 'at 100% zoom ' : 'all in view  '} ready ${median(ready).toFixed(0).padStart(5)} ms   drag step ${median(drag).toFixed(1).padStart(5)} ms main thread   (medians of ${RUNS}; drag runs: ${drag.map((d) => d.toFixed(1)).join(', ')})`,
        );
      }
    }
    await browser.close();
  } finally {
    if (server.pid) process.kill(-server.pid);
  }
  if (existsSync('scripts/bench-engine.ts')) spawnSync('npx', ['tsx', 'scripts/bench-engine.ts'], { stdio: 'inherit' });
}

await main();
