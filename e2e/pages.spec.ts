import { expect, test } from '@playwright/test';
import { shareLink } from '../src/storage/share-link.ts';
import { shopDesign } from './fixtures/designs.ts';
import { openCanvas, seedDesign } from './support.ts';

test('every page names its browser tab after itself', async ({ page }) => {
  await seedDesign(page, shopDesign());
  await openCanvas(page);
  await expect(page).toHaveTitle('Shop · Canvas · Skyline');
  await page.getByRole('textbox', { name: 'Title' }).fill('Shop v2');
  await expect(page).toHaveTitle('Shop v2 · Canvas · Skyline');

  const pages: [string, string][] = [
    ['/', 'Skyline — system-design studio'],
    ['/problems', 'Problems · Skyline'],
    ['/problems/url-shortener', 'Design a URL shortener · Skyline'],
    ['/designs', 'My designs · Skyline'],
    ['/interview', 'Mock interview · Skyline'],
    ['/learn', 'Learn · Skyline'],
    ['/learn/resilience', 'Resilience · Skyline'],
    ['/glossary', 'Glossary · Skyline'],
    ['/glossary/circuit-breaker', 'Circuit breaker · Skyline'],
    ['/compare/sql-vs-nosql', 'SQL vs NoSQL · Skyline'],
    ['/rules', 'Design review rules · Skyline'],
    [shareLink('', shopDesign()), 'Shop · Shared design · Skyline'],
    ['/no/such/page', 'Page not found · Skyline'],
    ['/glossary/no-such-term', 'No such term · Skyline'],
  ];
  for (const [path, title] of pages) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }
});

test('robots.txt is a robots file, not the app', async ({ request }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^User-agent: \*/m);
  expect(text).not.toContain('<html');
});
