using ReuseDetect.Ingestion;
using ReuseDetect.Testbed;

namespace ReuseDetect.Tests.Testbed;

/// <summary>The generator: determinism, and a ground truth consistent with the documents as the scan reads them.</summary>
public sealed class NewsEcosystemTests(GeneratedEcosystem eco) : IClassFixture<GeneratedEcosystem>
{
    LocatedTruth Located(EcosystemTruth truth) => LocatedTruth.Build(truth, TestbedScorer.ReadCorpus(NewsEcosystem.CorpusDir(eco.Path)));

    [Fact]
    public void Should_find_every_block_case_and_text_furniture_in_the_documents_as_read()
    {
        EcosystemTruth truth = eco.Require();

        LocatedTruth located = Located(truth);

        Assert.Empty(located.Missing);
        Assert.Equal(truth.Documents.Count, located.Texts.Count);
        Assert.Equal(truth.Stories.Sum(s => s.Carriers.Count), located.BlocksByDocument.Values.Sum(b => b.Count));
        Assert.Equal(truth.Stories.Sum(s => s.Carriers.Count(c => c.Parent is not null)), located.Cases.Count);
        foreach (string level in new[] { "verbatim", "light", "heavy" }) Assert.Contains(located.Cases, c => c.Level == level);
        int inText = truth.Documents.Where(d => d.Format != "html").Sum(d => d.Furniture.Count(f => f.Where == "text"));
        Assert.InRange(located.FurnitureFound, inText, located.FurniturePlanted - 1); // all furniture of text formats; page chrome the reader drops
    }

