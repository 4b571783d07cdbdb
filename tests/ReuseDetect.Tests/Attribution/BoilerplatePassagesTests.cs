using ReuseDetect.Attribution;
using ReuseDetect.Clustering;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Tests.Attribution;

public sealed class BoilerplatePassagesTests
{
    const string Group = "host:example.net";
    const int Shingle = 5, Window = 6, MinWords = 20;

    static readonly ParallelOptions Parallel = new() { MaxDegreeOfParallelism = 2 };

    const string Header =
        "Subscribe to the Morning Ledger newsletter for the day's top stories from the region, delivered free to your inbox every " +
        "weekday before breakfast, with our editors' picks.";

    static readonly string[] s_stories =
    [
        "The city council approved a plan on Monday to rebuild the old river bridge, which has been closed to lorries since the spring floods damaged two of its piers.",
        "Farmers in the northern valleys say the late frost has cut this year's apricot harvest by half, and some growers expect to sell nothing at all.",
        "A new train timetable starts next week, adding an early service to the capital and two late trains on Fridays for students going home.",
    ];

    static (BoilerplatePassages.Holder Holder, BoilerplatePassages.Body Body) Page(int document, string text)
    {
        TokenizedText tokens = Tokenizer.Tokenize(text);
        Fingerprint[] prints = Winnower.Select(Shingler.Hash(tokens.TokenHashes, Shingle), Window);
        return (new BoilerplatePassages.Holder(document, Group, prints), new BoilerplatePassages.Body(text, tokens));
    }

    /// <summary>A model whose only boilerplate is the fingerprints of <see cref="Header"/> in <paramref name="pages"/>.</summary>
    static BoilerplateModel HeaderModel(IEnumerable<(BoilerplatePassages.Holder Holder, BoilerplatePassages.Body Body)> pages)
    {
        TokenizedText header = Tokenizer.Tokenize(Header);
        var headerShingles = new HashSet<ulong>(Shingler.Hash(header.TokenHashes, Shingle));
        var furniture = new HashSet<ulong>(pages.SelectMany(p => p.Holder.Fingerprints).Select(f => f.Hash).Where(headerShingles.Contains));
        return new BoilerplateModel(new Dictionary<string, HashSet<ulong>> { [Group] = furniture }, [], []);
    }

    [Fact]
    public void Should_find_a_header_once_with_its_exact_edges_in_every_page()
    {
        // Given three pages of one outlet, each a shared header above its own story, and the header's fingerprints learned as furniture
        var pages = s_stories.Select((story, d) => Page(d, Header + "\n\n" + story)).ToList();
        BoilerplateModel model = HeaderModel(pages);
        Assert.NotEmpty(model.Groups);
        // When the boilerplate passages are found
        List<SpanCluster> clusters = BoilerplatePassages.Find([.. pages.Select(p => p.Holder)], model, d => pages[d].Body, Shingle, Window, MinWords, Parallel);
        // Then there is one passage, held by every page, spanning exactly the header (winnowing picked only some of its
        // fingerprints: the edges come from extending token by token)
        SpanCluster cluster = Assert.Single(clusters);
        Assert.Equal([0, 1, 2], cluster.Members.Select(m => m.Document));
        foreach (ClusterMember m in cluster.Members)
            Assert.Equal(Header, pages[m.Document].Body.Text[m.Start..m.End]);
    }

    [Fact]
    public void Should_leave_out_pages_that_cannot_be_read_and_passages_held_by_one_page()
    {
        // Given the same pages, two of which cannot be read now
        var pages = s_stories.Select((story, d) => Page(d, Header + "\n\n" + story)).ToList();
        BoilerplateModel model = HeaderModel(pages);
        // When the passages are found with only the first page readable
        List<SpanCluster> clusters = BoilerplatePassages.Find([.. pages.Select(p => p.Holder)], model, d => d == 0 ? pages[d].Body : null, Shingle, Window, MinWords, Parallel);
        // Then no passage is left with one page: boilerplate is what several pages share
        Assert.Empty(clusters);
        // And with the second page unreadable, the other two still form the passage
        clusters = BoilerplatePassages.Find([.. pages.Select(p => p.Holder)], model, d => d == 1 ? null : pages[d].Body, Shingle, Window, MinWords, Parallel);
        Assert.Equal([0, 2], Assert.Single(clusters).Members.Select(m => m.Document));
    }

    [Fact]
    public void Should_find_nothing_in_a_group_without_boilerplate()
    {
        // Given pages whose group learned nothing
        var pages = s_stories.Select((story, d) => Page(d, Header + "\n\n" + story)).ToList();
        // When the passages are found under the empty model, Then there are none, and no text is read
        Assert.Empty(BoilerplatePassages.Find([.. pages.Select(p => p.Holder)], BoilerplateModel.Empty,
            _ => throw new InvalidOperationException("read"), Shingle, Window, MinWords, Parallel));
    }
}
