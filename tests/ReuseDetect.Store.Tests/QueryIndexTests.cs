using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Store.Tests;

public sealed class QueryIndexTests
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months.";

    [Fact]
    public void Should_answer_a_query_from_the_query_index_as_from_the_segments()
    {
        // Given a scanned folder with a store
        using var root = new TempDir();
        using var storeDir = new TempDir();
        File.WriteAllText(Path.Combine(root.Path, "wire.md"), "---\ndate: 2023-01-02\noutlet: Wire\n---\n" + Story);
        File.WriteAllText(Path.Combine(root.Path, "other.txt"), "Heavy snow closed the mountain pass for a third day, stranding hundreds of trucks loaded with fruit for export.");
        var options = new ReuseDetectOptions { Parallelism = 1 };
        using (var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options)))
        {
            store.Root = root.Path;
            new ReuseDetector(options).Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store));
        }
        // When the query index is read and a repost is queried through it and through the segments
        var (index, detail) = QueryIndexFile.Read(storeDir.Path);
        Assert.NotNull(index);
        Assert.Equal("ok", detail);
        Assert.Equal(root.Path, index.Root);
        string query = "Our partners report: " + Story;
        QueryResult fast = QueryIndexFile.ToReuseIndex(index, options, root.Path).Query(query);
        using var readOnly = SignatureStore.OpenReadOnly(storeDir.Path);
        QueryResult slow = new ReuseIndex(options, root.Path, StoreScanCache.Documents(readOnly)).Query(query);
        // Then both find the wire story, dated, as the origin
        QueryMatch match = Assert.Single(fast.Matches);
        Assert.Equal("wire.md", match.Id);
        Assert.Equal("wire.md", fast.OriginId);
        Assert.Equal("earliest-date", fast.OriginBasis);
        Assert.Equal(Story, Assert.Single(match.Passages).DocumentText);
        Assert.Equal(fast.Matches.Select(m => (m.Id, m.Passages.Count)), slow.Matches.Select(m => (m.Id, m.Passages.Count)));
    }

    [Fact]
    public void Should_refuse_a_damaged_query_index_with_a_reason()
    {
        using var storeDir = new TempDir();
        File.WriteAllBytes(Path.Combine(storeDir.Path, QueryIndexFile.FileName), [1, 2, 3]);
        var (index, detail) = QueryIndexFile.Read(storeDir.Path);
        Assert.Null(index);
        Assert.Contains("not a ReuseDetect query index", detail, StringComparison.Ordinal);
        Assert.Equal("no query index", QueryIndexFile.Read(Path.Combine(storeDir.Path, "missing")).Detail);
    }

    const string Teaser = "Heavy snow closed the mountain pass for a third day, stranding hundreds of trucks loaded with fruit for export, "
        + "and road crews said the avalanche risk would stay high until the weekend thaw arrived in the north.";

    /// <summary>A scanned folder (wire story, a snow report, a JSONL feed) and the query index over its store.</summary>
    static ReuseIndex Indexed(TempDir root, TempDir storeDir, ReuseDetectOptions options)
    {
        File.WriteAllText(Path.Combine(root.Path, "wire.md"), "---\ndate: 2023-01-02\noutlet: Wire\n---\n" + Story);
        File.WriteAllText(Path.Combine(root.Path, "snow.txt"), Teaser);
        File.WriteAllText(Path.Combine(root.Path, "copy.txt"), "Our partners report: " + Story);
        using (var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options)))
        {
            store.Root = root.Path;
            new ReuseDetector(options).Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store));
        }
        var (index, _) = QueryIndexFile.Read(storeDir.Path);
        return QueryIndexFile.ToReuseIndex(index!, options, root.Path);
    }

    /// <summary>Scans <paramref name="root"/> with a store in <paramref name="storeDir"/>: the report, the query index it wrote, and that index to query.</summary>
    static (ReuseReport Report, StoredQueryIndex Data, ReuseIndex Index) ScanWithStore(TempDir root, TempDir storeDir, ReuseDetectOptions options)
    {
        ReuseReport report;
        using (var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options)))
        {
            store.Root = root.Path;
            report = new ReuseDetector(options).Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store));
        }
        var (data, _) = QueryIndexFile.Read(storeDir.Path);
        return (report, data!, QueryIndexFile.ToReuseIndex(data!, options, root.Path));
    }

    static readonly string[] s_companies =
    [
        "Acme", "Borden", "Cobalt", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Ivory", "Juniper", "Kestrel", "Linden",
        "Meridian", "Nimbus", "Orchid", "Pioneer", "Quarry", "Raven", "Summit", "Tundra",
    ];

    /// <summary>One filing of a wire template, each company and year with its own figures.</summary>
    static string Filing(int i) =>
        $"{s_companies[i % 20]} {(i / 20) switch { 0 => "Industries", 1 => "Holdings", 2 => "Group", _ => "Partners" }} Inc said it filed a registration statement "
        + $"with the Securities and Exchange Commission covering a proposed offering of {10 + 7 * i} mln dlrs of convertible subordinated "
        + $"debentures due {1950 + i}. Proceeds will be used to repay {103 + 3 * i} mln dlrs of bank debt and for general corporate "
        + $"purposes, the company said, and underwriters led by {s_companies[(i + 7) % 20]} Securities Corp will manage the offering.";

    [Fact]
    public void Should_not_take_filings_written_to_one_template_for_reuse_as_a_scan_does_not()
    {
        // Given 60 filings written to one template (topic word pairs in every one of them), scanned with a store
        using var root = new TempDir();
        using var storeDir = new TempDir();
        for (int i = 0; i < 60; i++) File.WriteAllText(Path.Combine(root.Path, $"filing-{i:D2}.txt"), Filing(i));
        var options = new ReuseDetectOptions { Parallelism = 1 };
        var (report, data, index) = ScanWithStore(root, storeDir, options);
        // When two more filings are queried
        QueryResult one = index.Query(Filing(61)), other = index.Query(Filing(75));
        // Then neither matches a filing, as the scan linked none: the word pairs all filings share are the corpus's topic
        // pairs, which make no candidate for reworded passages in a query as in a scan (the index lists them)
        Assert.DoesNotContain(report.Clusters, c => c is { Kind: "passage", Boilerplate: false });
        Assert.NotEmpty(data.Data.CommonContent);
        Assert.Empty(one.Matches);
        Assert.Empty(other.Matches);
    }

    // A wire story and a heavy edit of it that keeps no five words in a row (no verbatim fingerprint in common).
    const string Drought =
        "Farmers in the southern valley said the drought had destroyed most of the apricot harvest this summer, and regional "
        + "cooperatives asked the agriculture ministry for emergency loans to replace irrigation pumps damaged by the heat. "
        + "Officials promised to review the request next week and warned that water rationing could continue until autumn.";

    const string DroughtEdited =
        "Farmers across the southern valley said that the drought has destroyed most of this apricot harvest during summer, while "
        + "regional cooperatives asked their agriculture ministry about emergency loans so as to replace irrigation pumps ruined by "
        + "summer heat. Officials have promised they would review this request next week but warned how water rationing might "
        + "continue into autumn.";

    [Fact]
    public void Should_find_a_heavy_edit_that_shares_no_verbatim_fingerprint_as_a_scan_does()
    {
        // Given a folder with the wire story, its heavy edit and an unrelated report, scanned with a store
        using var root = new TempDir();
        using var storeDir = new TempDir();
        File.WriteAllText(Path.Combine(root.Path, "wire.txt"), Drought);
        File.WriteAllText(Path.Combine(root.Path, "edit.txt"), DroughtEdited);
        File.WriteAllText(Path.Combine(root.Path, "snow.txt"), Teaser);
        var options = new ReuseDetectOptions { Parallelism = 1 };
        var (report, _, index) = ScanWithStore(root, storeDir, options);
        // When the edit is queried
        QueryResult result = Assert.Single(index.QueryFile(Path.Combine(root.Path, "edit.txt")).Results);
        // Then it matches the wire story, as the scan links them: a query takes content-word candidates as a scan does
        Assert.Contains(report.Clusters, c => c is { Kind: "passage", Boilerplate: false } && c.Members.Select(m => m.Id).Order().SequenceEqual(["edit.txt", "wire.txt"]));
        Assert.Equal(["wire.txt"], result.Matches.Select(m => m.Id));
    }

    [Fact]
    public void Should_never_list_the_queried_document_as_its_own_match()
    {
        // Given
        using var root = new TempDir();
        using var storeDir = new TempDir();
        var options = new ReuseDetectOptions { Parallelism = 1 };
        ReuseIndex index = Indexed(root, storeDir, options);
        // When an indexed file is queried by its path
        QueryResult own = Assert.Single(index.QueryFile(Path.Combine(root.Path, "copy.txt")).Results);
        // Then the wire story is found, the file itself is not
        Assert.Equal("copy.txt", own.Document);
        Assert.Equal(["wire.md"], own.Matches.Select(m => m.Id));
        Assert.Empty(own.Identical!);
        // When a byte-identical copy outside the scanned folder is queried
        using var elsewhere = new TempDir();
        File.Copy(Path.Combine(root.Path, "copy.txt"), Path.Combine(elsewhere.Path, "downloaded.txt"));
        QueryResult copy = Assert.Single(index.QueryFile(Path.Combine(elsewhere.Path, "downloaded.txt")).Results);
        // Then the indexed original is named as identical content, not as a match
        Assert.Equal(["wire.md"], copy.Matches.Select(m => m.Id));
        Assert.Equal(["copy.txt"], copy.Identical);
    }

    [Fact]
    public void Should_not_match_an_outlets_own_header_as_a_scan_does_not()
    {
        // Given an outlet's folder of six pages, each opening with the outlet's header line, one of them reposting the wire story
        using var root = new TempDir();
        using var storeDir = new TempDir();
        var options = new ReuseDetectOptions { Parallelism = 1 };
        const string header = "DAILY COURIER | News you can trust, from the city desk to the world stage, every single day of the year";
        string[] stories =
        [
            Story,
            Teaser,
            "Farmers in the southern valley began harvesting apricots two weeks early after an unusually warm spring, cooperatives said on Monday.",
            "The city council approved a new tram line linking the airport with the central station, with construction due to start next summer.",
            "A court in the capital postponed the trial of three former bank executives accused of fraud until the autumn, lawyers for the defence said.",
            "Museum curators unveiled a restored medieval manuscript that had been damaged by a flood in the archive's basement four decades ago.",
        ];
        Directory.CreateDirectory(Path.Combine(root.Path, "courier"));
        for (int i = 0; i < stories.Length; i++) File.WriteAllText(Path.Combine(root.Path, "courier", $"page{i}.txt"), header + "\n\n" + stories[i]);
        File.WriteAllText(Path.Combine(root.Path, "wire.md"), "---\ndate: 2023-01-02\noutlet: Wire\n---\n" + Story);
        var (report, data, index) = ScanWithStore(root, storeDir, options);
        // When the reposting page is queried
        QueryResult result = Assert.Single(index.QueryFile(Path.Combine(root.Path, "courier", "page0.txt")).Results);
        // Then it matches the wire story only, as in the scan's report: the header the outlet's pages share is furniture
        Assert.Equal(["wire.md"], result.Matches.Select(m => m.Id));
        Assert.DoesNotContain(header, Assert.Single(result.Matches[0].Passages).QueryText, StringComparison.Ordinal);
        var partners = report.Clusters.Where(c => c.Kind == "passage" && !c.Boilerplate && c.Members.Any(m => m.Id == "courier/page0.txt"))
            .SelectMany(c => c.Members).Select(m => m.Id).Where(id => id != "courier/page0.txt").Distinct();
        Assert.Equal(["wire.md"], partners);
        // And a page without a repost matches nothing
        Assert.Empty(Assert.Single(index.QueryFile(Path.Combine(root.Path, "courier", "page2.txt")).Results).Matches);
    }

    [Fact]
    public void Should_read_an_html_page_as_a_scan_does_so_its_teasers_and_markup_match_nothing()
    {
        // Given a page carrying the wire story, with a "You may also like" teaser of the snow report and navigation
        using var root = new TempDir();
        using var storeDir = new TempDir();
        var options = new ReuseDetectOptions { Parallelism = 1 };
        ReuseIndex index = Indexed(root, storeDir, options);
        using var elsewhere = new TempDir();
        string page = "<html><head><title>Rates</title><meta property=\"og:site_name\" content=\"Daily\"></head><body>"
            + "<nav><a href=\"/\">Home</a> <a href=\"/politics\">Politics</a></nav>"
            + "<article><h1>Rates up</h1><p>" + Story + "</p></article>"
            + "<section><h2>You may also like</h2><p>" + Teaser + "</p></section></body></html>";
        string path = Path.Combine(elsewhere.Path, "page.html");
        File.WriteAllText(path, page);
        // When it is queried as a file
        QueryResult result = Assert.Single(index.QueryFile(path).Results);
        // Then only the article's passage is found, with offsets into the extracted text
        Assert.Equal(["copy.txt", "wire.md"], result.Matches.Select(m => m.Id).Order(StringComparer.Ordinal));
        QueryPassage p = result.Matches.Single(m => m.Id == "wire.md").Passages.Single();
        Assert.Equal(Story, p.QueryText);
        // (read as raw markup, as queries were before, the teaser matched the snow report)
        Assert.Contains(index.Query(page).Matches, m => m.Id == "snow.txt");
    }

    [Fact]
    public void Should_answer_each_record_of_a_jsonl_file_or_the_record_named()
    {
        // Given a JSONL feed of two records
        using var root = new TempDir();
        using var storeDir = new TempDir();
        var options = new ReuseDetectOptions { Parallelism = 1 };
        ReuseIndex index = Indexed(root, storeDir, options);
        using var elsewhere = new TempDir();
        string feed = Path.Combine(elsewhere.Path, "feed.jsonl");
        File.WriteAllText(feed, System.Text.Json.JsonSerializer.Serialize(new { id = "rates", text = "Markets: " + Story }) + "\n"
            + System.Text.Json.JsonSerializer.Serialize(new { id = "snow", text = "Weather: " + Teaser }) + "\n");
        // When the file is queried, then each record gets its answer
        QueryFileResult all = index.QueryFile(feed);
        Assert.Empty(all.Errors);
        Assert.Equal(["feed.jsonl#rates", "feed.jsonl#snow"], all.Results.Select(r => r.Document));
        Assert.Equal(["snow.txt"], all.Results[1].Matches.Select(m => m.Id));
        // When one record is named, only it is answered; a record not in the file is an error
        QueryResult snow = Assert.Single(index.QueryFile(feed, "snow").Results);
        Assert.Equal("feed.jsonl#snow", snow.Document);
        QueryFileResult missing = index.QueryFile(feed, "nope");
        Assert.Empty(missing.Results);
        Assert.Equal("no record 'nope' in the file", Assert.Single(missing.Errors).Reason);
    }
}
