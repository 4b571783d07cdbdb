using ReuseDetect.Attribution;
using ReuseDetect.Ingestion;

namespace ReuseDetect.Tests.Attribution;

public sealed class CreditResolverTests
{
    static CreditDocument Doc(string id, string text, string outlet = DocumentMetadata.UnknownOutlet, string? url = null, string? title = null) =>
        new(id, new DocumentMetadata { Outlet = outlet, Url = url, Title = title }, CreditLineDetector.Find(text));

    static string Story(int n) => $"The council met for the {n}th time on Monday and agreed the budget.\nThe mayor said the vote was close.\n";

    static List<string> Credits(IReadOnlyList<CreditDocument> docs, string id) =>
        [.. CreditResolver.ResolveAll(docs)[docs.ToList().FindIndex(d => d.Id == id)].Select(c => $"{c.Outlet}:{c.Kind}")];

    [Fact]
    public void Should_not_take_an_outlets_own_copyright_footer_for_a_credit()
    {
        // Given Reuters stories reposted by outlets whose pages end with their own copyright footer
        string[] outlets = ["Daily Courier", "Evening Star", "Metro Times"];
        var docs = outlets.SelectMany(o => Enumerable.Range(0, 3).Select(i => Doc($"{o}/{i}.txt",
            (i == 0 ? "As Reuters reported: " : "") + Story(i) + "(Reuters)\nCopyright 2023 " + o + " Media Group", o))).ToList();
        // When
        var resolved = CreditResolver.ResolveAll(docs);
        // Then every copy credits Reuters, and no footer credits anyone
        Assert.All(resolved, credits => Assert.Equal("Reuters", Assert.Single(credits.Select(c => c.Outlet).Distinct())));
        Assert.Equal(9 + 3, resolved.Sum(c => c.Count)); // a sign-off on every copy, "As Reuters reported" on one copy per outlet
        Assert.All(resolved, credits => Assert.DoesNotContain(credits, c => c.Kind == CreditKinds.Copyright));
    }

    [Fact]
    public void Should_credit_a_copyright_naming_an_agency_or_another_outlet_of_the_corpus()
    {
        // Given a repost carrying the copyright of another outlet of the corpus, one of an outlet outside it, one of an agency
        var docs = new List<CreditDocument>
        {
            Doc("metro/1.txt", Story(1) + "Copyright 2023 Evening Star", "metrotimes.com"),
            Doc("metro/2.txt", Story(2) + "Copyright 2023 Pacific Ledger", "metrotimes.com"),
            Doc("metro/3.txt", Story(3) + "Copyright © 2021 Radio Free Europe/Radio Liberty", "metrotimes.com"),
            Doc("star/1.txt", Story(1), "eveningstar.com"),
        };
        // When / Then
        Assert.Equal(["Evening Star:copyright"], Credits(docs, "metro/1.txt"));
        Assert.Empty(Credits(docs, "metro/2.txt"));
        Assert.Equal(["RFE/RL:copyright"], Credits(docs, "metro/3.txt"));
    }

    [Fact]
    public void Should_keep_a_recurring_permission_line_naming_an_agency_and_drop_the_recurring_copyright()
    {
        // Given an outlet whose every repost ends with the same RFE/RL permission and copyright lines
        const string footer = "Reposted on ANN/Armenian News with permission from RFE/RL Copyright (c) 2023 Radio Free Europe / Radio Liberty, Inc.";
        var docs = Enumerable.Range(0, 4).Select(i => Doc($"ann/{i}.txt", Story(i) + footer, "ANN")).ToList();
        docs.Add(Doc("ann/own.txt", Story(9), "ANN"));
        // When
        var resolved = CreditResolver.ResolveAll(docs);
        // Then the permission line credits RFE/RL on every page; the copyright line is the pages' furniture
        for (int i = 0; i < 4; i++)
            Assert.Equal(["RFE/RL:permission"], resolved[i].Select(c => $"{c.Outlet}:{c.Kind}"));
        Assert.Empty(resolved[4]);
    }

    [Fact]
    public void Should_take_a_footer_recurring_in_a_folder_of_unknown_outlet_for_furniture()
    {
        // Given a folder of pages with no known outlet, each ending with a copyright line naming an outlet of the corpus,
        // and a page elsewhere that carries the same line once
        var docs = Enumerable.Range(0, 4).Select(i => Doc($"courier/{i}.txt", Story(i) + "(Reuters)\nCopyright 2023 Daily Courier")).ToList();
        docs.Add(Doc("courier/5.txt", Story(5)));
        docs.Add(Doc("feeds/courier.txt", Story(7), "Daily Courier"));
        docs.Add(Doc("digest/1.txt", Story(1) + "Copyright 2023 Daily Courier"));
        docs.Add(Doc("digest/2.txt", Story(2)));
        // When
        var resolved = CreditResolver.ResolveAll(docs);
        // Then in the folder the footer credits nobody (the sign-offs, one per story, still credit Reuters)
        for (int i = 0; i < 4; i++)
            Assert.Equal(["Reuters:signoff"], resolved[i].Select(c => $"{c.Outlet}:{c.Kind}"));
        Assert.Equal(["Daily Courier:copyright"], resolved[^2].Select(c => $"{c.Outlet}:{c.Kind}"));
    }

