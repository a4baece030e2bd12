// Browser test of the `annals serve` page (run by tests/e2e/serve_browser_test.sh,
// which ingests samples/ and starts two servers on copies of the store):
// Debian's chromium, headless, driven by playwright-core; never downloads a
// browser. On the read-only server ($BASE_URL): the timeline, actor network,
// map and event list render the sample's events, clicking an event
// highlights its source, target, event words, place, quotes and counts, the
// filter bar narrows everything, and the upload panel is hidden. On the
// --allow-ingest --max-upload-kb 64 server ($UPLOAD_URL): a file upload is
// stored and shows up, the same file again is a duplicate, pasted text is
// stored, a broken file is refused with the server's reason and a file over
// the limit is refused before it is sent. Screenshots go to $SHOTS.
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';

const base = process.env.BASE_URL;
const uploadBase = process.env.UPLOAD_URL;
const shots = process.env.SHOTS;
const files = process.env.FILES;
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

  // An event whose sentence is inside a quote and holds a count: both are
  // highlighted as well, each mark inside the span it stands for.
  let withBoth = null;
  for (const docId of [...new Set(events.map((e) => e.doc))]) {
    const d = await (await page.request.get(`${base}/api/document?id=${encodeURIComponent(docId)}`)).json();
    const i = d.events.findIndex((e) => e.source >= 0 && e.target >= 0 &&
      (d.quotes || []).some((q) => q.sentence <= e.sentence && e.sentence <= q.last_sentence) &&
      (d.counts || []).some((c) => c.sentence === e.sentence));
    if (i >= 0 && events.some((e) => e.doc === docId && e.event === i)) { withBoth = { d, i }; break; }
  }
  assert.ok(withBoth, 'the sample has an event with source, target, a quote and a count');
  {
    const { d, i } = withBoth;
    await page.click(`#events tbody tr[data-doc="${d.id}"][data-event="${i}"]`);
    await page.waitForSelector(`#document[data-doc="${d.id}"][data-event="${i}"]`);
    const b = Buffer.from(d.text, 'utf8');
    const cut = (span) => b.subarray(span[0], span[1]).toString('utf8');
    const e = d.events[i];
    const quotes = d.quotes.filter((q) => q.sentence <= e.sentence && e.sentence <= q.last_sentence).map((q) => cut(q.span));
    const counts = d.counts.filter((c) => c.sentence === e.sentence).map((c) => cut(c.span));
    const pieces = async (cls) => page.$$eval(`#document mark.${cls}`, (ms) => ms.map((m) => m.textContent));
    const quoteMarks = await pieces('hl-quote');
    const countMarks = await pieces('hl-count');
    assert.ok(quoteMarks.length > 0, 'a quote highlighted');
    assert.ok(quoteMarks.every((m) => quotes.some((q) => q.includes(m))), `quote marks inside quotes (${quoteMarks})`);
    assert.ok(countMarks.length > 0, 'a count highlighted');
    assert.equal(countMarks.join(''), counts.join(''), 'the counts of the sentence highlighted');
    for (const cls of ['hl-source', 'hl-verb', 'hl-target', ...(e.place >= 0 ? ['hl-place'] : [])])
      assert.ok((await pieces(cls)).length > 0, `${cls} highlighted with the quote and count`);
    await page.locator('#document-panel').screenshot({ path: `${shots}/serve-document-quote.png` });
  }

  // Read-only: no upload panel, and the server refuses uploads.
  const config = await api('config');
  assert.equal(config.allow_ingest, false, 'read-only server says so');
  assert.equal(await page.locator('#upload-panel').isHidden(), true, 'upload panel hidden');
  const refused = await page.request.post(`${base}/api/ingest`, { data: 'Egypt met Qatar.' });
  assert.equal(refused.status(), 403, 'POST /api/ingest refused when read-only');
  assert.match((await refused.json()).error, /allow-ingest/);

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
  if (uploadBase) await testUploads();
  console.log(`serve_browser_test: ok (${events.length} events, ${nodes.length} actors, ${dots.length} places, uploads); screenshots in ${shots}`);
} catch (err) {
  failed = true;
  if (err.stack) console.error(err.stack);
  console.error('FAIL:', err.message);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);

