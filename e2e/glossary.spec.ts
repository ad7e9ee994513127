import { expect, test } from '@playwright/test';

test('search finds a term by another name, and related terms lead back and forth', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Glossary' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search the glossary' }).fill('DLQ');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('link', { name: 'Dead-letter queue' })).toBeVisible();
  await expect(results).toContainText('also called');
  await results.getByRole('link', { name: 'Dead-letter queue' }).click();

  await expect(page).toHaveURL(/\/glossary\/dead-letter-queue$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dead-letter queue' })).toBeVisible();
  for (const section of ['Explanation', 'When to use it', 'When not to', 'Trade-offs', 'Common mistakes', 'Example', 'Related terms', 'Further reading']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: 'Rules that check this' })).toBeVisible();

  const related = page.getByRole('region', { name: 'Related terms' }).getByRole('link').first();
  const relatedName = (await related.textContent())?.trim() ?? '';
  await related.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(relatedName);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Dead-letter queue' })).toBeVisible();
});

test('a term with an example design opens it on the canvas', async ({ page }) => {
  await page.goto('/glossary/circuit-breaker');
  await page.getByRole('link', { name: /^Open the example on the canvas/ }).click();
  await expect(page).toHaveURL(/\/canvas\/[\w.:-]+$/);
  await expect(page.getByRole('status').filter({ hasText: 'Opened the example' })).toBeVisible();
  await expect(page.getByRole('group', { name: /, Third-party API$/ })).toBeVisible();
});

test('an unknown term shows a clear message', async ({ page }) => {
  await page.goto('/glossary/no-such-term');
  await expect(page.getByRole('heading', { level: 1, name: 'No such term' })).toBeVisible();
  await expect(page.getByText('There is no glossary term "no-such-term".')).toBeVisible();
});

test('a compare page renders its table and the choices', async ({ page }) => {
  await page.goto('/glossary');
  await page.getByRole('link', { name: 'Monolith vs microservices', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Monolith vs microservices' })).toBeVisible();
  const table = page.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Dimension' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Monolith', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Microservices' })).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThanOrEqual(9);
  await expect(page.getByRole('heading', { name: 'Choose Monolith when' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Choose Microservices when' })).toBeVisible();
});

test('learning hubs list their sections and concepts', async ({ page }) => {
  await page.goto('/learn');
  await page.getByRole('link', { name: 'Microservices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Microservices' })).toBeVisible();
  for (const section of ['What it is', 'Trade-offs', 'Implementation playbook', 'Practice path', 'FAQ']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Concepts in this hub' }).getByRole('link').first()).toBeVisible();
});

test('a comparison table too wide for a phone scrolls sideways from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/compare/rest-vs-grpc-vs-graphql');
  const scroller = page.getByRole('region', { name: 'Table' }).filter({ has: page.getByRole('columnheader', { name: 'Dimension' }) });
  await expect(scroller).toBeVisible();
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await scroller.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => scroller.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('search reads the whole text of terms, comparisons, hubs and problems, best match first, and suggests a word when nothing matches', async ({ page }) => {
  await page.goto('/glossary');
  const box = page.getByRole('searchbox', { name: 'Search the glossary' });
  const results = page.getByRole('region', { name: 'Search results' });
  await box.fill('kafka');
  await expect(results).toContainText(/\d+ results for “kafka”/);
  const count = Number((await results.getByText(/results for/).textContent())?.match(/\d+/)?.[0]);
  expect(count).toBeGreaterThan(5);
  // Kafka is named in the text, not the title, of each of these kinds of page.
  for (const kind of ['Term', 'Comparison', 'Learning hub', 'Problem']) await expect(results.getByRole('listitem').filter({ hasText: kind }).first()).toBeVisible();

  await box.fill('circuit breaker');
  await expect(results.getByRole('listitem').first().getByRole('link')).toHaveText('Circuit breaker');

  await box.fill('kafak');
  await expect(results).toContainText('0 results for “kafak”');
  await results.getByRole('button', { name: 'kafka' }).click();
  await expect(box).toHaveValue('kafka');
  await expect(results).toContainText(/\d+ results for “kafka”/);

  await results.getByRole('listitem').filter({ hasText: 'Problem' }).first().getByRole('link').click();
  // The workspace adds the attempt it opened (?design=…) once the library answers.
  await expect(page).toHaveURL(/\/problems\/[\w-]+(\?design=[\w.:-]+)?$/);
});
