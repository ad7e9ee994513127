import { expect, test, type Page } from '@playwright/test';
import { shareLink } from '../src/storage/share-link.ts';
import { runAxe } from './axe.ts';
import { shopDesign } from './fixtures/designs.ts';
import { openCanvas, seedDesign } from './support.ts';

/**
 * axe-core on every page, in light and dark at 1280x800 and at 390x844:
 * no critical or serious violation anywhere.
 */

type Mode = { name: string; width: number; height: number; scheme: 'light' | 'dark' };
const MODES: Mode[] = [
  { name: 'light', width: 1280, height: 800, scheme: 'light' },
  { name: 'dark', width: 1280, height: 800, scheme: 'dark' },
  { name: 'phone light', width: 390, height: 844, scheme: 'light' },
  { name: 'phone dark', width: 390, height: 844, scheme: 'dark' },
];

interface Route {
  name: string;
  /** Makes whatever the page needs and returns its address. */
  open(page: Page): Promise<string>;
  /** Something that is there once the page has drawn its content. */
  ready(page: Page): ReturnType<Page['getByRole']>;
  /** Brings out what the page hides at first, so it is checked too. */
  reveal?(page: Page): Promise<void>;
}

async function startInterview(page: Page): Promise<string> {
  await page.goto('/interview');
  await page.getByRole('combobox', { name: 'Problem' }).selectOption({ label: 'Design a URL shortener' });
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page).toHaveURL(/\/interview\/i-/);
  return new URL(page.url()).pathname;
}

async function endedInterview(page: Page): Promise<string> {
  const path = await startInterview(page);
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await page.getByRole('tab', { name: 'Interview' }).click();
  await page.getByRole('button', { name: 'End interview' }).click();
  await page.getByRole('dialog', { name: 'End the interview?' }).getByRole('button', { name: 'End and see scorecard' }).click();
  await expect(page).toHaveURL(/\/scorecard$/);
  return path;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });
const canvasTools = (page: Page) => page.getByRole('toolbar', { name: 'Canvas tools' });

const ROUTES: Route[] = [
  { name: 'home', open: async () => '/', ready: h1 },
  {
    name: 'canvas with a design',
    open: async (page) => {
      await seedDesign(page, shopDesign());
      await openCanvas(page);
      return new URL(page.url()).pathname;
    },
    ready: (page) => page.getByRole('group', { name: 'Orders, Service', exact: true }),
  },
  { name: 'problems', open: async () => '/problems', ready: h1 },
  {
    name: 'problem workspace',
    open: async () => '/problems/url-shortener',
    ready: canvasTools,
    reveal: async (page) => {
      if ((page.viewportSize()?.width ?? 0) < 768) await page.getByRole('button', { name: 'Problem', exact: true }).click();
      await page.getByRole('button', { name: 'Check my design' }).click();
      await page.getByText('How to earn it').first().click();
    },
  },
  { name: 'glossary index', open: async () => '/glossary', ready: h1 },
  {
    name: 'glossary search',
    open: async () => '/glossary',
    ready: h1,
    reveal: async (page) => {
      await page.getByRole('searchbox', { name: 'Search the glossary' }).fill('kafka');
      await expect(page.getByRole('region', { name: 'Search results' }).getByRole('listitem').first()).toBeVisible();
    },
  },
  { name: 'term', open: async () => '/glossary/circuit-breaker', ready: h1 },
  { name: 'compare', open: async () => '/compare/sql-vs-nosql', ready: h1 },
  { name: 'hub', open: async () => '/learn/resilience', ready: h1 },
  { name: 'learn', open: async () => '/learn', ready: h1 },
  {
    name: 'my designs',
    open: async (page) => {
      await seedDesign(page, shopDesign());
      await openCanvas(page);
      return '/designs';
    },
    ready: (page) => page.getByRole('article', { name: /Shop/ }).first(),
  },
  { name: 'shared view', open: async () => shareLink('', shopDesign()), ready: (page) => page.getByRole('heading', { name: 'Shop' }) },
  { name: 'interview start', open: async () => '/interview', ready: h1 },
  { name: 'interview session', open: startInterview, ready: canvasTools },
  { name: 'scorecard', open: async (page) => `${await endedInterview(page)}/scorecard`, ready: h1 },
  { name: 'replay', open: async (page) => `${await endedInterview(page)}/replay`, ready: h1 },
  { name: 'rules', open: async () => '/rules', ready: h1 },
  { name: 'not found', open: async () => '/no/such/page', ready: h1 },
];

for (const route of ROUTES) {
  test(`axe finds no critical or serious violation: ${route.name}`, async ({ page }) => {
    const path = await route.open(page);
    const found: string[] = [];
    for (const mode of MODES) {
      await page.setViewportSize({ width: mode.width, height: mode.height });
      await page.emulateMedia({ colorScheme: mode.scheme, reducedMotion: 'reduce' });
      await page.goto(path);
      await expect(route.ready(page)).toBeVisible();
      await route.reveal?.(page);
      await expect(page.locator('html')).toHaveClass(new RegExp(mode.scheme === 'dark' ? '\\bdark\\b' : '^(?!.*\\bdark\\b)'));
      const { violations } = await runAxe(page);
      for (const v of violations) {
        if (v.impact !== 'critical' && v.impact !== 'serious') continue;
        found.push(`${mode.name}: ${v.id} (${v.impact}) x${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      }
      if (process.env.AXE_SUMMARY) {
        const counts = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}x${v.nodes.length}`);
        console.log(`AXE\t${route.name}\t${mode.name}\t${counts.join(' ') || '0'}`);
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
}
