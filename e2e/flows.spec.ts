import { expect, test, type Page } from '@playwright/test';
import { runAxe } from './axe.ts';
import { shortenerDesign } from './fixtures/flow-designs.ts';
import { savedDesign, seedDesign } from './support.ts';

/** A connection on the canvas, by its accessible name. */
const connection = (page: Page, name: string) => page.getByRole('main', { name: 'Canvas' }).getByRole('group', { name, exact: true });

/** Whether a connection is drawn as the step being walked: fully opaque, with a 4 px line. */
async function expectHighlighted(page: Page, name: string) {
  const edge = connection(page, name);
  await expect(edge).toHaveCSS('opacity', '1');
  await expect(edge.locator('.react-flow__edge-path')).toHaveCSS('stroke-width', '4px');
}

async function expectDimmed(page: Page, name: string) {
  const edge = connection(page, name);
  await expect.poll(async () => Number(await edge.evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(0.7);
  await expect(edge.locator('.react-flow__edge-path')).not.toHaveCSS('stroke-width', '4px');
}

async function openFlows(page: Page) {
  await seedDesign(page, shortenerDesign());
  await page.goto('/problems/url-shortener?design=short-flows');
  await page.getByRole('tab', { name: 'Flows' }).click();
  return page.getByRole('tabpanel', { name: 'Flows' });
}

test('a learner keeps a proposed flow, steps through it, makes one by hand for the other operation, and the flows survive a deleted connection and an undo', async ({ page }) => {
  const panel = await openFlows(page);
  const operations = panel.getByRole('list', { name: 'Operations in the brief' });
  const follow = operations.getByRole('listitem', { name: /^Follow a short link/ });
  const create = operations.getByRole('listitem', { name: /^Create a short link/ });
  // No flow drawn: both operations are served by flows Skyline proposes from the browser's routes.
  await expect(follow).toHaveAccessibleName('Follow a short link: served');
  await expect(follow).toContainText('by a flow Skyline proposes (Browser → Redirect service), answered by Redirect service, which does Redirects (suggested by its name');
  await expect(panel.getByRole('list', { name: 'Your flows' })).toHaveCount(0);
  const proposed = panel.getByRole('list', { name: 'Proposed flows' });
  await expect(proposed.getByRole('listitem')).toHaveCount(2);
  await expect(proposed.getByRole('listitem', { name: 'Browser → Redirect service' })).toContainText(
    'Browser → Load balancer → Redirect service → reads Link cache → on a miss reads Links DB → publishes to Click events; after the response: Click counter consumes',
  );

  // Keep it: it becomes the learner's, named after the operation it serves, and the proposal goes.
  await proposed.getByRole('button', { name: 'Keep Browser → Redirect service as “Follow a short link”' }).click();
  const mine = panel.getByRole('list', { name: 'Your flows' });
  const kept = mine.getByRole('listitem', { name: 'Follow a short link' });
  await expect(kept).toContainText('6,000/s at peak (the brief’s figure) · 6 steps');
  await expect(proposed.getByRole('listitem')).toHaveCount(1);
  await expect(follow).toContainText('by your flow “Follow a short link”');
  // The keyboard lands on the kept flow.
  await expect(kept.getByRole('button', { name: 'Step through Follow a short link' })).toBeFocused();

  // Step through it: the bar says each step, the canvas shows it.
  await page.keyboard.press('Enter');
  const bar = page.getByRole('region', { name: 'Flow step-through' });
  const status = bar.getByRole('status');
  await expect(status).toContainText('Step 1 of 6: Browser calls Load balancer.');
  await expect(status).toContainText('Browser calls Load balancer. During the request');
  await expectHighlighted(page, 'HTTP request from Browser to Load balancer');
  await expect(bar.getByRole('button', { name: 'Next step' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(status).toContainText('Step 3 of 6: Redirect service reads Link cache.');
  await expectHighlighted(page, 'Redirect service reads Link cache');
  await expectDimmed(page, 'HTTP request from Browser to Load balancer');
  await expectDimmed(page, 'HTTP request from Load balancer to Shortener');
  await expect(page.locator('[data-walk-tag]')).toHaveText('Step 3 of 6');
  // The panel lists the steps with the current one marked; a step there jumps to it.
  const steps = kept.getByRole('list', { name: 'Steps of Follow a short link' });
  await expect(steps.getByRole('button', { name: /^3\. Redirect service reads Link cache/ })).toHaveAttribute('aria-current', 'step');
  await steps.getByRole('button', { name: /^6\. Click counter consumes from Click events/ }).click();
  await expect(status).toContainText('Step 6 of 6: Click counter consumes from Click events.');
  await expect(status).toContainText('After the response');
  await expect(page.locator('[data-walk-tag]')).toHaveText('Step 6 of 6 · after the response');
  await expectHighlighted(page, 'Click counter consumes from Click events');
  await bar.getByRole('button', { name: 'Previous step' }).click();
  await expect(status).toContainText('Step 5 of 6: Redirect service publishes to Click events.');
  await expectHighlighted(page, 'Redirect service publishes to Click events');
  // Escape leaves: nothing is dimmed any more.
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(connection(page, 'HTTP request from Load balancer to Shortener')).toHaveCSS('opacity', '1');

  // Make a flow by hand: a first step, then a second one among the connections that can come next.
  await panel.getByRole('button', { name: 'New flow' }).click();
  const form = panel.getByRole('form', { name: 'New flow' });
  await form.getByRole('textbox', { name: 'Name' }).fill('Make a link');
  await form.getByRole('combobox', { name: 'Serves the operation' }).selectOption({ label: 'None of the brief’s operations' });
  await form.getByRole('combobox', { name: 'First step' }).selectOption({ label: 'Browser calls Load balancer' });
  await form.getByRole('button', { name: 'Create flow' }).click();
  const editor = panel.getByRole('region', { name: 'Edit flow Make a link' });
  const next = editor.getByRole('combobox', { name: 'Next step' });
  // Only connections leaving the browser or the load balancer are offered.
  await expect(next.getByRole('option')).toHaveText(['Load balancer calls Redirect service', 'Load balancer calls Shortener']);
  await next.selectOption({ label: 'Load balancer calls Shortener' });
  await editor.getByRole('button', { name: 'Add step' }).click();
  await expect(editor.getByRole('list', { name: 'Steps of Make a link' }).getByRole('listitem')).toHaveText(['1. Browser calls Load balancer', /^2\. Load balancer calls Shortener/]);
  await expect(next.getByRole('option')).toHaveText(['Shortener calls Code generator', 'Shortener writes Links DB', 'Load balancer calls Redirect service']);
  // Bound to the operation, it is what the grader judges "Create a short link" on.
  await editor.getByRole('combobox', { name: 'Serves the operation' }).selectOption({ label: 'Create a short link (60/s at peak)' });
  await editor.getByRole('button', { name: 'All flows' }).click();
  await expect(create).toContainText('Served by your flow “Make a link”, answered by Shortener, which does Link creation');
  const made = mine.getByRole('listitem', { name: 'Make a link' });
  await expect(made).toContainText('60/s at peak (the brief’s figure) · 2 steps');
  await expect(made).toContainText('Serves “Create a short link”');
  // Saved with the design.
  await expect.poll(async () => (await savedDesign(page)).flows.map((f) => [f.name, f.operation, f.steps.map((s) => s.edge).join(' ')])).toEqual([
    ['Follow a short link', 'follow', 'e1 e2 e3 e4 e5 e6'],
    ['Make a link', 'create', 'e1 e7'],
  ]);

  // Delete the load balancer -> shortener connection: the flow loses its second step, and the operation its route.
  await connection(page, 'HTTP request from Load balancer to Shortener').click();
  await page.keyboard.press('Delete');
  await expect(made).toContainText('1 step');
  await expect(made).toContainText('Browser → Load balancer');
  await expect(create).toHaveAccessibleName('Create a short link: not served');
  await expect(create).toContainText('Not served:');
  // Undo brings back the connection and the step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(made).toContainText('2 steps');
  await expect(create).toContainText('Served by your flow “Make a link”');
  // And undo goes on through the flow's own edits: the binding, then the step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(made).not.toContainText('Serves “Create a short link”');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(made).toContainText('1 step');
});

test('the flows panel and the step-through have no accessibility violation, and a step can be marked on a miss', async ({ page }) => {
  const panel = await openFlows(page);
  await panel.getByRole('button', { name: 'Keep Browser → Redirect service as “Follow a short link”' }).click();
  await panel.getByRole('button', { name: 'Edit Follow a short link' }).click();
  const editor = panel.getByRole('region', { name: 'Edit flow Follow a short link' });
  await editor.getByRole('textbox', { name: 'Rate at peak (requests/s)' }).fill('7500');
  await editor.getByText('Step 4 options (on a miss)').click();
  const onMiss = editor.getByRole('checkbox', { name: 'Step 4 only on a cache miss' });
  await expect(onMiss).toBeChecked();
  await onMiss.uncheck();
  await expect(editor.getByRole('list', { name: 'Steps of Follow a short link' }).getByRole('listitem').nth(3)).toHaveText(/^4\. Redirect service reads Links DB/);
  await editor.getByRole('button', { name: 'Step through Follow a short link' }).click();
  await expect(page.getByRole('region', { name: 'Flow step-through' }).getByRole('status')).toContainText('Step 1 of 6');
  const { violations } = await runAxe(page);
  expect(violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await expect.poll(async () => (await savedDesign(page)).flows[0]).toMatchObject({ rateRps: 7500, steps: [{}, {}, {}, { edge: 'e4', when: 'always' }, {}, {}] });
});

test('while a flow is edited, a connection picked on the canvas is offered as its next step, and says so when it cannot be', async ({ page }) => {
  const panel = await openFlows(page);
  await panel.getByRole('button', { name: 'New flow' }).click();
  await panel.getByRole('button', { name: 'Create flow' }).click();
  const editor = panel.getByRole('region', { name: 'Edit flow Create a short link' });
  await expect(editor.getByRole('list', { name: 'Steps of Create a short link' }).getByRole('listitem')).toHaveText(['1. Browser calls Load balancer']);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  // The shortener's write starts where the flow has not been yet.
  await connection(page, 'Shortener writes Links DB').click({ force: true });
  await expect(inspector.getByRole('region', { name: 'Flows' })).toContainText('It cannot come next in “Create a short link”: it starts at Shortener, which the flow has not reached.');
  await connection(page, 'HTTP request from Load balancer to Shortener').click({ force: true });
  await inspector.getByRole('button', { name: 'Add as step 2 of “Create a short link”' }).click();
  await expect(inspector.getByRole('list', { name: 'Flows crossing this connection' })).toHaveText('Step 2 of “Create a short link”');
  await connection(page, 'Shortener writes Links DB').click({ force: true });
  await inspector.getByRole('button', { name: 'Add as step 3 of “Create a short link”' }).click();
  await expect(editor.getByRole('list', { name: 'Steps of Create a short link' }).getByRole('listitem')).toHaveText([
    '1. Browser calls Load balancer',
    /^2\. Load balancer calls Shortener/,
    /^3\. Shortener writes Links DB/,
  ]);
  // The flow being edited stands out on the canvas; what cannot come next fades.
  await expect(connection(page, 'Shortener writes Links DB').locator('.react-flow__edge-path')).toHaveCSS('stroke-width', '3px');
  await expect.poll(async () => Number(await connection(page, 'Redirect service reads Link cache').evaluate((e) => getComputedStyle(e).opacity))).toBeLessThan(0.7);
  await expect(connection(page, 'HTTP request from Shortener to Code generator')).toHaveCSS('opacity', '1');
});
