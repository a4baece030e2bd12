// annals serve: the page's controller. Reads the filter bar, asks the API
// (docs/openapi.yaml) and hands the answers to the charts and the document
// view. Everything comes from this server; no CDN, works offline.
import { drawTimeline, drawNetwork, drawMap } from './charts.js';
import { showDocument } from './document.js';
import { initUpload } from './upload.js';

const CAMEO_ROOTS = ['01 make public statement', '02 appeal', '03 express intent to cooperate',
  '04 consult', '05 diplomatic cooperation', '06 material cooperation', '07 provide aid',
  '08 yield', '09 investigate', '10 demand', '11 disapprove', '12 reject', '13 threaten',
  '14 protest', '15 exhibit force posture', '16 reduce relations', '17 coerce', '18 assault',
  '19 fight', '20 unconventional mass violence'];

const form = document.getElementById('filters');
const status = document.getElementById('status');
const tbody = document.querySelector('#events tbody');
const more = document.getElementById('more');
let nextOffset = null;

function filterParams() {
  const p = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (String(v).trim() !== '') p.set(k, String(v).trim());
  return p;
}

async function api(path, params) {
  const r = await fetch(`api/${path}?${params}`);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}

function cell(text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  return td;
}

function addEventRows(items) {
  for (const e of items) {
    const tr = document.createElement('tr');
    tr.dataset.doc = e.doc;
    tr.dataset.event = e.event;
    tr.dataset.code = e.code;
    tr.title = e.sentence || '';
    tr.append(cell(e.day), cell(e.source_name || e.source_code), cell(`${e.code} ${e.plover || ''}`),
      cell(e.target_name || e.target_code), cell(e.place), cell(Number(e.goldstein).toFixed(1)));
    tr.addEventListener('click', () => selectEvent(tr));
    tbody.append(tr);
  }
}

async function selectEvent(tr) {
  for (const s of tbody.querySelectorAll('tr.selected')) s.classList.remove('selected');
  tr.classList.add('selected');
  try {
    const doc = await api('document', new URLSearchParams({ id: tr.dataset.doc }));
    showDocument(document.getElementById('document'), doc, Number(tr.dataset.event));
  } catch (err) {
    report(err);
  }
}

function report(err) {
  status.textContent = err ? String(err.message || err) : '';
  status.classList.toggle('error', Boolean(err));
}

// Shows a document without choosing an event: its first, if it has any.
async function openDocument(id) {
  try {
    const doc = await api('document', new URLSearchParams({ id }));
    const view = document.getElementById('document');
    showDocument(view, doc, doc.events?.length ? 0 : -1);
    view.scrollIntoView({ block: 'nearest' });
  } catch (err) {
    report(err);
  }
}

async function loadEvents(offset) {
  const p = filterParams();
  p.set('limit', '100');
  p.set('offset', String(offset));
  const page = await api('events', p);
  if (offset === 0) tbody.replaceChildren();
  addEventRows(page.items);
  nextOffset = page.next_offset;
  more.hidden = nextOffset === null;
}

async function refresh() {
  const p = filterParams();
  document.getElementById('csv').href = `api/events?${p}&format=csv`;
  report(null);
  status.textContent = 'Loading...';
  try {
    const big = new URLSearchParams(p);
    big.set('limit', '1000');
    const [series, actors, dyads, places] = await Promise.all([
      api('series', p), api('actors', new URLSearchParams([...p, ['limit', '40']])),
      api('dyads', new URLSearchParams([...p, ['limit', '200']])), api('places', big)]);
    drawTimeline(document.getElementById('timeline'), series.items);
    drawNetwork(document.getElementById('network'), actors.items, dyads.items);
    // The map waits for the world geometry: the page is ready only once it is drawn.
    const map = drawMap(document.getElementById('map'), places.items);
    await loadEvents(0);
    await map;
    const n = series.items.reduce((s, d) => s + d.events, 0);
    status.textContent = `${n} events`;
    document.body.dataset.ready = 'true';
  } catch (err) {
    report(err);
  }
}

const rootSelect = form.elements.root;
for (const r of CAMEO_ROOTS) {
  const o = document.createElement('option');
  o.value = r.slice(0, 2);
  o.textContent = r;
  rootSelect.append(o);
}
form.addEventListener('submit', (e) => { e.preventDefault(); refresh(); });
form.addEventListener('reset', () => setTimeout(refresh, 0));
more.addEventListener('click', () => loadEvents(nextOffset).catch(report));
refresh();
// The upload panel needs the server's settings; the page works without it.
fetch('api/config').then((r) => r.json()).then((config) => initUpload(config, {
  open: openDocument,
  only: (id) => { form.elements.doc.value = id; return refresh(); },
  refresh,
})).catch(report);
