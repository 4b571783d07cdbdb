namespace ReuseDetect.Reporting;

static partial class HtmlReportAssets
{
    // Per-document reuse bars, the reuse graph (SVG, circular layout), the timeline, and start-up.
    const string ScriptViews = """
/* ---------- documents ---------- */
let docMatches = [], docShown = 0;
const docOrder = D.map((d, i) => i).sort((a, b) => (D[b].reusedFraction - D[a].reusedFraction) ||
  ((D[b].internalChars + D[b].boilerplateChars) - (D[a].internalChars + D[a].boilerplateChars)) || (D[a].id < D[b].id ? -1 : 1));
function filterDocs() {
  const q = document.getElementById('doc-search').value.trim().toLowerCase();
  docMatches = q ? docOrder.filter(i => (D[i].id + '\n' + (D[i].outlet || '') + '\n' + (D[i].title || '')).toLowerCase().includes(q)) : docOrder;
  document.getElementById('docs').replaceChildren();
  docShown = 0;
  moreDocs();
}
function moreDocs() {
  const end = Math.min(docMatches.length, docShown + DOC_PAGE), frag = document.createDocumentFragment();
  for (; docShown < end; docShown++) frag.append(docRow(docMatches[docShown]));
  document.getElementById('docs').append(frag);
  document.getElementById('doc-count').textContent = nf.format(docMatches.length) + ' documents' + (docShown < docMatches.length ? ' (showing ' + nf.format(docShown) + ')' : '');
  document.getElementById('doc-more').hidden = docShown >= docMatches.length;
}
function docRow(i) {
  const d = D[i];
  const head = h('div', { class: 'head' }, h('b', { text: d.id }),
    d.outlet && d.outlet !== 'unknown' ? h('span', { text: d.outlet }) : null,
    d.published ? h('span', { class: 'muted', text: d.published }) : null,
    d.title ? h('span', { class: 'muted', text: d.title }) : null);
  if (d.error) return h('div', { class: 'doc-row', 'data-doc': d.id }, head, h('p', { class: 'note', text: 'Skipped: ' + d.error }));
  head.append(h('span', { class: 'muted', text: pct(d.reusedFraction) + ' reused' +
    (d.internalChars ? ' · ' + nf.format(d.internalChars) + ' chars repeated inside' : '') +
    (d.boilerplateChars ? ' · ' + nf.format(d.boilerplateChars) + ' chars boilerplate' : '') + ' · ' + nf.format(d.length) + ' chars' }));
  const bar = h('div', { class: 'bar', role: 'img', 'aria-label': 'reuse in ' + d.id });
  const len = Math.max(1, d.length);
  for (const [start, end, ci, k] of d.spans) {
    const c = C[ci];
    bar.append(h('span', { class: 'seg k' + k, style: 'left:' + (100 * start / len).toFixed(3) + '%;width:' + (100 * (end - start) / len).toFixed(3) + '%',
      title: c.id + ' [' + start + '–' + end + '): ' + c.text.slice(0, 120), onclick: () => openCluster(ci) }));
  }
  const row = h('div', { class: 'doc-row', 'data-doc': d.id }, head, bar);
  if (d.shared.length) row.append(h('div', { class: 'note', text: 'Shares with ' + d.shared.slice(0, 5).map(x => docName(x[0]) + ' (' + nf.format(x[1]) + ' chars, ' + x[2] + ' passage' + (x[2] === 1 ? '' : 's') + ')').join(', ') + (d.sharedCount > 5 ? ' and ' + nf.format(d.sharedCount - 5) + ' more' : '') }));
  return row;
}
function renderDocuments() {
  let timer = 0;
  document.getElementById('doc-search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(filterDocs, 120); });
  document.getElementById('doc-more').addEventListener('click', moreDocs);
  filterDocs();
}

/* ---------- reuse graph ---------- */
function renderGraph() {
  const root = document.getElementById('tab-graph'), G = R.graph, MAXN = 60;
  const what = G.nodeKind === 'document' ? 'documents (no outlet is known)' : 'outlets';
  root.append(h('p', { class: 'note', text: 'Who reposts whom: nodes are ' + what + ', plus origins outside the corpus (dashed). ' +
    'An arrow runs from the origin to the repost; its width grows with the characters reposted. Undirected (blue) links join copies aligned with each other whose origin is undetermined.' }));
  if (!G.edges.length) { root.append(h('p', { class: 'note', text: 'No passage is shared between ' + what + '.' })); return; }
  const weight = new Map();
  for (const [a, b, chars] of G.edges) { weight.set(a, (weight.get(a) || 0) + chars); weight.set(b, (weight.get(b) || 0) + chars); }
  const ids = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || (a < b ? -1 : 1)).slice(0, MAXN).sort();
  const kind = new Map(G.nodes.map(n => [n.id, n.kind]));
  const W = 900, H = 640, cx = W / 2, cy = H / 2, rad = Math.min(W, H) / 2 - 120;
  const pos = new Map(ids.map((id, k) => [id, [cx + rad * Math.cos(2 * Math.PI * k / ids.length - Math.PI / 2), cy + rad * Math.sin(2 * Math.PI * k / ids.length - Math.PI / 2)]]));
  const maxW = Math.max(...G.edges.map(e => e[2]));
  const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', 'aria-label': 'reuse graph' },
    s('defs', null, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#d9480f' }))));
  const nodeR = id => 6 + 14 * Math.sqrt(weight.get(id) / Math.max(...ids.map(x => weight.get(x))));
  for (const [a, b, chars, clusters, directed] of G.edges) {
    if (!pos.has(a) || !pos.has(b)) continue;
    const [x1, y1] = pos.get(a), [x2, y2] = pos.get(b), dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    const r2 = nodeR(b) + 3, r1 = nodeR(a) + 1;
    // A slight curve keeps the two directions between a pair apart.
    const ex = x2 - dx * r2 / len, ey = y2 - dy * r2 / len, sx = x1 + dx * r1 / len, sy = y1 + dy * r1 / len;
    const mx = (sx + ex) / 2 - dy * 0.12, my = (sy + ey) / 2 + dx * 0.12;
    svg.append(s('path', { class: 'edge' + (directed ? '' : ' undirected'), d: 'M' + sx + ',' + sy + ' Q' + mx + ',' + my + ' ' + ex + ',' + ey,
      'stroke-width': (1 + 7 * Math.sqrt(chars / maxW)).toFixed(2), 'marker-end': directed ? 'url(#arrow)' : null },
      s('title', null, a + (directed ? ' → ' : ' — ') + b + ': ' + nf.format(chars) + ' chars in ' + clusters + ' passage(s)')));
  }
  for (const id of ids) {
    const [x, y] = pos.get(id), left = x < cx - 1;
    const label = id.length > 28 ? id.slice(0, 27) + '…' : id;
    svg.append(s('g', { class: 'node ' + (kind.get(id) || ''), transform: 'translate(' + x + ',' + y + ')' },
      s('circle', { r: nodeR(id).toFixed(1) }, s('title', null, id + ': ' + nf.format(weight.get(id)) + ' chars shared')),
      s('text', { x: left ? -nodeR(id) - 4 : nodeR(id) + 4, y: 4, 'text-anchor': left ? 'end' : 'start' }, label)));
  }
  root.append(h('div', { class: 'chart' }, svg));
  if (weight.size > MAXN) root.append(h('p', { class: 'note', text: 'Showing the ' + MAXN + ' most connected of ' + weight.size + ' nodes; reuse-graph.graphml holds them all.' }));
  root.append(h('h2', { text: 'Strongest links' }));
  const t = h('table', null, h('tr', null, h('th', { text: 'From (origin)' }), h('th', { text: 'To (repost)' }), h('th', { class: 'num', text: 'Characters' }), h('th', { class: 'num', text: 'Passages' })));
  for (const [a, b, chars, clusters] of [...G.edges].sort((x, y) => y[2] - x[2]).slice(0, 50))
    t.append(h('tr', null, h('td', { text: a }), h('td', { text: b }), h('td', { class: 'num', text: nf.format(chars) }), h('td', { class: 'num', text: clusters })));
  root.append(t);
}

/* ---------- timeline ---------- */
function renderTimeline() {
  const root = document.getElementById('tab-timeline');
  const dated = D.map((d, i) => [i, Date.parse(d.published)]).filter(x => !D[x[0]].error && !isNaN(x[1]));
  if (!dated.length) { root.append(h('p', { class: 'note', text: 'No publication dates are known (add them with front matter, a .meta.json sidecar or JSONL records).' })); return; }
  const outlets = [...new Set(dated.map(x => D[x[0]].outlet || 'unknown'))].sort().slice(0, 30);
  const t0 = Math.min(...dated.map(x => x[1])), t1 = Math.max(...dated.map(x => x[1])), span = Math.max(1, t1 - t0);
  const W = 960, lane = 28, L = 160, H = 40 + lane * outlets.length;
  const X = t => L + (W - L - 30) * (t - t0) / span;
  const svg = s('svg', { viewBox: '0 0 ' + W + ' ' + H, width: W, height: H, role: 'img', 'aria-label': 'timeline' });
  outlets.forEach((o, k) => svg.append(s('text', { x: L - 10, y: 24 + k * lane + 4, 'text-anchor': 'end' }, o.length > 22 ? o.slice(0, 21) + '…' : o),
    s('line', { x1: L, x2: W - 20, y1: 24 + k * lane, y2: 24 + k * lane, stroke: '#e1e5e8' })));
  for (const [i, t] of dated) {
    const d = D[i], k = outlets.indexOf(d.outlet || 'unknown');
    if (k < 0) continue;
    svg.append(s('circle', { cx: X(t).toFixed(1), cy: 24 + k * lane, r: (3 + 9 * Math.sqrt(d.reusedFraction)).toFixed(1),
      fill: d.reusedChars ? '#d9480f' : '#9aa5ad', 'fill-opacity': 0.7 }, s('title', null, d.id + ' · ' + d.published + ' · ' + pct(d.reusedFraction) + ' reused')));
  }
  svg.append(s('text', { x: L, y: H - 4 }, new Date(t0).toISOString().slice(0, 10)), s('text', { x: W - 20, y: H - 4, 'text-anchor': 'end' }, new Date(t1).toISOString().slice(0, 10)));
  root.append(h('p', { class: 'note', text: dated.length + ' dated documents; a dot grows with the document\'s reused share (orange: shares text).' }), h('div', { class: 'chart' }, svg));
}

const VIEWS = { overview: renderOverview, passages: renderPassages, documents: renderDocuments, graph: renderGraph, timeline: renderTimeline };
rendered.overview = true;
renderOverview();
rendered.passages = true;
renderPassages();
document.body.dataset.ready = 'true';

""";
}
