// Browser test of the `annals serve` page (run by tests/e2e/serve_browser_test.sh,
// which ingests samples/ and starts the server): Debian's chromium, headless,
// driven by playwright-core; never downloads a browser. Checks that the
// timeline, actor network, map and event list render the sample's events,
// clicks an event and checks its evidence is highlighted in the document,
// and saves screenshots to $SHOTS.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const base = process.env.BASE_URL;
const shots = process.env.SHOTS;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox'],
});
let failed = false;
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push(`request outside the server: ${r.url()}`);
  });
  await page.goto(`${base}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });

  // What the API says the sample holds, to compare the drawing with.
  const api = async (path) => (await page.request.get(`${base}/api/${path}`)).json();
  const series = (await api('series')).items;
  const dyads = (await api('dyads?limit=200')).items;
  const places = (await api('places?limit=1000')).items;
  const events = (await api('events?limit=1000')).items;
  assert.ok(events.length >= 10, `the sample has events (${events.length})`);

  // Timeline: one bar segment per (day, QuadClass), counts adding up.
  const bars = await page.$$eval('#timeline rect.bar', (rs) => rs.map((r) => ({
    day: r.dataset.day, quad: Number(r.dataset.quad), count: Number(r.dataset.count) })));
  const total = bars.reduce((s, b) => s + b.count, 0);
  assert.equal(total, series.reduce((s, d) => s + d.events, 0), 'timeline counts all dated events');
  assert.deepEqual([...new Set(bars.map((b) => b.day))].sort(), series.map((d) => d.period));
  assert.equal(await page.locator('#timeline polyline.gline').count(), 1, 'Goldstein line');

  // Network: a node per busiest actor, an arrow per dyad between them.
  const nodes = await page.$$eval('#network g.node', (gs) => gs.map((g) => g.dataset.code));
  const edges = await page.$$eval('#network path.edge', (es) => es.map((e) => `${e.dataset.source}>${e.dataset.target}`));
  assert.ok(nodes.length >= 2, `network nodes (${nodes})`);
  assert.ok(edges.length >= 1, 'network edges');
  const top = `${dyads[0].source_code}>${dyads[0].target_code}`;
  assert.ok(edges.includes(top), `the busiest dyad ${top} is drawn`);

  // Map: countries from world-atlas, a circle per place with coordinates.
  const countries = await page.locator('#map path.country').count();
  assert.ok(countries > 150, `world map countries (${countries})`);
  const dots = await page.$$eval('#map circle.place', (cs) => cs.map((c) => c.dataset.place));
  const located = places.filter((p) => p.latitude !== null && p.longitude !== null);
  assert.equal(dots.length, located.length, 'a circle per located place');
  assert.ok(dots.includes('Cairo'), `Cairo is on the map (${dots})`);

  // Event list, then the evidence of one event: a meeting in Cairo.
  const rows = await page.locator('#events tbody tr').count();
  assert.equal(rows, Math.min(100, events.length), 'event rows');
  await page.screenshot({ path: `${shots}/serve-overview.png`, fullPage: true });

  const pick = events.find((e) => e.source_code && e.target_code && e.place === 'Cairo') ||
    events.find((e) => e.source_code && e.target_code);
  assert.ok(pick, 'an event with source and target');
  await page.click(`#events tbody tr[data-doc="${pick.doc}"][data-event="${pick.event}"]`);
  await page.waitForSelector(`#document[data-doc="${pick.doc}"][data-event="${pick.event}"]`);
  const doc = await (await page.request.get(`${base}/api/document?id=${encodeURIComponent(pick.doc)}`)).json();
  const ev = doc.events[pick.event];
  const bytes = Buffer.from(doc.text, 'utf8');
  const slice = (span) => bytes.subarray(span[0], span[1]).toString('utf8');
  const marked = async (cls) => (await page.$$eval(`#document mark.${cls}`, (ms) => ms.map((m) => m.textContent))).join('');
  assert.equal(await marked('hl-source'), slice(doc.actors[ev.source].span), 'source highlighted');
  assert.equal(await marked('hl-target'), slice(doc.actors[ev.target].span), 'target highlighted');
  assert.ok(slice(ev.span).includes(await marked('hl-verb')) && (await marked('hl-verb')).length > 0,
    'the event words highlighted');
  if (ev.place >= 0) assert.equal(await marked('hl-place'), slice(doc.places[ev.place].span), 'place highlighted');
  const current = await page.locator('#document .sentence.current').textContent();
  assert.ok(current.includes(slice(ev.span)), 'the event sentence is marked current');
  const details = await page.locator('#document .event-details').textContent();
  assert.ok(details.includes(ev.code), 'event details name the code');
  await page.locator('#document-panel').screenshot({ path: `${shots}/serve-document.png` });

  // A document with a quote and a count, highlighted too.
  const withQuote = events.find((e) => e.sentence && e.sentence.includes('"'));
  if (withQuote) {
    await page.click(`#events tbody tr[data-doc="${withQuote.doc}"][data-event="${withQuote.event}"]`);
    await page.waitForSelector(`#document[data-doc="${withQuote.doc}"][data-event="${withQuote.event}"]`);
  }

  // The filter bar narrows everything: only conflict (QuadClass 4).
  await page.selectOption('select[name="quad_class"]', '4');
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => document.querySelector('#status').textContent.endsWith('events'));
  const quads = await page.$$eval('#timeline rect.bar', (rs) => [...new Set(rs.map((r) => r.dataset.quad))]);
  assert.ok(quads.every((q) => q === '4'), `only QuadClass 4 after filtering (${quads})`);
  await page.screenshot({ path: `${shots}/serve-filtered.png`, fullPage: true });

  // A bad filter shows the API's 400 message.
  await page.fill('input[name="goldstein_min"]', '5');
  await page.fill('input[name="goldstein_max"]', '-5');
  await page.click('#filters button[type="submit"]');
  await page.waitForSelector('#status.error');
  assert.match(await page.locator('#status').textContent(), /goldstein_min/);

  assert.deepEqual(problems.filter((p) => !p.includes('400')), [], 'no console errors or outside requests');
  console.log(`serve_browser_test: ok (${events.length} events, ${nodes.length} actors, ${dots.length} places); screenshots in ${shots}`);
} catch (err) {
  failed = true;
  console.error('FAIL:', err.message);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
