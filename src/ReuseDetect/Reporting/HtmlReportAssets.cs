namespace ReuseDetect.Reporting;

/// <summary>The static parts of <c>report.html</c>: stylesheet, page skeleton and script (split by concern across partial files).</summary>
static partial class HtmlReportAssets
{
    /// <summary>The whole script: helpers and passages first, then the other views.</summary>
    public static string Script => ScriptCore + ScriptViews;

    public const string Body = """
<body>
<header class="top">
  <h1>ReuseDetect duplication report</h1>
  <p id="headline"></p>
  <nav id="tabs" role="tablist">
    <button type="button" data-tab="overview" class="active">Overview</button>
    <button type="button" data-tab="passages">Passages</button>
    <button type="button" data-tab="documents">Documents</button>
    <button type="button" data-tab="graph">Reuse graph</button>
    <button type="button" data-tab="timeline">Timeline</button>
  </nav>
</header>
<main>
<noscript><p class="note">This report is drawn by JavaScript; report.md and report.json hold the same data.</p></noscript>
<section id="tab-overview" class="tab"></section>
<section id="tab-passages" class="tab" hidden>
  <div class="toolbar">
    <input id="search" type="search" placeholder="Search passages: text, document, outlet, cluster id…" aria-label="Search passages" autocomplete="off">
    <select id="filter-kind" aria-label="Kind">
      <option value="all">All clusters</option>
      <option value="passage">Reposted across documents</option>
      <option value="internal">Repeated inside one document</option>
      <option value="boilerplate">Boilerplate</option>
    </select>
    <select id="filter-outlet" aria-label="Outlet"><option value="">All outlets</option></select>
    <label><input type="checkbox" id="filter-uncredited"> Uncredited only</label>
    <label><input type="checkbox" id="filter-edited"> Edited only</label>
    <span id="count" aria-live="polite"></span>
  </div>
  <p class="legend">Each card shows the origin (or first copy) and every repost side by side. In a repost,
    <ins>added words</ins>, <del>dropped words</del> and <del class="chg">changed</del><ins class="chg">words</ins> are marked
    relative to the origin. <span class="credit yes">credited</span> <span class="credit no">uncredited</span></p>
  <div id="cards"></div>
  <div id="more-wrap"><button type="button" id="more">Show more</button></div>
</section>
<section id="tab-documents" class="tab" hidden>
  <div class="toolbar">
    <input id="doc-search" type="search" placeholder="Filter documents by id, outlet or title…" aria-label="Filter documents" autocomplete="off">
    <span id="doc-count"></span>
  </div>
  <p class="legend">Each bar is one document's text from start to end:
    <span class="key k0"></span> reposted passage <span class="key k1"></span> repeated inside the document
    <span class="key k2"></span> boilerplate. Click a mark to open its passage.</p>
  <div id="docs"></div>
  <div><button type="button" id="doc-more">Show more</button></div>
</section>
<section id="tab-graph" class="tab" hidden></section>
<section id="tab-timeline" class="tab" hidden></section>
</main>

""";
}