    [Fact]
    public void Should_take_a_name_equal_to_the_documents_outlet_host_or_title_for_a_self_reference()
    {
        // Given
        var docs = new List<CreditDocument>
        {
            Doc("a.txt", "LONDON (Reuters) - " + Story(1), url: "https://www.reuters.com/world/a"),
            Doc("b.txt", "By Jane Doe | Daily Courier\n" + Story(2), title: "Council meets | Daily Courier"),
            Doc("c.txt", "By Jane Doe | Daily Courier\n" + Story(3), title: "Council meets | Metro Times"),
            Doc("d.txt", Story(4) + "Source: The Daily Courier", "dailycourier.com"),
            Doc("e.txt", "Story text.\n" + Story(5) + "Copyright 2023 The Daily Courier, Inc.", "Daily Courier"),
        };
        // When / Then: a page of reuters.com does not credit Reuters; the Daily Courier does not credit itself
        Assert.Empty(Credits(docs, "a.txt"));
        Assert.Empty(Credits(docs, "b.txt"));
        Assert.Equal(["Daily Courier:byline"], Credits(docs, "c.txt"));
        Assert.Empty(Credits(docs, "d.txt"));
        Assert.Empty(Credits(docs, "e.txt"));
    }

    [Fact]
    public void Should_keep_names_from_weak_wordings_only_when_they_are_outlets_of_the_corpus()
    {
        // Given
        var docs = new List<CreditDocument>
        {
            Doc("x/1.txt", Story(1) + "Photo courtesy of Bill Miller.\nSource: Evening Star"),
            Doc("x/2.txt", Story(2) + "Source: Wikipedia\nBy Jane Doe, Staff Writer"),
            Doc("x/3.txt", Story(3) + "Reprinted with permission from Hetq Online.\nPhoto courtesy of AFP"),
            Doc("star/1.txt", Story(1), "Evening Star"),
        };
        // When / Then: a photographer, a reference work or a job title credit nobody; an outlet of the corpus, an agency,
        // or a permission wording (which says the text was taken from it) do
        Assert.Equal(["Evening Star:source"], Credits(docs, "x/1.txt"));
        Assert.Empty(Credits(docs, "x/2.txt"));
        Assert.Equal(["Hetq Online:permission", "AFP:courtesy"], Credits(docs, "x/3.txt"));
    }

    [Fact]
    public void Should_resolve_a_document_outside_the_corpus_against_the_corpus_outlets()
    {
        var resolver = new CreditResolver([Doc("star/1.txt", Story(1), "Evening Star")]);
        var query = Doc("query", Story(2) + "Source: Evening Star\nCopyright 2024 Pacific Ledger");
        Assert.Equal(["Evening Star"], resolver.Resolve(query).Select(c => c.Outlet));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Should_not_depend_on_document_order(int seed)
    {
        // Given a corpus with footers, self-references, recurring lines and agency credits
        var docs = new List<CreditDocument>();
        foreach (string o in (string[])["Daily Courier", "Evening Star"])
            for (int i = 0; i < 4; i++)
                docs.Add(Doc($"{o}/{i}.txt", Story(i) + (i % 2 == 0 ? "(Reuters)\n" : "Source: Evening Star\n") + "Copyright 2023 " + o, o));
        for (int i = 0; i < 4; i++) docs.Add(Doc($"misc/{i}.txt", Story(i) + "Copyright 2023 Daily Courier\nPhoto courtesy of AFP"));
        var expected = CreditResolver.ResolveAll(docs).Select((c, i) => (docs[i].Id, c)).ToDictionary(x => x.Id, x => x.c);
        // When the documents come in another order
        var shuffled = docs.ToArray();
        new Random(seed).Shuffle(shuffled);
        var resolved = CreditResolver.ResolveAll(shuffled);
        // Then each document keeps the same credits
        for (int i = 0; i < shuffled.Length; i++) Assert.Equal(expected[shuffled[i].Id], resolved[i]);
        Assert.Contains(expected.Values, c => c.Count > 0);
    }
}
