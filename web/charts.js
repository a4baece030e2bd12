// annals serve: the three charts, drawn as plain SVG (no chart library):
// the timeline (stacked bars by QuadClass, a line for mean Goldstein), the
// actor network (actors on a circle, arrows source -> target coloured by
// mean Goldstein) and the map (world-atlas countries in an equirectangular
// projection, one circle per place).
const NS = 'http://www.w3.org/2000/svg';

function el(name, attrs = {}, parent = null) {
  const e = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (parent) parent.append(e);
  return e;
}

function svg(container, width, height) {
  const s = el('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img' });
  container.replaceChildren(s);
  return s;
}

// -10 (conflict, red) .. +10 (cooperation, green).
export function goldsteinColour(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  const red = [178, 24, 43], grey = [150, 150, 150], green = [27, 120, 55];
  const to = t < 0 ? red : green, a = Math.abs(t) ** 0.6;
  const c = grey.map((v, i) => Math.round(v + (to[i] - v) * a));
  return `rgb(${c.join(',')})`;
}

export function drawTimeline(container, items) {
  const W = 900, H = 200, left = 36, right = 36, top = 10, bottom = 24;
  const s = svg(container, W, H);
  if (!items.length) { el('text', { x: W / 2, y: H / 2, class: 'axis' }, s).textContent = 'no events'; return; }
  const max = Math.max(...items.map((d) => d.events));
  const bw = (W - left - right) / items.length;
  const y = (v) => H - bottom - (v / max) * (H - top - bottom);
  const gy = (g) => top + ((10 - g) / 20) * (H - top - bottom);
  items.forEach((d, i) => {
    let base = 0;
    for (const q of [1, 2, 3, 4]) {
      const n = d[`quad${q}`];
      if (!n) continue;
      const r = el('rect', { x: left + i * bw + 1, y: y(base + n), width: Math.max(1, bw - 2),
        height: y(base) - y(base + n), class: `bar q${q}` }, s);
      r.dataset.day = d.period;
      r.dataset.quad = q;
      r.dataset.count = n;
      el('title', {}, r).textContent = `${d.period}: ${n} events of QuadClass ${q}`;
      base += n;
    }
  });
  const pts = items.map((d, i) => `${left + (i + 0.5) * bw},${gy(d.goldstein_mean)}`);
  el('polyline', { points: pts.join(' '), class: 'gline' }, s);
  el('text', { x: 2, y: top + 8, class: 'axis' }, s).textContent = String(max);
  el('text', { x: W - right + 4, y: top + 8, class: 'axis' }, s).textContent = 'G +10';
  el('text', { x: W - right + 4, y: H - bottom, class: 'axis' }, s).textContent = 'G -10';
  const step = Math.max(1, Math.ceil(items.length / 8));
  items.forEach((d, i) => {
    if (i % step === 0) el('text', { x: left + i * bw, y: H - 8, class: 'axis' }, s).textContent = d.period;
  });
}

export function drawNetwork(container, actors, dyads) {
  const W = 460, H = 420, cx = W / 2, cy = H / 2, R = 150;
  const s = svg(container, W, H);
  const defs = el('defs', {}, s);
  const known = new Map();
  actors.forEach((a, i) => {
    const t = (2 * Math.PI * i) / actors.length - Math.PI / 2;
    known.set(a.code, { ...a, x: cx + R * Math.cos(t), y: cy + R * Math.sin(t), t });
  });
  const maxEvents = Math.max(1, ...dyads.map((d) => d.events));
  dyads.forEach((d, i) => {
    const a = known.get(d.source_code), b = known.get(d.target_code);
    if (!a || !b) return;
    const colour = goldsteinColour(d.goldstein_mean);
    const m = el('marker', { id: `arrow${i}`, viewBox: '0 0 10 10', refX: 16, refY: 5,
      markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M0,0 L10,5 L0,10 z', fill: colour }, m);
    // A slight curve keeps A->B and B->A apart; a self-loop is a small circle.
    const path = a === b
      ? `M${a.x},${a.y} c 30,-30 30,30 0,0`
      : `M${a.x},${a.y} Q${(a.x + b.x) / 2 + (b.y - a.y) * 0.15},${(a.y + b.y) / 2 - (b.x - a.x) * 0.15} ${b.x},${b.y}`;
    const e = el('path', { d: path, class: 'edge', stroke: colour,
      'stroke-width': 1 + (4 * d.events) / maxEvents, 'marker-end': `url(#arrow${i})` }, s);
    e.dataset.source = d.source_code;
    e.dataset.target = d.target_code;
    el('title', {}, e).textContent =
      `${d.source_name || d.source_code} -> ${d.target_name || d.target_code}: ${d.events} events, mean Goldstein ${d.goldstein_mean.toFixed(1)}`;
  });
  for (const a of known.values()) {
    const g = el('g', { class: 'node' }, s);
    g.dataset.code = a.code;
    el('circle', { cx: a.x, cy: a.y, r: 4 + Math.sqrt(a.events) * 2 }, g);
    const right = Math.cos(a.t) >= 0;
    const label = el('text', { x: a.x + (right ? 10 : -10), y: a.y + 3,
      'text-anchor': right ? 'start' : 'end' }, g);
    label.textContent = a.name || a.code;
    el('title', {}, g).textContent = `${a.code} ${a.name || ''}: ${a.events} events`;
  }
  if (!actors.length) el('text', { x: cx, y: cy, class: 'axis' }, s).textContent = 'no actors';
}

let worldCache = null;
async function world() {
  if (!worldCache) {
    const r = await fetch('vendor/countries-110m.json');
    const topo = await r.json();
    worldCache = globalThis.topojson.feature(topo, topo.objects.countries).features;
  }
  return worldCache;
}

function ringPath(ring, project) {
  // Split where a ring crosses the antimeridian, so no line runs across the map.
  let d = '', prev = null;
  for (const [lon, lat] of ring) {
    const [x, y] = project(lon, lat);
    d += prev !== null && Math.abs(lon - prev) > 180 ? `M${x},${y}` : `${d ? 'L' : 'M'}${x},${y}`;
    prev = lon;
  }
  return d;
}

export async function drawMap(container, places) {
  const W = 960, H = 480;
  const project = (lon, lat) => [((lon + 180) / 360) * W, ((90 - lat) / 180) * H];
  const features = await world();
  const s = svg(container, W, H);
  el('rect', { x: 0, y: 0, width: W, height: H, class: 'ocean' }, s);
  for (const f of features) {
    const polys = f.geometry?.type === 'Polygon' ? [f.geometry.coordinates]
      : f.geometry?.type === 'MultiPolygon' ? f.geometry.coordinates : [];
    const d = polys.flatMap((p) => p.map((ring) => ringPath(ring, project))).join(' ');
    const p = el('path', { d, class: 'country' }, s);
    el('title', {}, p).textContent = f.properties?.name || '';
  }
  const max = Math.max(1, ...places.map((p) => p.events));
  for (const p of places) {
    if (p.latitude === null || p.longitude === null) continue;
    const [x, y] = project(p.longitude, p.latitude);
    const c = el('circle', { cx: x, cy: y, r: 3 + 9 * Math.sqrt(p.events / max), class: 'place',
      fill: goldsteinColour(p.goldstein_mean) }, s);
    c.dataset.place = p.place;
    el('title', {}, c).textContent = `${p.place} (${p.country}): ${p.events} events`;
  }
}
