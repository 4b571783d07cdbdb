using System.Text;
using ReuseDetect.Ingestion;
using ReuseDetect.Pipeline;
using ReuseDetect.Reporting;

namespace ReuseDetect.Store.Tests;

/// <summary>
/// Incremental = cold, as a property: a random sequence of adds, edits and deletes over a small news ecosystem (outlets
/// with their own headers and footers, wire stories with datelines and credits, reposts with light edits, near-duplicate
/// copies), each step scanned with the store kept from the steps before, gives exactly the report a cold scan of the
/// folder gives. The ecosystem is built so that a step moves what the corpus learns: an outlet's furniture appears once
/// its third page is added and goes when pages are deleted, a common word crosses its threshold as pages come and go,
/// and a fingerprint's holders cross the document-frequency cap; each of these changes the marks of documents the step
/// did not touch, and so the alignments the store may reuse.
/// </summary>
public sealed class IncrementalPropertyTests
{
    static readonly string[] s_syllables = ["ka", "lo", "mi", "ran", "te", "vos", "du", "pel", "sir", "ma", "no", "gat", "be", "fu", "zor", "li"];
    static readonly string[] s_outlets = ["Harbor Times", "Valley Courier", "North Star Herald"];
    static readonly string[] s_agencies = ["Reuters", "AP", "AFP"];

    sealed class Ecosystem(int seed)
    {
        readonly Random _r = new(seed);
        readonly string[] _words = Vocabulary(seed);
        readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
        int _next;

        public IReadOnlyDictionary<string, string> Files => _files;

        static string[] Vocabulary(int seed)
        {
            var r = new Random(seed * 31 + 7);
            var words = new SortedSet<string>(StringComparer.Ordinal);
            // A small vocabulary, so that some words are common to many pages and the common-word share is crossed.
            while (words.Count < 400) words.Add(string.Concat(Enumerable.Range(0, r.Next(1, 4)).Select(_ => s_syllables[r.Next(s_syllables.Length)])));
            return [.. words];
        }

        string Sentence(int words)
        {
            var sb = new StringBuilder();
            for (int i = 0; i < words; i++)
            {
                string w = _words[_r.Next(_words.Length)];
                sb.Append(i == 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w).Append(i == words - 1 ? "." : " ");
            }
            return sb.ToString();
        }

        string Paragraph() => string.Join(' ', Enumerable.Range(0, 3 + _r.Next(4)).Select(_ => Sentence(8 + _r.Next(12))));

        string Story() => string.Join("\n\n", Enumerable.Range(0, 2 + _r.Next(3)).Select(_ => Paragraph()));

        static string Header(int outlet) => $"{s_outlets[outlet]} | Home | World | Business | Markets | Opinion | Sport | Culture | Subscribe to our daily newsletter for the latest headlines";

        static string Footer(int outlet) => $"Copyright 2026 {s_outlets[outlet]} Media Group. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.";

        string Page(int outlet, string body) => Header(outlet) + "\n\n" + body + "\n\n" + Footer(outlet) + "\n";

        /// <summary>A word or two of a text changed.</summary>
        string Edited(string text)
        {
            string[] words = text.Split(' ');
            for (int e = 1 + _r.Next(2); e > 0 && words.Length > 12; e--) words[4 + _r.Next(words.Length - 8)] = _words[_r.Next(_words.Length)];
            return string.Join(' ', words);
        }

        string Body(string text)
        {
            string[] parts = text.Split("\n\n");
            return parts.Length > 2 && parts[0].Contains(" | Home | ", StringComparison.Ordinal) ? string.Join("\n\n", parts[1..^1]) : text;
        }

        string Pick() => _files.Keys.Order(StringComparer.Ordinal).ElementAt(_r.Next(_files.Count));

        /// <summary>A new page: a wire story, an outlet's own story, a credited or uncredited repost, or a near-duplicate copy.</summary>
        public string Add()
        {
            int outlet = _r.Next(s_outlets.Length);
            string id = $"outlet{outlet}/p{_next++:D3}.txt";
            int kind = _files.Count < 3 ? _r.Next(2) : _r.Next(6);
            string agency = s_agencies[_r.Next(s_agencies.Length)];
            _files[id] = kind switch
            {
                0 => $"LONDON, March {1 + _r.Next(28)} ({agency}) - " + Story() + $"\n\n(Reporting by {_words[_r.Next(_words.Length)]}; Editing by {_words[_r.Next(_words.Length)]})\n",
                1 => Page(outlet, Story()),
                2 => Page(outlet, Paragraph() + "\n\n" + Edited(Body(_files[Pick()])) + $"\n\nAs {agency} reported."),
                3 => Page(outlet, Edited(Body(_files[Pick()])) + "\n\n" + Paragraph()),
                4 => Edited(_files[Pick()]),
                _ => Page(outlet, Paragraph() + "\n\n" + Body(_files[Pick()])),
            };
            return id;
        }

