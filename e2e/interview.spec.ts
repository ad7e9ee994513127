import { expect, test } from '@playwright/test';
import { connectByDrag, node } from './support.ts';

test('a timed mock interview: phases, a follow-up from a finding, the scorecard, history and replay', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-21T09:00:00Z') });
  await page.goto('/interview');
  await page.getByRole('combobox', { name: 'Problem' }).selectOption({ label: 'Design a URL shortener' });
  await page.getByText('30 minutes').click();
  await expect(page.getByText(/Requirements 3 min · Estimation 3 min/)).toBeVisible();
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page).toHaveURL(/\/interview\/i-/);
  await expect(page).toHaveTitle('Interview: Design a URL shortener · Skyline');

  // The interviewer opens with the problem's first requirements question.
  const panel = page.getByRole('tabpanel', { name: 'Interview' });
  const questions = panel.getByRole('list', { name: 'Questions' });
  await expect(questions.getByRole('listitem')).toHaveCount(1);
  await questions.getByRole('textbox').fill('Links never change; custom aliases are optional.');
  await questions.getByRole('button', { name: 'Answer' }).click();
  await expect(questions.getByText('Links never change; custom aliases are optional.')).toBeVisible();
  await expect(questions.getByRole('listitem')).toHaveCount(2);
  // An answer can be revised; the revision is what the scorecard keeps.
  const first = questions.getByRole('listitem').filter({ hasText: 'Links never change' });
  await first.getByRole('button', { name: /^Edit your answer to: / }).click();
  await expect(first.getByRole('textbox')).toHaveValue('Links never change; custom aliases are optional.');
  await first.getByRole('textbox').fill('Links never change; custom aliases are optional and unique.');
  await first.getByRole('button', { name: 'Save answer' }).click();
  await expect(questions.getByText('Links never change; custom aliases are optional and unique.')).toBeVisible();
  await expect(questions.getByRole('button', { name: 'Save answer' })).toHaveCount(0);

  // The clock keeps counting, across a reload too.
  await page.clock.fastForward('05:00');
  await expect(panel.getByRole('region', { name: 'Timer' })).toContainText(/5:0\d/);
  await page.reload();
  await expect(page.getByRole('tabpanel', { name: 'Interview' }).getByRole('region', { name: 'Timer' })).toContainText(/5:\d\d/);

  // Move freely between phases; time is kept per phase.
  await panel.getByRole('button', { name: /^Estimation/ }).click();
  await expect(panel.getByRole('button', { name: /^Estimation/ })).toHaveAttribute('aria-current', 'step');
  await page.clock.fastForward('02:00');
  await panel.getByRole('tab', { name: 'Notes' }).click();
  for (const [field, value] of [
    ['Daily active users', '10000000'],
    ['Requests per user per day', '20'],
    ['Peak-to-average factor', '3'],
    ['Writes per user per day', '1'],
    ['Bytes stored per write', '500'],
    ['Bytes per response', '1000'],
    ['Retention in years', '5'],
  ] as const) {
    await panel.getByRole('textbox', { name: field }).fill(value);
  }
  await expect(panel.getByText('10,000,000 users × 20 requests ÷ 86,400 s ≈ 2,315 requests/s')).toBeVisible();
  await panel.getByRole('tab', { name: /Questions/ }).click();

  // Draw a synchronous call without a timeout during the high-level design: the interviewer asks about it.
  await panel.getByRole('button', { name: /^High-level design/ }).click();
  await page.getByRole('tab', { name: 'Components' }).click();
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await page.getByRole('button', { name: 'Add Service', exact: true }).click();
  await connectByDrag(page, node(page, 'Service', 'Service'), node(page, 'Service 2', 'Service'));
  await expect(page.getByRole('group', { name: 'HTTP request from Service to Service 2' })).toBeVisible();
  await page.getByRole('tab', { name: 'Interview' }).click();
  await page.clock.fastForward('02:30');
  const followUp = questions.getByRole('listitem').filter({ hasText: 'Service calls Service 2' }).first();
  await expect(followUp).toContainText('?');
  await expect(followUp).toContainText('About your design');
  await followUp.getByRole('textbox').fill('A 300 ms timeout and a breaker, so Service fails fast.');
  await followUp.getByRole('button', { name: 'Answer' }).click();
  await expect(followUp).toContainText('A 300 ms timeout and a breaker');

  await panel.getByRole('button', { name: 'End interview' }).click();
  await page.getByRole('dialog', { name: 'End the interview?' }).getByRole('button', { name: 'End and see scorecard' }).click();
  await expect(page).toHaveURL(/\/scorecard$/);
  await expect(page.getByRole('heading', { name: 'Design a URL shortener' })).toBeVisible();
  await expect(page).toHaveTitle('Scorecard: Design a URL shortener · Skyline');
  await expect(page.getByRole('region', { name: 'Rubric score' })).toContainText('/100');
  const time = page.getByRole('region', { name: 'Time per phase' });
  await expect(time.getByRole('row', { name: /Requirements/ })).toContainText(/5:\d\d/);
  await expect(time.getByRole('row', { name: /Estimation/ })).toContainText(/2:0\d/);
  await expect(page.getByRole('region', { name: 'Questions' })).toContainText('2 answered');
  await expect(page.getByRole('region', { name: 'Questions' })).toContainText('Links never change; custom aliases are optional and unique.');
  await expect(page.getByRole('region', { name: 'Things to improve' }).getByRole('listitem').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();

  await page.getByRole('link', { name: 'All interviews' }).click();
  const history = page.getByRole('list', { name: 'Past interviews' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText('Design a URL shortener');
  await history.getByRole('link', { name: /^Replay of Design a URL shortener/ }).click();
  await expect(page).toHaveTitle('Replay: Design a URL shortener · Skyline');
  const slider = page.getByRole('slider', { name: 'Snapshot' });
  await expect(slider).toBeVisible();
  const steps = Number(await slider.getAttribute('max'));
  expect(steps).toBeGreaterThanOrEqual(3);
  await slider.fill('1');
  await expect(page.getByRole('status')).toContainText(`Snapshot 1 of ${steps}`);
  await expect(page.getByRole('status')).toContainText('0 components');
  await slider.fill(String(steps));
  await expect(page.getByRole('status')).toContainText('2 components, 1 connection');
});

test('on a phone the clock stays in view and the interviewer keeps answers when its drawer closes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/interview');
  await page.getByRole('combobox', { name: 'Problem' }).selectOption({ label: 'Design a URL shortener' });
  await page.getByRole('button', { name: 'Start interview' }).click();
  await expect(page.getByLabel('Time left')).toHaveText(/4\d:\d\d/);
  await expect(page.getByText('1 waiting', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Open interviewer' }).click();
  const drawer = page.getByRole('complementary', { name: 'Interview' });
  await drawer.getByRole('textbox', { name: /Your answer to/ }).fill('Only short links and redirects for now.');
  await drawer.getByRole('button', { name: 'Answer' }).click();
  await drawer.getByRole('button', { name: 'Close Interview' }).click();
  await page.getByRole('button', { name: 'Interview', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Interview' }).getByText('Only short links and redirects for now.')).toBeVisible();
});

test('the scorecard agrees with the session clock, to the second, and reads on a phone; an empty replay says so', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-11-21T09:00:00Z') });
  await page.goto('/interview');
  await page.getByRole('combobox', { name: 'Problem' }).selectOption({ label: 'Design a URL shortener' });
  await page.getByText('30 minutes').click();
  await page.getByRole('button', { name: 'Start interview' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Interview' });
  const requirements = panel.getByRole('button', { name: /^Requirements/ });
  // The session's clock has started (its start is taken once the session is stored).
  await expect(requirements).toContainText(/0:0\d \/ 3:00$/);

  // Half a minute past a 3-minute plan is within the allowance: not marked over, here or on the scorecard.
  await page.clock.fastForward('03:30');
  await expect(requirements).toContainText(/3:3\d \/ 3:00$/);
  await page.clock.fastForward('01:00');
  await expect(requirements).toContainText(/4:3\d \/ 3:00 over$/);
  // Minutes and a fraction of a second: what the scorecard says is over is what its clock shows, to the second.
  await page.clock.fastForward(7.5 * 60_000 + 500);
  await panel.getByRole('button', { name: /^Estimation/ }).click();
  await page.clock.fastForward('03:30');
  await panel.getByRole('button', { name: 'End interview' }).click();
  await page.getByRole('dialog', { name: 'End the interview?' }).getByRole('button', { name: 'End and see scorecard' }).click();
  const time = page.getByRole('region', { name: 'Time per phase' });
  const row = (await time.getByRole('row', { name: /Requirements/ }).innerText()).replace(/\s+/g, ' ');
  const [, minutes, seconds, overMin, overSec] = row.match(/3:00 (\d+):(\d\d) (\d+) min (?:(\d+) s )?over$/) ?? [];
  expect(Number(minutes) * 60 + Number(seconds) - 180, row).toBe(Number(overMin) * 60 + Number(overSec ?? 0));
  await expect(time.getByRole('row', { name: /Estimation/ })).toHaveText(/Estimation\s*3:00\s*3:3\d\s*on plan$/);

  // Nothing was met or fixed: the strengths say so, and the lists stand one above the other.
  const strengths = page.getByRole('region', { name: 'Strengths' });
  await expect(strengths).toContainText('Nothing met or fixed yet.');
  const improve = page.getByRole('region', { name: 'Things to improve' });
  expect((await improve.boundingBox())!.y).toBeGreaterThan((await strengths.boundingBox())!.y + (await strengths.boundingBox())!.height - 1);

  // On a phone the column headings keep apart.
  await page.setViewportSize({ width: 390, height: 844 });
  const gaps = await time.locator('thead th').evaluateAll((cells) =>
    cells.slice(1).map((cell, i) => {
      const text = (el: Element) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return range.getBoundingClientRect();
      };
      return text(cell).left - text(cells[i]!).right;
    }),
  );
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(8);

  await page.getByRole('link', { name: 'Replay the design' }).click();
  await expect(page.getByText(/Nothing was drawn during this session|The canvas was still empty at this point/)).toBeVisible();
});
