import { expect, test } from '@playwright/test';
import { connectByDrag, node, openCanvas, savedDesign } from './support.ts';

test('a new user builds a five-node design with the mouse and it survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Start drawing' }).click();
  await expect(page).toHaveURL(/\/canvas\/[\w.:-]+$/);
  await expect(page.getByText('0 components, 0 connections')).toBeVisible();

  const canvas = page.getByRole('main', { name: 'Canvas' });
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  const spots = [
    ['Web client', 0.15, 0.2],
    ['API gateway', 0.45, 0.2],
    ['Service', 0.45, 0.5],
    ['Message queue', 0.15, 0.6],
    ['Relational database', 0.78, 0.5],
  ] as const;
  for (const [label, fx, fy] of spots) {
    await page.getByRole('button', { name: `Add ${label}`, exact: true }).dragTo(canvas, {
      targetPosition: { x: box.width * fx, y: box.height * fy },
    });
    await expect(node(page, label, label)).toBeVisible();
  }
  await expect(page.getByText('5 components, 0 connections')).toHaveCount(0); // a node is selected, so the summary is hidden

  await connectByDrag(page, node(page, 'Web client', 'Web client'), node(page, 'API gateway', 'API gateway'));
  await connectByDrag(page, node(page, 'API gateway', 'API gateway'), node(page, 'Service', 'Service'));
  await connectByDrag(page, node(page, 'Service', 'Service'), node(page, 'Relational database', 'Relational database'));
  await connectByDrag(page, node(page, 'Service', 'Service'), node(page, 'Message queue', 'Message queue'));

  await expect(page.getByRole('group', { name: 'HTTP request from Web client to API gateway' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'HTTP request from API gateway to Service' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Service reads and writes Relational database' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Service publishes to Message queue' })).toBeVisible();

  // Every line starts and ends on a connection point (the dots on the sides of the boxes).
  const gaps = await page.evaluate(() =>
    [...document.querySelectorAll<SVGPathElement>('.react-flow__edge-path')].flatMap((path) => {
      const matrix = path.getScreenCTM()!;
      const dots = [...document.querySelectorAll('.react-flow__handle')].map((h) => h.getBoundingClientRect());
      return [0, path.getTotalLength()].map((at) => {
        const p = path.getPointAtLength(at).matrixTransform(matrix);
        return Math.min(...dots.map((d) => Math.hypot(Math.max(d.left - p.x, 0, p.x - d.right), Math.max(d.top - p.y, 0, p.y - d.bottom))));
      });
    }),
  );
  expect(gaps).toHaveLength(8);
  for (const gap of gaps) expect(gap).toBeLessThan(1);

  const saved = await savedDesign(page);
  expect(saved.nodes.map((n) => n.kind).sort()).toEqual(['api-gateway', 'message-queue', 'relational-database', 'service', 'web-client']);
  expect(saved.edges.map((e) => e.family).sort()).toEqual(['async', 'data', 'sync', 'sync']);

  await page.reload();
  await openCanvas(page);
  await page.keyboard.press('Escape');
  await expect(page.getByText('5 components, 4 connections')).toBeVisible();
  await expect(node(page, 'Relational database', 'Relational database')).toBeVisible();
  const reloaded = await savedDesign(page);
  expect(reloaded.nodes).toEqual(saved.nodes);
  expect(reloaded.edges).toEqual(saved.edges);
});

test('a connection that makes no sense is refused with the reason', async ({ page }) => {
  await openCanvas(page);
  await page.getByRole('button', { name: 'Add Relational database', exact: true }).click();
  await page.getByRole('button', { name: 'Add Web client', exact: true }).click();
  await page.getByRole('button', { name: 'Auto-layout' }).click();
  await connectByDrag(page, node(page, 'Relational database', 'Relational database'), node(page, 'Web client', 'Web client'));
  await expect(page.getByRole('status').filter({ hasText: 'nothing calls a client' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('2 components, 0 connections')).toBeVisible();
});
