import { expect, test, type Page } from '@playwright/test';
import { node } from './support.ts';

/** Add a component from the Components tab; it is selected afterwards. */
async function add(page: Page, kind: string, name?: string) {
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.getByRole('button', { name: `Add ${kind}`, exact: true }).click();
  if (name) await page.getByRole('textbox', { name: 'Name' }).fill(name);
}

/** Connect two components from the inspector, as a keyboard user would. */
async function connect(page: Page, from: [string, string], to: [string, string]) {
  await node(page, from[0], from[1]).click();
  await page.getByRole('combobox', { name: `Connect ${from[0]} to` }).selectOption({ label: `${to[0]} (${to[1]})` });
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
}

test('with the live rubric on, a learner builds part of a design, watches the score rise, reveals a hint and compares with the reference', async ({ page }) => {
  await page.goto('/problems');
  await expect(page.getByRole('heading', { level: 1, name: 'Problems' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Difficulty' }).selectOption('easy');
  await page.getByRole('searchbox', { name: 'Search problems' }).fill('url');
  await page.getByRole('link', { name: 'Design a URL shortener' }).click();

  const rubric = page.getByRole('region', { name: 'Rubric' });
  await expect(rubric).toBeVisible();
  await rubric.getByRole('checkbox', { name: 'Show the rubric live as I draw' }).check();
  const scoreText = async () => Number((await rubric.getByText(/^Score:/).locator('..').textContent())?.match(/(\d+)/)?.[1] ?? NaN);
  const redirects = rubric.getByRole('listitem', { name: /Following a short link has its own route/ });
  await expect(redirects).toHaveAccessibleName(/^Missed/);
  const before = await scoreText();

  // A box named for the job earns nothing until requests reach it.
  await add(page, 'Service', 'Redirector');
  await page.getByRole('tab', { name: 'Problem' }).click();
  await expect(redirects).toHaveAccessibleName(/^Missed/);
  await expect(redirects).toContainText('Redirector is not connected to anything a request reaches yet.');

  // Wired behind a load balancer, it serves "Follow a short link".
  await add(page, 'Load balancer');
  await add(page, 'Web client');
  await connect(page, ['Web client', 'Web client'], ['Load balancer', 'Load balancer']);
  await connect(page, ['Load balancer', 'Load balancer'], ['Redirector', 'Service']);
  await page.getByRole('tab', { name: 'Problem' }).click();
  await expect(redirects).toHaveAccessibleName(/^Met/);
  await expect.poll(scoreText).toBeGreaterThan(before);

  // Assign a capability from the inspector instead of by name, and give it its own route.
  await add(page, 'Service');
  await page.getByRole('button', { name: 'Assign capability Link creation' }).click();
  await connect(page, ['Load balancer', 'Load balancer'], ['Service', 'Service']);
  await page.getByRole('tab', { name: 'Problem' }).click();
  await expect(rubric.getByRole('listitem', { name: /Creating a short link has its own route/ })).toHaveAccessibleName(/^Met/);
  await expect(rubric.getByRole('listitem', { name: /Creating links and redirecting are done by different components/ })).toHaveAccessibleName(/^Met/);

  // Hints unlock one at a time.
  const hints = page.getByRole('region', { name: 'Hints' });
  await hints.getByRole('button', { name: 'Show hint 1 of 3' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await hints.getByRole('button', { name: 'Show hint 2 of 3' }).click();
  await expect(hints.getByRole('listitem')).toHaveCount(2);

  // Compare with the reference.
  await page.getByRole('button', { name: 'Compare with the reference' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your design and the reference' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Reference: 100 / 100');
  await expect(dialog.getByRole('figure', { name: /Reference design/ }).locator('.react-flow__edge').first()).toBeVisible();
  await dialog.getByRole('button', { name: 'Close the comparison' }).click();

  // The best score is kept and shown in the index.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Problems' }).click();
  await expect(page.getByRole('article', { name: 'Design a URL shortener' })).toContainText(/Best score: \d+/);
});

test('in practice the brief comes first and the rubric stays hidden until the learner checks the design', async ({ page }) => {
  await page.goto('/problems/url-shortener');
  const panel = page.getByRole('tabpanel', { name: 'Problem' });
  const brief = panel.getByRole('region', { name: 'Brief' });
  const rubric = panel.getByRole('region', { name: 'Rubric' });
  await expect(brief).toBeVisible();
  // The empty canvas points to where the components are, since the Problem tab is the one open.
  await expect(page.getByRole('main', { name: 'Canvas' })).toContainText('Drag a component from the Components tab on the left');
  // The brief is read first: it comes before the rubric on the page.
  const [briefBox, rubricBox] = [await brief.boundingBox(), await rubric.boundingBox()];
  expect(briefBox!.y).toBeLessThan(rubricBox!.y);

  // Nothing of the rubric shows before a check: no items, no score, no criterion text.
  await expect(rubric.getByRole('listitem')).toHaveCount(0);
  await expect(panel).not.toContainText('popular links are answered from memory');
  await expect(panel).not.toContainText('/ 100');

  await rubric.getByRole('button', { name: 'Check my design' }).click();
  const items = rubric.getByRole('list', { name: 'Rubric items' }).getByRole('listitem');
  expect(await items.count()).toBeGreaterThanOrEqual(5);
  for (const item of await items.all()) await expect(item).toHaveAccessibleName(/^Missed: .+ \(0 of \d+ points\)$/);
  await expect(rubric.getByRole('status')).toContainText('0 / 100');

  // An edit does not change the shown check until the learner checks again.
  await add(page, 'Service', 'Redirector');
  await add(page, 'Web client');
  await connect(page, ['Web client', 'Web client'], ['Redirector', 'Service']);
  await page.getByRole('tab', { name: 'Problem' }).click();
  const redirects = rubric.getByRole('listitem', { name: /Following a short link has its own route/ });
  await expect(redirects).toHaveAccessibleName(/^Missed/);
  await expect(rubric.getByRole('status')).toContainText('You have changed the design since this check.');
  await rubric.getByRole('button', { name: 'Check again' }).click();
  await expect(redirects).toHaveAccessibleName(/^Met: .+ \((\d+) of \1 points\)$/);
  await expect(rubric.getByRole('status')).not.toContainText('changed the design');
  await expect(rubric.getByRole('status')).toHaveText(/^Score at the last check: [1-9]\d* \/ 100$/);

  // A missed item keeps its hint folded away.
  const missed = rubric.getByRole('listitem', { name: /^Missed: On “Follow a short link”, popular links are answered from memory/ });
  const hint = missed.getByRole('group').getByRole('paragraph');
  await expect(hint).toBeHidden();
  await missed.getByText('How to earn it').click();
  await expect(hint).toBeVisible();
  await expect(hint).not.toBeEmpty();

  // The setting shows the rubric live, and is kept across visits.
  await rubric.getByRole('checkbox', { name: 'Show the rubric live as I draw' }).check();
  await expect(rubric.getByRole('button', { name: /Check/ })).toHaveCount(0);
  await page.reload();
  const again = page.getByRole('tabpanel', { name: 'Problem' }).getByRole('region', { name: 'Rubric' });
  await expect(again.getByRole('checkbox', { name: 'Show the rubric live as I draw' })).toBeChecked();
  await expect(again.getByRole('listitem', { name: /Following a short link has its own route/ })).toHaveAccessibleName(/^Met/);

  // A check counts in the problem's progress; opening the reference does not.
  await page.goto('/designs');
  const progress = page.getByRole('region', { name: 'Problem progress' });
  await expect(progress.getByRole('row', { name: /Design a URL shortener/ }).getByRole('cell').nth(2)).toHaveText('2');
});

test('opening the reference without checking records no attempt', async ({ page }) => {
  await page.goto('/problems/url-shortener');
  await page.getByRole('button', { name: 'Compare with the reference' }).click();
  await page.getByRole('button', { name: 'Close the comparison' }).click();
  await page.goto('/designs');
  await expect(page.getByRole('heading', { name: 'My designs', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problem progress' })).toHaveCount(0);
});