    [Fact]
    public void Should_plant_outlets_in_every_format_with_furniture_in_the_text_a_scan_reads()
    {
        EcosystemTruth truth = eco.Require();
        LocatedTruth located = Located(truth);

        Assert.Equal(["html", "jsonl", "markdown", "text"], truth.Documents.Select(d => d.Format).Distinct().Order(StringComparer.Ordinal));
        Assert.True(truth.Documents.Select(d => d.Outlet).Distinct().Count() >= 6);
        var html = truth.Documents.Where(d => d.Format == "html").ToList();
        Assert.Contains(html, d => located.Furniture[d.Id].Any(f => f.Furniture.Kind is "caption" or "related" or "copyright"));
        // The outlets without metadata carry their furniture in the text, and a reader knows neither their outlet nor their date.
        var source = new FolderSource(NewsEcosystem.CorpusDir(eco.Path), new IngestOptions());
        var docs = source.List().Files.SelectMany(f => source.LoadAll(f).Documents).ToDictionary(d => d.Id);
        var bare = truth.Documents.Where(d => d.Id.StartsWith("steppe-echo/", StringComparison.Ordinal) || d.Id.StartsWith("araratdaily/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(bare);
        Assert.All(bare, d => Assert.Equal(DocumentMetadata.UnknownOutlet, docs[d.Id].Metadata.Outlet));
        Assert.All(bare, d => Assert.Contains(located.Furniture[d.Id], f => f.Furniture.Kind == "header"));
        // "Dated" in the truth is exactly what the reader sees.
        Assert.All(truth.Documents, d => Assert.Equal(d.Dated ? DateTimeOffset.Parse(d.Time, System.Globalization.CultureInfo.InvariantCulture) : null, docs[d.Id].Metadata.Published));
        Assert.Contains(truth.Documents, d => d.Id.Contains(".jsonl#cm-", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_date_reposts_after_their_parents_and_keep_the_truth_outside_the_corpus()
    {
        EcosystemTruth truth = eco.Require();
        var time = truth.Documents.ToDictionary(d => d.Id, d => d.Time);

        foreach (TruthStory s in truth.Stories)
            foreach (TruthCarrier c in s.Carriers.Where(c => c.Parent is not null))
                Assert.True(string.CompareOrdinal(time[c.Parent!], time[c.Document]) < 0, $"{c.Document} is not later than {c.Parent}");
        Assert.True(File.Exists(NewsEcosystem.TruthPath(eco.Path)));
        Assert.DoesNotContain(Directory.GetFiles(NewsEcosystem.CorpusDir(eco.Path), "*.json", SearchOption.AllDirectories), f => !FolderSource.IsSidecar(f));
    }

    [Fact]
    public void Should_keep_verbatim_copies_exact_and_edited_copies_recognisable()
    {
        EcosystemTruth truth = eco.Require();
        var shares = new Dictionary<string, List<double>>();
        foreach (TruthStory s in truth.Stories)
            foreach (TruthCarrier c in s.Carriers.Where(c => c.Parent is not null))
            {
                TruthCarrier parent = s.Carriers.Single(p => p.Document == c.Parent);
                var taken = parent.Paragraphs.Skip(c.From).Take(c.To - c.From).ToList();
                if (c.Edit == "verbatim") Assert.Equal(taken, c.Paragraphs);
                else Assert.Equal(taken.Count, c.Paragraphs.Count);
                if (!shares.TryGetValue(c.Edit, out var list)) shares[c.Edit] = list = [];
                list.Add(SharedTrigrams(c.Paragraphs, taken));
            }
        // Light: a few words and one sentence; heavy: a quarter of the words, commentary and reordering, still the same text.
        Assert.InRange(shares["light"].Average(), 0.85, 0.99);
        Assert.InRange(shares["heavy"].Average(), 0.25, 0.7);
        Assert.True(shares["heavy"].Min() > 0.1);
    }

    static double SharedTrigrams(IEnumerable<string> copy, IEnumerable<string> original)
    {
        var orig = new HashSet<string>(original.SelectMany(p => TextTools.Grams(TextTools.Words(p), 3)), StringComparer.Ordinal);
        var grams = copy.SelectMany(p => TextTools.Grams(TextTools.Words(p), 3)).ToList();
        return grams.Count(orig.Contains) / (double)grams.Count;
    }

    [Fact]
    public void Should_credit_only_through_datelines_sign_offs_and_credit_lines()
    {
        EcosystemTruth truth = eco.Require();
        var documents = truth.Documents.ToDictionary(d => d.Id);
        foreach (TruthStory s in truth.Stories)
        {
            string root = s.Agency ?? s.OriginalOutlet!;
            foreach (TruthCarrier c in s.Carriers.Where(c => c.Document != s.Origin))
            {
                if (c.Credits.Count == 0) Assert.True(c.Dateline is null && c.SignOff is null && c.CreditLines.Count == 0, $"{c.Document} credits nobody but keeps a dateline or credit");
                Assert.Equal(c.Credits.Contains(root), c.Credited);
                // The page's own copyright footer is furniture, never a credit of the story's root.
                Assert.DoesNotContain(documents[c.Document].Furniture, f => f.Kind == "copyright" && f.Text.Contains(root, StringComparison.Ordinal));
            }
            Assert.Equal(s.Carriers.Any(c => c.Credits.Contains(root)) ? root : null, s.Source);
        }
        Assert.Contains(truth.Stories.SelectMany(s => s.Carriers), c => c.Credited == true);
        Assert.Contains(truth.Stories.SelectMany(s => s.Carriers), c => c.Credited == false);
    }

    [Fact]
    public void Should_score_the_perfect_report_of_a_generated_ecosystem_1_but_for_heavy_edits()
    {
        EcosystemTruth truth = eco.Require();
        string report = Path.Combine(eco.Path, "perfect.json");
        TestbedReports.WritePerfect(eco.Path, report);

        TestbedScore s = TestbedScorer.Score(eco.Path, report);

        Assert.Equal(truth.Stories.Count(t => t.Carriers.Count >= 2), s.Origin.Total);
        Assert.Equal(1.0, s.Origin.Value);
        Assert.Equal(1.0, s.Source.Value);
        Assert.Equal(1.0, s.Credited.Value);
        Assert.Equal((0, 0, 0), (s.BoilerplateMembers, s.FalseClusters, s.NestedStories));
        Assert.Equal(1.0, s.PlagDet["verbatim"].PlagDet, 9);
        Assert.True(s.PlagDet["light"].PlagDet > 0.98, s.ToTable());
        Assert.True(s.PlagDet["heavy"].PlagDet > 0.95, s.ToTable());
    }

    [Fact]
    public void Should_draw_base_stories_that_share_no_run_of_eight_words()
    {
        string reuters = GeneratedEcosystem.Reuters ?? "";
        eco.Require();
        var selection = StorySelection.Select(NewsEcosystem.Candidates(reuters), 40, new Rng(3));

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < selection.Stories.Count; i++)
            foreach (string gram in TextTools.Grams(TextTools.Words(string.Join(' ', selection.Stories[i].Paragraphs)), StorySelection.RunWords).Distinct())
                Assert.True(seen.TryAdd(gram, i) || seen[gram] == i, $"stories {seen[gram]} and {i} share \"{gram}\"");
        Assert.NotEmpty(selection.SameTopic);
        Assert.All(selection.Stories, s => Assert.InRange(s.Words, ReutersStories.MinWords, ReutersStories.MaxWords));
    }

    [Fact]
    public void Should_write_byte_identical_files_for_the_same_options_and_other_files_for_another_seed()
    {
        string reuters = GeneratedEcosystem.Reuters ?? "";
        eco.Require();
        using var a = new TempFolder();
        using var b = new TempFolder();
        using var c = new TempFolder();
        var options = new EcosystemOptions { Seed = 5, Stories = 20, Dates = DateMode.Mixed };

        NewsEcosystem.Generate(reuters, a.Path, options);
        NewsEcosystem.Generate(reuters, b.Path, options);
        NewsEcosystem.Generate(reuters, c.Path, options with { Seed = 6 });

        Dictionary<string, byte[]> Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);
        var fa = Files(a.Path);
        var fb = Files(b.Path);
        Assert.Equal(fa.Keys.Order(StringComparer.Ordinal), fb.Keys.Order(StringComparer.Ordinal));
        Assert.All(fa, f => Assert.Equal(f.Value, fb[f.Key]));
        Assert.NotEqual(File.ReadAllBytes(NewsEcosystem.TruthPath(a.Path)), File.ReadAllBytes(NewsEcosystem.TruthPath(c.Path)));
    }

    [Fact]
    public void Should_leave_a_folder_it_did_not_write_alone()
    {
        string reuters = GeneratedEcosystem.Reuters ?? "";
        eco.Require();
        using var folder = new TempFolder();
        folder.Write("corpus/mine.txt", "not the testbed's");

        var e = Assert.Throws<IOException>(() => NewsEcosystem.Generate(reuters, folder.Path, new EcosystemOptions { Stories = 4 }));

        Assert.Contains("not a testbed folder", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder.Path, "corpus", "mine.txt")));
    }
}
