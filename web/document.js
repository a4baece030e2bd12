// annals serve: the document view. Shows a stored document's text by
// paragraph and sentence and marks, for the chosen event, its source actor,
// the words of the event, its target and place, and the quotes and counts
// of its sentence. Spans in the API are byte offsets into the UTF-8 text,
// so marking works on the bytes: each byte gets a set of classes, and runs
// of bytes with the same set become one element.
const enc = new TextEncoder();
const dec = new TextDecoder();

const KINDS = ['hl-place', 'hl-quote', 'hl-count', 'hl-source', 'hl-target', 'hl-verb'];

function mark(bits, span, kind) {
  if (!span) return;
  const bit = 1 << KINDS.indexOf(kind);
  for (let i = span[0]; i < span[1] && i < bits.length; i++) bits[i] |= bit;
}

// Appends bytes[begin, end) to `parent`, split into marked runs.
function appendRuns(parent, bytes, bits, begin, end) {
  let i = begin;
  while (i < end) {
    let j = i + 1;
    while (j < end && bits[j] === bits[i]) j++;
    const text = dec.decode(bytes.subarray(i, j));
    if (bits[i] === 0) {
      parent.append(text);
    } else {
      const m = document.createElement('mark');
      m.className = KINDS.filter((_, k) => bits[i] & (1 << k)).join(' ');
      m.textContent = text;
      parent.append(m);
    }
    i = j;
  }
}

function describe(doc, e) {
  const actor = (i) => (i >= 0 && doc.actors[i] ? `${doc.actors[i].name || ''} (${doc.actors[i].code})` : 'none');
  const place = e.place >= 0 && doc.places[e.place] ? doc.places[e.place].full_name || doc.places[e.place].name : 'none';
  const flags = [e.negated && 'negated', e.hypothetical && 'hypothetical'].filter(Boolean).join(', ');
  return `${actor(e.source)} -> ${e.code} ${e.plover_event} (Goldstein ${e.goldstein}, QuadClass ${e.quad_class}) -> ` +
    `${actor(e.target)}; place: ${place}; date: ${e.date || 'unknown'}${flags ? '; ' + flags : ''}; rule ${e.evidence?.rule || ''}`;
}

export function showDocument(container, doc, eventIndex) {
  const bytes = enc.encode(doc.text);
  const bits = new Uint8Array(bytes.length);
  const e = doc.events[eventIndex];
  if (e) {
    if (e.place >= 0 && doc.places[e.place]) mark(bits, doc.places[e.place].span, 'hl-place');
    for (const q of doc.quotes || []) if (q.sentence <= e.sentence && e.sentence <= q.last_sentence) mark(bits, q.span, 'hl-quote');
    for (const c of doc.counts || []) if (c.sentence === e.sentence) mark(bits, c.span, 'hl-count');
    if (e.source >= 0 && doc.actors[e.source]) mark(bits, doc.actors[e.source].span, 'hl-source');
    if (e.target >= 0 && doc.actors[e.target]) mark(bits, doc.actors[e.target].span, 'hl-target');
    mark(bits, e.span, 'hl-verb');
  }
  const head = document.createElement('div');
  const title = document.createElement('h3');
  title.textContent = doc.title || doc.id;
  const meta = document.createElement('p');
  meta.className = 'details';
  meta.textContent = [doc.source, doc.published, doc.id].filter(Boolean).join(' | ');
  head.append(title, meta);
  if (e) {
    const d = document.createElement('p');
    d.className = 'details event-details';
    d.textContent = describe(doc, e);
    head.append(d);
  }
  const body = document.createElement('div');
  body.className = 'text';
  const paragraphs = doc.paragraphs?.length ? doc.paragraphs : [{ sentences: [0, doc.sentences.length] }];
  for (const p of paragraphs) {
    const para = document.createElement('p');
    for (let si = p.sentences[0]; si < p.sentences[1]; si++) {
      const s = doc.sentences[si];
      const span = document.createElement('span');
      span.className = 'sentence' + (e && si === e.sentence ? ' current' : '');
      span.dataset.sentence = si;
      appendRuns(span, bytes, bits, s.span[0], s.span[1]);
      para.append(span, ' ');
    }
    body.append(para);
  }
  container.replaceChildren(head, body);
  container.dataset.doc = doc.id;
  container.dataset.event = String(eventIndex);
  container.querySelector('.sentence.current')?.scrollIntoView({ block: 'nearest' });
}
