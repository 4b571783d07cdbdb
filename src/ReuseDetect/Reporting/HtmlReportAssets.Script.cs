namespace ReuseDetect.Reporting;

static partial class HtmlReportAssets
{
    // Helpers, overview and the passage cards. All text goes into the page through textContent (never innerHTML).
    const string ScriptCore = """
'use strict';
const R = JSON.parse(document.getElementById('report-data').textContent);
const D = R.documents, C = R.clusters;
const PAGE = 40, DOC_PAGE = 100;
const nf = new Intl.NumberFormat('en-US');
const pct = x => (100 * x).toFixed(1) + ' %';

function h(tag, attrs, ...kids) {
  const el = document.createElement(tag);
  if (attrs) for (const k in attrs) {
    const v = attrs[k];
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const kid of kids) if (kid != null && kid !== false) el.append(kid instanceof Node ? kid : String(kid));
  return el;
}
const SVGNS = 'http://www.w3.org/2000/svg';
function s(tag, attrs, ...kids) {
  const el = document.createElementNS(SVGNS, tag);
  for (const k in attrs || {}) if (attrs[k] != null) el.setAttribute(k, attrs[k]);
  for (const kid of kids) if (kid != null) el.append(kid instanceof Node ? kid : String(kid));
  return el;
}
const docName = i => i >= 0 ? D[i].id : '?';
function kindOf(c) { return c.boilerplate ? 'boilerplate' : c.kind; }
function originText(c) {
  const o = c.origin;
  if (o.id) return o.id + (o.outlet && o.outlet !== 'unknown' ? ' (' + o.outlet + ')' : '');
  if (o.outlet) return o.outlet + ' (outside the corpus)';
  return 'undetermined';
}
function memberText(c, m, i) {
  if (i === c.base || m.same) return c.text;
  return m.diff.filter(op => op[0] >= 0).map(op => op[1]).join('');
}
function edited(c) { return c.members.some(m => m.diff); }

/* ---------- tabs ---------- */
const rendered = {};
function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('active', b.dataset.tab === name);
  for (const t of document.querySelectorAll('.tab')) t.hidden = t.id !== 'tab-' + name;
  if (!rendered[name]) { rendered[name] = true; (VIEWS[name] || (() => {}))(); }
}
document.getElementById('tabs').addEventListener('click', e => { const t = e.target.closest('button'); if (t) showTab(t.dataset.tab); });

/* ---------- overview ---------- */
function renderOverview() {
  const sm = R.summary, root = document.getElementById('tab-overview');
  document.getElementById('headline').textContent = nf.format(sm.documents) + ' documents from ' + nf.format(sm.outlets) +
    ' outlet(s); ' + pct(sm.reusedFraction) + ' of the text is reused.';
  const tile = (n, label) => h('div', { class: 'tile' }, h('b', { text: n }), h('span', { text: label }));
  root.append(h('div', { class: 'tiles' },
    tile(nf.format(sm.documents), 'documents read' + (sm.skipped ? ', ' + sm.skipped + ' skipped' : '') + (sm.ignored ? ', ' + sm.ignored + ' ignored (not articles)' : '')),
    tile(nf.format(sm.outlets), 'outlets'),
    tile(pct(sm.reusedFraction), 'reused share (' + nf.format(sm.reusedChars) + ' of ' + nf.format(sm.totalChars) + ' chars)'),
    tile(nf.format(sm.passageClusters), 'reposted passages'),
    tile(nf.format(sm.internalClusters), 'repeated inside one document'),
    tile(nf.format(sm.boilerplateClusters), 'boilerplate passages'),
    tile(nf.format(sm.nearDuplicatePairs), 'near-duplicate pairs')));
  const biggest = C.map((c, i) => i).filter(i => C[i].kind === 'passage' && !C[i].boilerplate).slice(0, 10);
  root.append(h('h2', { text: 'Biggest reposted passages' }));
  if (!biggest.length) root.append(h('p', { class: 'note', text: 'No passage is reposted across documents.' }));
  else {
    const t = h('table', null, h('tr', null, h('th', { text: 'Cluster' }), h('th', { class: 'num', text: 'Documents' }),
      h('th', { class: 'num', text: 'Words' }), h('th', { text: 'Origin' }), h('th', { text: 'Passage' })));
    for (const i of biggest) {
      const c = C[i];
      t.append(h('tr', null, h('td', null, h('a', { onclick: () => openCluster(i), text: c.id })), h('td', { class: 'num', text: c.documents }),
        h('td', { class: 'num', text: c.words }), h('td', { text: originText(c) + ' — ' + c.origin.basis }),
        h('td', { text: c.text.length > 160 ? c.text.slice(0, 160) + '…' : c.text })));
    }
    root.append(t);
  }
  const top = D.map((d, i) => i).filter(i => !D[i].error && D[i].reusedChars > 0)
    .sort((a, b) => D[b].reusedFraction - D[a].reusedFraction || (D[a].id < D[b].id ? -1 : 1)).slice(0, 10);
  root.append(h('h2', { text: 'Most reused documents' }));
  if (!top.length) root.append(h('p', { class: 'note', text: 'No document shares text with another.' }));
  else {
    const t = h('table', null, h('tr', null, h('th', { text: 'Document' }), h('th', { text: 'Outlet' }), h('th', { text: 'Reused' }), h('th', { text: 'Shares with' })));
    for (const i of top) {
      const d = D[i];
      t.append(h('tr', null, h('td', { text: d.id }), h('td', { text: d.outlet || '' }),
        h('td', { class: 'num' }, h('span', { class: 'bar-mini' }, h('i', { style: 'width:' + Math.min(100, 100 * d.reusedFraction) + '%' })), ' ' + pct(d.reusedFraction)),
        h('td', { text: d.shared.slice(0, 3).map(x => docName(x[0]) + ' (' + nf.format(x[1]) + ' chars)').join(', ') })));
    }
    root.append(t);
  }
  if (R.nearDuplicates.length) {
    root.append(h('h2', { text: 'Near-duplicate documents' }));
    const t = h('table', null, h('tr', null, h('th', { text: 'Documents' }), h('th', { class: 'num', text: 'Jaccard' })));
    for (const n of R.nearDuplicates.slice(0, 50)) t.append(h('tr', null, h('td', { text: n.ids.join(' ~ ') }), h('td', { class: 'num', text: n.jaccard.toFixed(3) })));
    root.append(t);
  }
  const p = R.parameters;
  root.append(h('p', { class: 'note', text: 'Parameters: ' + p.shingle + '-word shingles, MinHash-' + p.permutations +
    ', near-duplicate Jaccard ≥ ' + p.threshold + ', passages ≥ ' + p.minWords + ' words. Schema version ' + R.schemaVersion + '.' }));
}

/* ---------- passages ---------- */
const ui = { search: document.getElementById('search'), kind: document.getElementById('filter-kind'), outlet: document.getElementById('filter-outlet'),
  uncredited: document.getElementById('filter-uncredited'), edited: document.getElementById('filter-edited'),
  cards: document.getElementById('cards'), count: document.getElementById('count'), more: document.getElementById('more') };
let hay = null, matches = [], shown = 0;
function haystack(i) {
  const c = C[i];
  const parts = [c.id, kindOf(c), c.origin.id || '', c.origin.outlet || '', c.origin.basis, c.text];
  c.members.forEach((m, j) => { parts.push(docName(m.doc), m.outlet); if (m.diff) parts.push(memberText(c, m, j)); });
  return parts.join('\n').toLowerCase();
}
function filterCards() {
  const q = ui.search.value.trim().toLowerCase(), terms = q ? q.split(/\s+/) : [];
  if (terms.length && !hay) hay = C.map((c, i) => haystack(i));
  const kind = ui.kind.value, outlet = ui.outlet.value, unc = ui.uncredited.checked, ed = ui.edited.checked;
  matches = [];
  for (let i = 0; i < C.length; i++) {
    const c = C[i];
    if (kind !== 'all' && kindOf(c) !== kind) continue;
    if (outlet && !c.outlets.includes(outlet)) continue;
    if (unc && !c.members.some(m => m.credited === false)) continue;
    if (ed && !edited(c)) continue;
    if (terms.length && !terms.every(t => hay[i].includes(t))) continue;
    matches.push(i);
  }
  ui.cards.replaceChildren();
  shown = 0;
  renderMore();
}
function renderMore() {
  const end = Math.min(matches.length, shown + PAGE), frag = document.createDocumentFragment();
  for (; shown < end; shown++) frag.append(card(matches[shown]));
  ui.cards.append(frag);
  ui.count.textContent = matches.length === C.length ? nf.format(C.length) + ' clusters' : nf.format(matches.length) + ' of ' + nf.format(C.length) + ' clusters';
  if (shown < matches.length) ui.count.textContent += ' (showing ' + nf.format(shown) + ')';
  ui.more.hidden = shown >= matches.length;
  if (!matches.length) ui.cards.append(h('p', { class: 'note', text: 'No cluster matches.' }));
}
function diffNodes(ops) {
  const frag = document.createDocumentFragment();
  let added = 0, dropped = 0;
  const words = t => (t.match(/\S+/g) || []).length;
  for (let k = 0; k < ops.length; k++) {
    const [kind, text] = ops[k];
    const changed = (kind === -1 && ops[k + 1] && ops[k + 1][0] === 1) || (kind === 1 && k > 0 && ops[k - 1][0] === -1);
    if (kind === 0) frag.append(text);
    else if (kind === 1) { added += words(text); frag.append(h('ins', { class: changed ? 'chg' : null, title: changed ? 'changed in the repost' : 'added by the repost', text })); }
    else { dropped += words(text); frag.append(h('del', { class: changed ? 'chg' : null, title: changed ? 'origin wording' : 'dropped by the repost', text })); }
  }
  return { frag, added, dropped };
}
function card(i) {
  const c = C[i], kind = kindOf(c);
  const o = c.origin;
  const el = h('article', { class: 'card', id: 'card-' + c.id, 'data-id': c.id, 'data-kind': kind },
    h('h3', null, h('span', { text: c.id }), h('span', { class: 'badge ' + kind, text: kind === 'passage' ? 'reposted' : kind === 'internal' ? 'repeated inside one document' : 'boilerplate' }),
      h('span', { text: c.words + ' words · ' + c.members.length + ' places in ' + c.documents + ' document(s)' })),
    h('p', { class: 'meta', text: 'Likely origin: ' + originText(c) + '; basis: ' + o.basis + (o.evidence ? ' (“' + o.evidence + '”)' : '') +
      (c.source ? ' · credited source: ' + c.source.name + ' (“' + c.source.evidence + '”)' : '') + ' · least identity ' + pct(c.minIdentity) }));
  const sides = h('div', { class: 'sides' });
  const max = 12;
  c.members.slice(0, max).forEach((m, j) => {
    const isBase = j === c.base;
    const head = h('div', { class: 'mhead' }, h('span', { class: 'doc', text: docName(m.doc) }),
      m.outlet && m.outlet !== 'unknown' ? h('span', { class: 'where', text: m.outlet }) : null,
      h('span', { class: 'where', text: '[' + m.start + '–' + m.end + ')' }),
      m.credited === true ? h('span', { class: 'credit yes', title: m.credit || 'credits the origin', text: '✓ credited' }) : null,
      m.credited === false ? h('span', { class: 'credit no', title: 'does not credit the origin', text: '✗ uncredited' }) : null,
      isBase ? h('span', { class: 'badge', text: o.id && D[m.doc] && D[m.doc].id === o.id ? 'origin' : 'first copy' }) : null);
    const body = h('div', { class: 'mtext' });
    if (isBase) body.append(c.text);
    else if (m.same) { body.append(c.text); head.append(h('span', { class: 'edits', text: 'identical' })); }
    else { const d = diffNodes(m.diff); body.append(d.frag); head.append(h('span', { class: 'edits', text: '+' + d.added + ' / −' + d.dropped + ' words' })); }
    sides.append(h('div', { class: 'member' + (isBase ? ' base' : ''), 'data-doc': docName(m.doc), 'data-base': isBase ? 'true' : null }, head, body));
  });
  el.append(sides);
  if (c.members.length > max) el.append(h('p', { class: 'more-members note', text: '… and ' + (c.members.length - max) + ' more places: ' +
    c.members.slice(max).map(m => docName(m.doc)).join(', ') }));
  return el;
}
function renderPassages() {
  const outlets = [...new Set(C.flatMap(c => c.outlets))].sort();
  for (const o of outlets) ui.outlet.append(h('option', { value: o, text: o }));
  let timer = 0;
  ui.search.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(filterCards, 120); });
  for (const el of [ui.kind, ui.outlet, ui.uncredited, ui.edited]) el.addEventListener('change', filterCards);
  ui.more.addEventListener('click', renderMore);
  if ('IntersectionObserver' in window)
    new IntersectionObserver(es => { if (es.some(e => e.isIntersecting) && !ui.more.hidden) renderMore(); }, { rootMargin: '600px' }).observe(ui.more);
  filterCards();
}
function openCluster(i) {
  showTab('passages');
  ui.kind.value = 'all'; ui.outlet.value = ''; ui.uncredited.checked = false; ui.edited.checked = false;
  ui.search.value = C[i].id;
  filterCards();
  const el = document.getElementById('card-' + C[i].id);
  if (el) el.scrollIntoView({ block: 'start' });
}

""";
}
