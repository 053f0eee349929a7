/*
 * app.js: the page of annals serve. It asks the JSON API (/api/...) and
 * builds every piece of the page with DOM calls: text from the store only
 * ever goes in through textContent (never innerHTML), so a document full
 * of markup shows as the text it is. Parts: the search box, the support or
 * event network (Cytoscape.js), the timeline of events for the actors
 * chosen (vis-timeline), an entity's page, and the evidence view, where a
 * record's sentence or quotation is highlighted in its document at its
 * byte offsets.
 */
'use strict';

(function () {
  /* ---- helpers ---------------------------------------------------------- */

  const $ = (id) => document.getElementById(id);

  /* An element with attributes (class, title, data-*, ...) and children:
   * strings become text nodes. */
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'class') e.className = v;
      else if (k === 'onclick') e.addEventListener('click', v);
      else e.setAttribute(k, String(v));
    }
    for (const k of kids.flat(Infinity)) {
      if (k === undefined || k === null || k === false) continue;
      e.appendChild(typeof k === 'string' || typeof k === 'number'
        ? document.createTextNode(String(k)) : k);
    }
    return e;
  }

  function clear(node, ...kids) {
    node.replaceChildren(...kids.filter((k) => k));
    return node;
  }

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  /* GET /api/path with the parameters that have a value. */
  async function api(path, params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {}))
      if (v !== undefined && v !== null && v !== '') q.set(k, v);
    const qs = q.toString();
    const r = await fetch('/api/' + path + (qs ? '?' + qs : ''));
    const body = await r.json().catch(() => null);
    if (!r.ok) throw new ApiError(r.status, body && body.error ? body.error.message : r.statusText);
    return body;
  }

  const showError = (node, e) => clear(node, el('p', { class: 'error' }, String(e.message || e)));

  /* A search snippet with **marked** words, as text and <b>. */
  function snippet(s) {
    const parts = String(s || '').split('**');
    return el('span', { class: 'snippet' }, parts.map((p, i) => (i % 2 ? el('b', {}, p) : p)));
  }

  const names = new Map(); /* entity id -> name, as learned */
  const label = (id) => (id ? names.get(id) || id : '?');

  /* ---- byte offsets ------------------------------------------------------ */

  /* The document's bytes: exact for UTF-8 text; from base64 otherwise. */
  function docBytes(d) {
    if (d.body_base64) {
      const bin = atob(d.body_base64);
      const b = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) b[i] = bin.charCodeAt(i);
      return b;
    }
    return new TextEncoder().encode(d.text || '');
  }

  const decoder = new TextDecoder('utf-8');
  const slice = (bytes, a, b) => decoder.decode(bytes.subarray(a, b));

  /* The text of bytes [0, n) with [start, end) marked and, inside it,
   * [inStart, inEnd) stronger; offsets are bytes, cut at their bounds. */
  function highlighted(bytes, start, end, inStart, inEnd) {
    const n = bytes.length;
    const clamp = (x) => Math.max(0, Math.min(n, x | 0));
    start = clamp(start); end = Math.max(start, clamp(end));
    const mark = el('mark', { class: 'hl', id: 'hl' });
    if (inStart !== undefined && inStart >= start && inEnd <= end && inEnd > inStart) {
      mark.append(slice(bytes, start, inStart), el('strong', {}, slice(bytes, inStart, inEnd)),
        slice(bytes, inEnd, end));
    } else {
      mark.append(slice(bytes, start, end));
    }
    return el('pre', { class: 'doc' }, slice(bytes, 0, start), mark, slice(bytes, end, n));
  }

  /* ---- evidence ------------------------------------------------------------ */

  /* Shows document doc with [start, end) highlighted; what says what the
   * span is evidence of (an element or a string). */
  async function showEvidence(doc, start, end, what, inner) {
    const box = $('evidence');
    clear(box, el('h2', {}, 'Evidence'), el('p', { class: 'status' }, 'loading ' + doc + '…'));
    try {
      const r = await api('documents/' + encodeURIComponent(doc));
      const d = r.document;
      const bytes = docBytes(d);
      const head = el('div', { class: 'meta' },
        el('strong', {}, d.title || d.doc), ' — ', d.date || 'undated',
        d.source ? ' — ' + d.source : '', ' — ', d.doc, ' bytes ' + start + '–' + end);
      clear(box, el('h2', {}, 'Evidence'), what ? el('p', {}, what) : null, head,
        highlighted(bytes, start, end, inner && inner.start, inner && inner.end));
      const m = $('hl');
      if (m) m.scrollIntoView({ block: 'center' });
      history.replaceState(null, '', '#doc=' + encodeURIComponent(doc) + '&start=' + start + '&end=' + end);
    } catch (e) {
      showError(box, e);
    }
  }

  function eventLine(ev) {
    return [ev.date || ev.doc_date || 'undated', ' ', label(ev.source), ' ',
      el('code', {}, ev.code), ' ', label(ev.target), ' (', ev.modality, ')'];
  }

  function showEvent(ev) {
    showEvidence(ev.doc, ev.start, ev.end,
      el('span', {}, 'Event ', el('code', {}, ev.id), ': ', ...eventLine(ev), ' — pattern ', ev.pattern || ''),
      ev.trigger);
  }

  /* An evidence item of a support record: an event id or a span. */
  async function showSupportEvidence(item, rec) {
    const what = 'Support: ' + label(rec.sponsor) + ' → ' + label(rec.recipient) + ' (' + rec.kind + ')';
    if (typeof item === 'object') return showEvidence(item.doc, item.start, item.end, what);
    const hash = item.lastIndexOf('#e');
    const doc = item.slice(0, hash);
    try {
      const r = await api('documents/' + encodeURIComponent(doc));
      const ev = r.events.find((e) => e.id === item);
      if (ev) showEvidence(doc, ev.start, ev.end, what + ' — event ' + item, ev.trigger);
    } catch (e) {
      showError($('evidence'), e);
    }
  }

  /* ---- the entity page ------------------------------------------------------- */

  function entityLink(id) {
    return el('button', { class: 'link', type: 'button', onclick: () => showEntity(id) }, label(id));
  }

  function listOf(items, render, empty) {
    if (!items.length) return el('p', { class: 'hint' }, empty);
    return el('ul', { class: 'list' }, items.map(render));
  }

  async function showEntity(id) {
    const box = $('entity');
    clear(box, el('p', { class: 'status' }, 'loading ' + id + '…'));
    try {
      const [e, quotes, given, received, events] = await Promise.all([
        api('entities/' + encodeURIComponent(id)),
        api('quotes', { speaker: id, limit: 50 }),
        api('support', { source: id, limit: 100 }),
        api('support', { target: id, limit: 100 }),
        api('events', { actor: id, limit: 100 }),
      ]);
      names.set(e.id, e.name);
      const roles = (e.roles || []).slice().sort((a, b) => String(a.from || '').localeCompare(String(b.from || '')));
      const supportItem = (s, other) => el('li', { class: 'link', onclick: () => s.evidence.length && showSupportEvidence(s.evidence[0], s) },
        other === 'sponsor' ? ['from ', label(s.sponsor)] : ['to ', label(s.recipient)],
        ': ', el('strong', {}, s.kind), el('span', { class: 'meta' },
          ' ', s.first || '?', '–', s.last || '?', ', ', s.docs + ' doc(s), ' + s.evidence.length + ' evidence'));
      clear(box,
        el('h2', { id: 'entity-name' }, e.name || e.id),
        el('dl', { class: 'kv' },
          el('dt', {}, 'id'), el('dd', {}, e.id),
          el('dt', {}, 'kind'), el('dd', {}, e.kind || '-'),
          el('dt', {}, 'CAMEO code'), el('dd', {}, e.code || '-'),
          el('dt', {}, 'country'), el('dd', {}, e.country || '-'),
          el('dt', {}, 'mentions'), el('dd', {}, String(e.mentions), ' in ', String(e.docs), ' document(s)'),
          el('dt', {}, 'seen'), el('dd', {}, (e.first_seen || '?') + ' – ' + (e.last_seen || '?')),
          el('dt', {}, 'above'), el('dd', {}, (e.above || []).length ? (e.above || []).map((x) => [entityLink(x), ' ']) : '-'),
          el('dt', {}, 'below'), el('dd', {}, (e.below || []).length ? (e.below || []).map((x) => [entityLink(x), ' ']) : '-')),
        el('p', {}, el('button', { type: 'button', id: 'add-timeline', onclick: () => selectActor(e.id) }, 'Add to timeline')),
        el('h3', {}, 'Aliases'),
        el('p', {}, (e.aliases || []).join(' · ') || '-'),
        el('h3', {}, 'Roles over time'),
        listOf(roles, (r) => el('li', {}, el('strong', {}, r.title || 'role'), r.of ? [' of ', entityLink(r.of)] : '',
          el('span', { class: 'meta' }, ' ', r.from || '…', ' – ', r.until || '…')), 'no dated roles in the dictionary'),
        el('h3', {}, 'Events (' + events.items.length + (events.more ? '+' : '') + ')'),
        listOf(events.items, (ev) => el('li', { class: 'link event', onclick: () => showEvent(ev) }, eventLine(ev),
          el('div', { class: 'meta' }, ev.text)), 'no events'),
        el('h3', {}, 'Quotations (' + quotes.items.length + (quotes.more ? '+' : '') + ')'),
        listOf(quotes.items, (q) => el('li', { class: 'link quote', onclick: () => showEvidence(q.doc, q.start, q.end, 'Quotation by ' + label(q.speaker)) },
          '“', q.text, '”', el('span', { class: 'meta' }, ' ', q.date || q.doc_date || '', ' ', q.medium || '')), 'no quotations'),
        el('h3', {}, 'Support given'),
        listOf(given.items, (s) => supportItem(s, 'recipient'), 'none recorded'),
        el('h3', {}, 'Support received'),
        listOf(received.items, (s) => supportItem(s, 'sponsor'), 'none recorded'));
      history.replaceState(null, '', '#entity=' + encodeURIComponent(e.id));
    } catch (err) {
      showError(box, err);
    }
  }

  /* ---- search ------------------------------------------------------------------ */

  async function search(words) {
    const box = $('results');
    clear(box, el('p', { class: 'status' }, 'searching…'));
    try {
      const r = await api('search', { q: words, limit: 30 });
      for (const e of r.entities) names.set(e.id, e.name);
      clear(box,
        el('h3', {}, 'Actors'),
        listOf(r.entities, (e) => el('li', { class: 'link entity-hit', onclick: () => showEntity(e.id) },
          el('strong', {}, e.name || e.id), el('span', { class: 'meta' }, ' ', e.kind || '', ', ', String(e.mentions), ' mentions')),
          'no actor by that name'),
        el('h3', {}, 'Sentences' + (r.more ? ' (first ' + r.items.length + ')' : '')),
        listOf(r.items, (s) => el('li', { class: 'link sentence-hit', onclick: () => showEvidence(s.doc, s.start, s.end, 'Search: ' + words) },
          snippet(s.snippet), el('div', { class: 'meta' }, s.doc, ' ', s.date || '')), 'no sentence holds those words'));
    } catch (e) {
      showError(box, e);
    }
  }

  /* ---- the network ----------------------------------------------------------------- */

  const SUPPORT_COLORS = {
    weapons: '#d62728', funding: '#2ca02c', training: '#ff7f0e', expertise: '#9467bd',
    materiel: '#8c564b', troops: '#e377c2', territory: '#7f7f7f', intelligence: '#17becf',
    political: '#1f77b4', unspecified: '#bcbd22',
  };
  const ROOTS = ['01 statement', '02 appeal', '03 intent to cooperate', '04 consult', '05 diplomatic cooperation',
    '06 material cooperation', '07 aid', '08 yield', '09 investigate', '10 demand', '11 disapprove', '12 reject',
    '13 threaten', '14 protest', '15 force posture', '16 reduce relations', '17 coerce', '18 assault', '19 fight',
    '20 mass violence'];
  /* roots by quad class: cooperation in blues and greens, conflict in oranges and reds */
  const rootColor = (root) => {
    const r = parseInt(root, 10) || 0;
    if (r <= 5) return ['#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c'][Math.max(0, r - 1)];
    if (r <= 9) return ['#74c476', '#41ab5d', '#238b45', '#005a32'][r - 6];
    if (r <= 14) return ['#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#a63603'][r - 10];
    return ['#fc9272', '#fb6a4a', '#ef3b2c', '#cb181d', '#a50f15', '#67000d'][r - 15];
  };
  const KIND_SHAPES = { person: 'ellipse', organization: 'round-rectangle', country: 'hexagon', place: 'triangle', media: 'diamond' };

  let cy = null;

  function legend(of) {
    const items = of === 'events'
      ? ROOTS.map((r) => [r, rootColor(r.slice(0, 2))])
      : Object.entries(SUPPORT_COLORS);
    clear($('legend'), ...items.map(([name, c]) => {
      const sw = el('span', { class: 'swatch' });
      sw.style.background = c;
      return el('span', {}, sw, name);
    }), el('span', { class: 'meta' }, 'node size: mentions; shape: kind'));
  }

  function filters() {
    return {
      of: $('f-of').value, from: $('f-from').value.trim(), to: $('f-to').value.trim(),
      root: $('f-of').value === 'events' ? $('f-root').value : '', modality: $('f-modality').value,
    };
  }

  async function loadNetwork() {
    const f = filters();
    const status = $('net-status');
    status.textContent = 'loading…';
    try {
      const g = await api('network', Object.assign({ limit: 300 }, f));
      for (const n of g.nodes) names.set(n.id, n.label);
      const els = g.nodes.map((n) => ({
        data: { id: n.id, label: n.label, kind: n.kind || 'other', size: 14 + 8 * Math.sqrt(n.mentions || 0) },
      })).concat(g.edges.map((e, i) => ({
        data: {
          id: 'e' + i, source: e.source, target: e.target, kind: e.kind, weight: e.weight,
          color: f.of === 'events' ? rootColor(e.kind) : SUPPORT_COLORS[e.kind] || '#999',
          width: 1 + Math.min(8, Math.log2(1 + e.weight) * 1.5),
        },
      })));
      if (cy) cy.destroy();
      cy = cytoscape({
        container: $('graph'),
        elements: els,
        wheelSensitivity: 0.3,
        style: [
          { selector: 'node', style: {
            label: 'data(label)', width: 'data(size)', height: 'data(size)', 'font-size': 9,
            'background-color': '#607d8b', 'text-valign': 'bottom', 'text-margin-y': 2,
            shape: (n) => KIND_SHAPES[n.data('kind')] || 'ellipse' } },
          { selector: 'node:selected', style: { 'background-color': '#ff9800' } },
          { selector: 'edge', style: {
            width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
            'target-arrow-shape': 'triangle', 'curve-style': 'bezier', opacity: 0.8 } },
        ],
        layout: { name: 'cose', animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 80 },
      });
      cy.on('tap', 'node', (evt) => {
        const id = evt.target.id();
        showEntity(id);
        selectActor(id);
      });
      status.textContent = g.nodes.length + ' actors, ' + g.edges.length + ' edges' +
        (g.edges.length >= g.limit ? ' (the ' + g.limit + ' heaviest)' : '');
      legend(f.of);
    } catch (e) {
      status.textContent = '';
      status.appendChild(el('span', { class: 'error' }, e.message));
    }
  }

  /* ---- the timeline ----------------------------------------------------------------- */

  const selected = [];
  let timeline = null;
  let items = null;
  let groups = null;
  const shown = new Map(); /* timeline item id -> event record */

  function selectActor(id) {
    if (!selected.includes(id)) selected.push(id);
    loadTimeline();
  }

  function drawChips() {
    clear($('selected'), ...selected.map((id) => el('span', { class: 'chip' }, label(id),
      el('button', { type: 'button', title: 'remove', 'aria-label': 'remove ' + label(id),
        onclick: () => { selected.splice(selected.indexOf(id), 1); loadTimeline(); } }, '×'))));
    if (!selected.length) $('selected').append(el('span', { class: 'hint' }, 'click actors to follow their events'));
  }

  async function loadTimeline() {
    drawChips();
    if (!timeline) {
      items = new vis.DataSet();
      groups = new vis.DataSet();
      timeline = new vis.Timeline($('timeline'), items, groups, {
        stack: true, maxHeight: 260, zoomMin: 86400000 * 7, selectable: true,
        tooltip: { followMouse: true },
      });
      timeline.on('select', (p) => {
        const ev = shown.get(p.items[0]);
        if (ev) showEvent(ev);
      });
    }
    const status = $('tl-status');
    status.textContent = 'loading…';
    try {
      const answers = await Promise.all(selected.map((id) => api('events', { actor: id, limit: 500 })));
      items.clear();
      groups.clear();
      shown.clear();
      let undated = 0;
      let n = 0;
      answers.forEach((a, gi) => {
        groups.add({ id: gi, content: el('span', {}, label(selected[gi])) });
        for (const ev of a.items) {
          const date = ev.date || ev.doc_date;
          if (!date) { undated++; continue; }
          const key = gi + ':' + ev.id;
          shown.set(key, ev);
          items.add({
            id: key, group: gi, start: date.length === 4 ? date + '-01-01' : date.length === 7 ? date + '-01' : date,
            content: el('span', { class: 'tl-item' }, ev.code + ' ' + label(ev.source) + '→' + label(ev.target)),
            title: el('span', {}, ev.text || ''),
          });
          n++;
        }
      });
      if (n) timeline.fit({ animation: false });
      status.textContent = n + ' events' + (undated ? ', ' + undated + ' without a date' : '');
    } catch (e) {
      status.textContent = '';
      status.appendChild(el('span', { class: 'error' }, e.message));
    }
  }

  /* ---- start ---------------------------------------------------------------------- */

  async function stats() {
    try {
      const s = await api('stats');
      $('stats').textContent = s.documents + ' documents, ' + s.entities + ' actors, ' + s.events + ' events, ' +
        s.quotes + ' quotations (' + s.backend + ')';
    } catch (e) {
      $('stats').textContent = e.message;
    }
  }

  function route() {
    const h = new URLSearchParams(location.hash.slice(1));
    if (h.get('entity')) showEntity(h.get('entity'));
    if (h.get('doc')) showEvidence(h.get('doc'), parseInt(h.get('start'), 10) || 0, parseInt(h.get('end'), 10) || 0);
  }

  function start() {
    for (const r of ROOTS) $('f-root').append(el('option', { value: r.slice(0, 2) }, r));
    $('search-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const w = $('search').value.trim();
      if (w) search(w);
    });
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); loadNetwork(); });
    $('f-of').addEventListener('change', loadNetwork);
    window.addEventListener('hashchange', route);
    stats();
    loadNetwork();
    drawChips();
    route();
    document.body.dataset.ready = '1';
  }

  start();
})();
