// annals serve: the upload panel, shown only when the server takes uploads
// (GET /api/config says so). Each chosen file, and the pasted text, is one
// POST /api/ingest; a file over the server's limit is refused here without
// being sent (the server would answer 413 anyway), and every answer gets a
// line saying what became of it: stored, already there, or refused with
// the server's reason. Stored documents can be opened at once.

const KB = 1024;

function sizeText(bytes) {
  return bytes < KB ? `${bytes} bytes` : `${Math.ceil(bytes / KB)} KB`;
}

function button(text, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.addEventListener('click', onClick);
  return b;
}

// One line of feedback: `kind` is ok, duplicate or error (its CSS class).
function line(list, label, kind, text) {
  const li = document.createElement('li');
  li.className = kind;
  li.dataset.upload = label;
  const name = document.createElement('b');
  name.textContent = `${label}: `;
  li.append(name, text);
  list.prepend(li);
  return li;
}

async function send(body, params) {
  let r;
  try {
    r = await fetch(`api/ingest?${params}`, { method: 'POST', body });
  } catch (err) {
    return { ok: false, error: `not sent: ${err.message}` };
  }
  let answer = {};
  try {
    answer = await r.json();
  } catch {
    // A body that is not JSON (a proxy's page): the status must do.
  }
  return r.ok ? { ok: true, answer } : { ok: false, error: answer.error || `HTTP ${r.status}` };
}

// `actions.open(id)` shows a document, `actions.only(id)` filters the page
// to its events, `actions.refresh()` redraws everything after a change.
export function initUpload(config, actions) {
  const panel = document.getElementById('upload-panel');
  if (!config.allow_ingest) return;
  const limit = Number(config.max_upload_bytes);
  const form = document.getElementById('upload');
  const list = document.getElementById('upload-results');
  document.getElementById('upload-limit').textContent =
    `wire stories, text, JSON Lines, CSV, HTML or feeds; at most ${sizeText(limit)} each`;
  panel.dataset.limit = String(limit);
  panel.hidden = false;

  function report(label, result) {
    if (!result.ok) {
      line(list, label, 'error', `refused: ${result.error}`);
      return false;
    }
    const a = result.answer;
    const docs = a.documents || [];
    for (const d of docs) {
      const what = d.status === 'duplicate' ? `already stored as ${d.id}`
        : `${d.status} as ${d.id} (${d.events} event${d.events === 1 ? '' : 's'})`;
      const li = line(list, label, d.status === 'duplicate' ? 'duplicate' : 'ok', what + ' ');
      li.dataset.doc = d.id;
      li.dataset.status = d.status;
      li.append(button('Open', () => actions.open(d.id)), ' ',
        button('Its events', () => actions.only(d.id)));
    }
    for (const e of a.errors || []) line(list, label, 'error', `skipped: ${e}`);
    return docs.some((d) => d.status !== 'duplicate');
  }

  async function upload(label, body, size, params) {
    if (size > limit) {
      line(list, label, 'error',
        `too large: ${sizeText(size)}, this server takes at most ${sizeText(limit)}; not sent`);
      return false;
    }
    if (size === 0) {
      line(list, label, 'error', 'empty; not sent');
      return false;
    }
    const li = line(list, label, 'pending', 'sending...');
    const result = await send(body, params);
    li.remove();
    return report(label, result);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const submit = form.querySelector('button[type="submit"]');
    submit.disabled = true;
    const common = new URLSearchParams();
    for (const k of ['title', 'date']) {
      const v = form.elements[k].value.trim();
      if (v) common.set(k, v);
    }
    let changed = false;
    for (const file of form.elements.files.files) {
      const p = new URLSearchParams(common);
      p.set('name', file.name);
      changed = (await upload(file.name, file, file.size, p)) || changed;
    }
    const text = form.elements.text.value;
    if (text.trim()) {
      const bytes = new TextEncoder().encode(text);
      changed = (await upload('pasted text', bytes, bytes.length, common)) || changed;
    }
    if (!form.elements.files.files.length && !text.trim())
      line(list, 'upload', 'error', 'choose a file or paste some text first');
    form.reset();
    submit.disabled = false;
    if (changed) await actions.refresh();
    panel.dataset.done = String(Number(panel.dataset.done || 0) + 1);
  });
}
