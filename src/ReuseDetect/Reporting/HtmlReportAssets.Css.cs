namespace ReuseDetect.Reporting;

static partial class HtmlReportAssets
{
    public const string Css = """
:root { --fg:#1d2327; --muted:#5f6b73; --line:#d9dee2; --bg:#f6f7f8; --card:#fff; --accent:#1f5fa8;
  --ins:#d5f5dc; --ins-fg:#0c5a23; --del:#fbdada; --del-fg:#8a1c1c; --chg:#fff0c2; --k0:#d9480f; --k1:#1f5fa8; --k2:#9aa5ad; }
* { box-sizing: border-box; }
body { margin:0; font:15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; color:var(--fg); background:var(--bg); }
header.top { background:#fff; border-bottom:1px solid var(--line); padding:12px 24px 0; position:sticky; top:0; z-index:5; }
h1 { font-size:20px; margin:0 0 4px; }
h2 { font-size:17px; margin:24px 0 8px; }
h3 { font-size:15px; margin:0; display:flex; gap:8px; align-items:baseline; flex-wrap:wrap; }
#headline { margin:0 0 8px; color:var(--muted); }
nav button { border:0; background:none; padding:8px 14px; font:inherit; cursor:pointer; color:var(--muted); border-bottom:3px solid transparent; }
nav button.active { color:var(--fg); border-bottom-color:var(--accent); font-weight:600; }
main { padding:16px 24px 48px; max-width:1600px; }
.note, .legend { color:var(--muted); font-size:13px; }
.tiles { display:grid; grid-template-columns:repeat(auto-fill, minmax(170px, 1fr)); gap:12px; }
.tile { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:12px 14px; }
.tile b { display:block; font-size:24px; }
.tile span { color:var(--muted); font-size:13px; }
table { border-collapse:collapse; background:var(--card); width:100%; font-size:14px; }
th, td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#eef1f3; font-weight:600; }
td.num, th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
a, .link { color:var(--accent); cursor:pointer; text-decoration:none; }
a:hover, .link:hover { text-decoration:underline; }
.toolbar { display:flex; flex-wrap:wrap; gap:10px; align-items:center; margin-bottom:8px; }
.toolbar input[type=search] { flex:1 1 320px; padding:7px 10px; font:inherit; border:1px solid var(--line); border-radius:6px; }
.toolbar select { padding:6px; font:inherit; border:1px solid var(--line); border-radius:6px; background:#fff; }
#count, #doc-count { color:var(--muted); font-size:13px; }
.card { background:var(--card); border:1px solid var(--line); border-radius:8px; margin:0 0 14px; padding:12px 14px; }
.card .meta { margin:4px 0 10px; color:var(--muted); font-size:13px; }
.badge { font-size:12px; font-weight:600; padding:1px 7px; border-radius:10px; background:#eef1f3; color:var(--muted); }
.badge.passage { background:#fde4d8; color:#8f2d06; }
.badge.internal { background:#dce8f7; color:#163f70; }
.badge.boilerplate { background:#e4e7ea; color:#4a555c; }
.sides { display:grid; grid-auto-flow:column; grid-auto-columns:minmax(300px, 1fr); gap:10px; overflow-x:auto; }
.member { border:1px solid var(--line); border-radius:6px; display:flex; flex-direction:column; min-width:0; }
.member.base { border-color:#9fb8d6; background:#fafcff; }
.mhead { padding:6px 8px; border-bottom:1px solid var(--line); font-size:13px; display:flex; flex-wrap:wrap; gap:6px; align-items:baseline; }
.mhead .doc { font-weight:600; word-break:break-all; }
.mhead .where { color:var(--muted); }
.mtext { padding:8px; white-space:pre-wrap; overflow-wrap:anywhere; max-height:22em; overflow-y:auto; font-size:14px; }
.edits { font-size:12px; color:var(--muted); }
/* Names sit beside other text: each is isolated, so a right-to-left name cannot reorder its neighbours. */
h3 > span, .mhead > span, .doc-row .head > *, .tile b { unicode-bidi:isolate; }
ins { background:var(--ins); color:var(--ins-fg); text-decoration:none; border-radius:3px; }
del { background:var(--del); color:var(--del-fg); border-radius:3px; }
del.chg, ins.chg { background:var(--chg); }
del.chg { color:#7a5600; }
ins.chg { color:#4d3800; font-weight:600; }
.credit { font-size:12px; padding:0 6px; border-radius:10px; white-space:nowrap; }
.credit.yes { background:var(--ins); color:var(--ins-fg); }
.credit.no { background:var(--del); color:var(--del-fg); font-weight:600; }
.more-members { font-size:13px; }
#more-wrap { text-align:center; }
button#more, button#doc-more { padding:8px 18px; font:inherit; border:1px solid var(--line); border-radius:6px; background:#fff; cursor:pointer; }
.doc-row { background:var(--card); border:1px solid var(--line); border-radius:6px; padding:8px 10px; margin-bottom:8px; }
.doc-row .head { display:flex; flex-wrap:wrap; gap:10px; align-items:baseline; font-size:14px; }
.doc-row .head .muted { color:var(--muted); font-size:13px; }
.bar { position:relative; height:16px; background:#edf0f2; border-radius:3px; margin-top:6px; overflow:hidden; }
.bar .seg { position:absolute; top:0; bottom:0; min-width:3px; opacity:.85; cursor:pointer; }
.bar .seg:hover { opacity:1; outline:1px solid #000; }
.k0 { background:var(--k0); } .k1 { background:var(--k1); } .k2 { background:var(--k2); }
.key { display:inline-block; width:12px; height:12px; border-radius:2px; vertical-align:middle; }
.bar-mini { display:inline-block; width:120px; height:8px; background:#edf0f2; border-radius:4px; vertical-align:middle; overflow:hidden; }
.bar-mini i { display:block; height:100%; background:var(--k0); }
svg text { font:12px system-ui, sans-serif; fill:var(--fg); }
svg .edge { stroke:#d9480f; stroke-opacity:.55; fill:none; }
svg .edge.undirected { stroke:#1f5fa8; }
svg .node circle { fill:#1f5fa8; stroke:#fff; stroke-width:2; }
svg .node.external circle { fill:#fff; stroke:#d9480f; stroke-dasharray:3 2; stroke-width:2; }
.chart { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:8px; overflow:auto; }
@media print { header.top { position:static; } .toolbar, nav, #more-wrap { display:none; } }

""";
}