        /// <summary>Changes a page: a word or two, a paragraph of another page appended, or its outlet's header dropped.</summary>
        public string Edit()
        {
            string id = Pick();
            string text = _files[id];
            _files[id] = _r.Next(3) switch
            {
                0 => Edited(text),
                1 => text + "\n\n" + Body(_files[Pick()]) + "\n",
                _ => text.Contains(" | Home | ", StringComparison.Ordinal) ? text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..] : text + "\n\n" + Paragraph(),
            };
            return id;
        }

        public string Delete()
        {
            string id = Pick();
            _files.Remove(id);
            return id;
        }
    }

    static string Cold(string root, int threads) => JsonReportWriter.ToJson(new ReuseDetector(new ReuseDetectOptions { Parallelism = threads }).Scan(root));

    static (string Json, StoreScanCache Cache, int IndexUpdates) Stored(string root, string storeDir, int threads)
    {
        var options = new ReuseDetectOptions { Parallelism = threads };
        using var store = SignatureStore.Open(storeDir, StoreScanCache.ParametersFor(options));
        var cache = new StoreScanCache(store);
        string json = JsonReportWriter.ToJson(new ReuseDetector(options).Scan(new FolderSource(root, options.Ingest), cache));
        return (json, cache, store.QueryIndexUpdates);
    }

    /// <summary>Writes the ecosystem's files that changed to <paramref name="root"/> and deletes those it no longer has.</summary>
    static void Sync(Ecosystem eco, string root, Dictionary<string, string> written, int step)
    {
        foreach (string gone in written.Keys.Where(k => !eco.Files.ContainsKey(k)).ToList())
        {
            File.Delete(Path.Combine(root, gone));
            written.Remove(gone);
        }
        foreach (var (id, text) in eco.Files)
        {
            if (written.TryGetValue(id, out string? old) && old == text) continue;
            string path = Path.Combine(root, id);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            File.SetLastWriteTimeUtc(path, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(step));
            written[id] = text;
        }
    }

    /// <summary>One more change to the ecosystem (adds first, so that there is something to edit and delete); what it was.</summary>
    static string Step(Ecosystem eco, Random r, int step) =>
        (step < 14 ? 0 : r.Next(4)) switch { 0 or 1 => "add " + eco.Add(), 2 => "edit " + eco.Edit(), _ => "delete " + eco.Delete() };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_scan_with_the_store_equals_a_cold_scan_after_every_step_of_a_random_sequence(int seed)
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        using var coldIndexDir = new TempDir();
        var eco = new Ecosystem(seed);
        var r = new Random(seed);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        int reusedPairs = 0, passages = 0, indexUpdates = 0;
        for (int step = 0; step < 40; step++)
        {
            // Given the ecosystem after one more change
            string what = Step(eco, r, step);
            Sync(eco, root.Path, written, step);

            // When the folder is scanned with the store of the steps before (one or two threads)
            var (json, cache, updates) = Stored(root.Path, storeDir.Path, 1 + step % 2);

            // Then the report is the cold scan's, byte for byte, and the query index the one a cold build writes
            string cold = Cold(root.Path, 2);
            Assert.True(cold == json, $"seed {seed}, step {step} ({what}): the scan with the store differs from a cold scan");
            Assert.True(QueryIndexUpdateTests.EqualsColdBuild(storeDir.Path, coldIndexDir.Path),
                $"seed {seed}, step {step} ({what}): the query index updated by the scan differs from a cold build");
            indexUpdates += updates;
            reusedPairs += cache.PairsReused;
            passages += json.Split("\"kind\": \"passage\"").Length - 1;
        }
        // The sequence did exercise the store's reuse and found reposts (the property is not vacuous).
        Assert.True(reusedPairs > 0, "no aligned pair came from the store");
        Assert.True(indexUpdates > 30, $"{indexUpdates} query indexes updated in place");
        Assert.True(passages > 0, "no reposted passage was found");
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(6, true)]
    public void A_detector_that_keeps_its_index_equals_a_cold_scan_after_every_step_of_a_random_sequence(int seed, bool withStore)
    {
        using var root = new TempDir();
        using var storeDir = new TempDir();
        var eco = new Ecosystem(seed);
        var r = new Random(seed);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = new ReuseDetectOptions { Parallelism = 2 };
        var detector = new ReuseDetector(options) { KeepIndex = true };
        for (int step = 0; step < 40; step++)
        {
            // Given the ecosystem after one more change
            string what = Step(eco, r, step);
            Sync(eco, root.Path, written, step);

            // When the same detector scans the folder again (its index kept from the steps before)
            string json;
            if (withStore)
            {
                using var store = SignatureStore.Open(storeDir.Path, StoreScanCache.ParametersFor(options));
                json = JsonReportWriter.ToJson(detector.Scan(new FolderSource(root.Path, options.Ingest), new StoreScanCache(store)));
            }
            else json = JsonReportWriter.ToJson(detector.Scan(root.Path));

            // Then the report is the cold scan's, byte for byte
            Assert.True(Cold(root.Path, 2) == json, $"seed {seed}, step {step} ({what}): the scan with the kept index differs from a cold scan");
        }
        // Most steps updated the index; the first counted cold, and so may a change to what the corpus learns.
        Assert.True(detector.IndexUpdates >= 20, $"{detector.IndexUpdates} updates, {detector.IndexColdCounts} cold counts");
    }
}