// The upload panel on the server that takes uploads of at most 64 KB.
async function testUploads() {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1800 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  const posts = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(uploadBase)) problems.push(`request outside the server: ${r.url()}`);
    if (r.method() === 'POST') posts.push(r.url());
  });
  const api = async (path) => (await page.request.get(`${uploadBase}/api/${path}`)).json();
  const config = await api('config');
  assert.equal(config.allow_ingest, true);
  assert.equal(config.max_upload_bytes, 64 * 1024);
  await page.goto(`${uploadBase}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  await page.waitForSelector('#upload-panel:not([hidden])');
  assert.match(await page.locator('#upload-limit').textContent(), /64 KB/);
  const before = (await api('documents?limit=1000')).items.length;

  // Waits for the panel to finish its n-th submission.
  let submissions = 0;
  const submit = async () => {
    submissions += 1;
    await page.click('#upload button[type="submit"]');
    await page.waitForSelector(`#upload-panel[data-done="${submissions}"]`, { timeout: 30000 });
  };
  const result = (label) => page.locator(`#upload-results li[data-upload="${label}"]`).first();

  // 1. A file: stored under its name, its events listed and its document open.
  const article = `${files}/cairo-talks.txt`;
  writeFileSync(article, 'Tuesday 5 March 2024 - 09:30\n\nTalks in Cairo\n\n' +
    'Egyptian officials met Qatari envoys in Cairo on Tuesday to discuss a ceasefire.\n\n' +
    'Israeli troops fired on protesters in Gaza, killing three people.\n');
  await page.setInputFiles('#upload input[type="file"]', article);
  await submit();
  const stored = result('cairo-talks.txt');
  assert.equal(await stored.getAttribute('class'), 'ok', await stored.textContent());
  const id = await stored.getAttribute('data-doc');
  assert.equal(id, 'cairo-talks');
  assert.match(await stored.textContent(), /stored as cairo-talks \(\d+ events?\)/);
  assert.equal((await api('documents?limit=1000')).items.length, before + 1, 'one more document');
  const own = (await api(`events?doc=${id}`)).items;
  assert.ok(own.length >= 1, `the upload has events (${own.length})`);
  // The page redrew after the upload: the new events are in the list (the
  // sample has fewer than a page of events) and counted in the status.
  assert.equal(await page.locator(`#events tbody tr[data-doc="${id}"]`).count(), own.length,
    'the upload\'s events are listed');
  const total = (await api('series')).items.reduce((n, d) => n + d.events, 0);
  assert.equal(await page.locator('#status').textContent(), `${total} events`);
  await stored.locator('button', { hasText: 'Its events' }).click();
  await page.waitForFunction((doc) => {
    const rows = [...document.querySelectorAll('#events tbody tr')];
    return rows.length > 0 && rows.every((r) => r.dataset.doc === doc);
  }, id);
  assert.equal(await page.locator('#events tbody tr').count(), own.length, 'only its events listed');
  assert.equal(await page.inputValue('input[name="doc"]'), id, 'the Document filter is set');
  await stored.locator('button', { hasText: 'Open' }).click();
  await page.waitForSelector(`#document[data-doc="${id}"]`);
  assert.match(await page.locator('#document h3').textContent(), /Talks in Cairo/);
  // Scrolled back up: the sticky filter bar would be drawn mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}/serve-upload.png`, fullPage: true });

  // 2. The same file again: a duplicate, named as such, nothing added.
  await page.setInputFiles('#upload input[type="file"]', article);
  await submit();
  const again = result('cairo-talks.txt');
  assert.equal(await again.getAttribute('class'), 'duplicate');
  assert.match(await again.textContent(), /already stored as cairo-talks/);
  assert.equal((await api('documents?limit=1000')).items.length, before + 1, 'no document added');

  // 3. Pasted text with a title and a date: a content id, stored.
  await page.fill('#upload textarea[name="text"]', 'Turkey hosted Iranian diplomats in Ankara for talks on trade.');
  await page.fill('#upload input[name="title"]', 'Ankara talks');
  await page.fill('#upload input[name="date"]', '2024-03-06');
  await submit();
  const pasted = result('pasted text');
  assert.equal(await pasted.getAttribute('class'), 'ok', await pasted.textContent());
  const pastedId = await pasted.getAttribute('data-doc');
  assert.match(pastedId, /^upload-[0-9a-f]{12}$/);
  const pastedDoc = await api(`document?id=${pastedId}`);
  assert.equal(pastedDoc.title, 'Ankara talks');
  assert.match(pastedDoc.published, /^2024-03-06/);

  // 4. A broken file: refused, with the server's reason on the page.
  const broken = `${files}/broken.txt`;
  writeFileSync(broken, Buffer.concat([Buffer.from('Talks resumed in Cairo.'), Buffer.from([0, 0, 1, 2, 3])]));
  await page.setInputFiles('#upload input[type="file"]', broken);
  await submit();
  const bad = result('broken.txt');
  assert.equal(await bad.getAttribute('class'), 'error');
  const reason = await bad.textContent();
  assert.match(reason, /refused: broken\.txt: \[E004\] NUL byte at byte 23 \(binary data\?\)/, reason);

  // 5. A file over the limit: refused on the page, never sent; the server
  // refuses it too when sent anyway.
  const big = `${files}/big.txt`;
  writeFileSync(big, 'Egypt met Qatar in Cairo. '.repeat(3000));  // 78,000 bytes
  const sent = posts.length;
  await page.setInputFiles('#upload input[type="file"]', big);
  await submit();
  const large = result('big.txt');
  assert.equal(await large.getAttribute('class'), 'error');
  assert.match(await large.textContent(), /too large: 77 KB, this server takes at most 64 KB; not sent/);
  assert.equal(posts.length, sent, 'the large file was not sent');
  const r413 = await page.request.post(`${uploadBase}/api/ingest?name=big.txt`, { data: 'x'.repeat(70 * 1024) });
  assert.equal(r413.status(), 413, 'the server refuses it as well');
  assert.match((await r413.json()).error, /64 KB/);
  await page.locator('#upload-panel').screenshot({ path: `${shots}/serve-upload-results.png` });

  // The uploaded events show on the whole page once the filter is cleared.
  await page.click('#filters button[type="reset"]');
  await page.waitForFunction(() => !document.querySelector('input[name="doc"]').value);
  const series = (await api('series')).items;
  await page.waitForFunction((n) => document.querySelector('#status').textContent === `${n} events`,
    series.reduce((s, d) => s + d.events, 0));
  assert.deepEqual(problems, [], 'no page errors or outside requests while uploading');
  await page.close();
}
