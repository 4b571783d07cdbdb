namespace ReuseDetect.Testbed;

/// <summary>A base story as the ecosystem tells it: who first published it and every page that carries it.</summary>
sealed class StoryPlan(int index, ReutersStory source, List<string> paragraphs)
{
    public int Index { get; } = index;
    public string Id => $"s{Index + 1:000}";
    public ReutersStory Source { get; } = source;
    /// <summary>The paragraphs as first published (negatives planted), without dateline.</summary>
    public List<string> Paragraphs { get; } = paragraphs;
    /// <summary>The agency whose story it is, or null for an outlet's own story.</summary>
    public Agency? Agency { get; set; }
    /// <summary>The outlet whose own story it is, or null for an agency story.</summary>
    public Outlet? OwnOutlet { get; set; }
    public DateTimeOffset RootTime { get; set; }
    /// <summary>The agency's dateline on its wire copy.</summary>
    public string? Dateline { get; set; }
    /// <summary>The agency's sign-off line at the end of its wire copy, when it has one.</summary>
    public string? SignOff { get; set; }
    public List<Page> Pages { get; } = [];
    /// <summary>The page of the first publication when it is in the corpus (wire copy or the outlet's article).</summary>
    public Page? Root => Pages.FirstOrDefault(p => p.Parent is null && p.ParentAgency is null);

    /// <summary>The name that credits the story's root: the agency, or the outlet of an own story.</summary>
    public string RootName => Agency?.Name ?? OwnOutlet!.Name;

    /// <summary>True once some page in the corpus names the root (its own dateline, or a credit).</summary>
    public bool RootNamed => Pages.Any(p => p.Names(RootName));
}

/// <summary>One document: a story as one outlet printed it.</summary>
sealed class Page(StoryPlan story, Outlet outlet)
{
    public StoryPlan Story { get; } = story;
    public Outlet Outlet { get; } = outlet;
    /// <summary>The page it was copied from, when in the corpus.</summary>
    public Page? Parent { get; init; }
    /// <summary>The agency it was copied from when the wire copy is outside the corpus.</summary>
    public Agency? ParentAgency { get; init; }
    /// <summary>The run of the parent's paragraphs taken, <c>[From, To)</c>.</summary>
    public int From { get; init; }
    public int To { get; init; }
    /// <summary>wire, original, verbatim, light or heavy.</summary>
    public required string Edit { get; init; }
    public string? Dateline { get; set; }
    public required List<string> Paragraphs { get; init; }
    /// <summary>The agency sign-off, when this page keeps it (part of the carried block).</summary>
    public string? SignOff { get; set; }
    public List<string> LeadCredits { get; } = [];
    public List<string> TrailCredits { get; } = [];
    /// <summary>The names this page credits (its dateline's agency, its sign-off's, its credit lines').</summary>
    public List<string> CreditNames { get; } = [];
    public DateTimeOffset Time { get; init; }
    public required string Title { get; init; }
    public required string Author { get; init; }
    public string? Caption { get; set; }
    public string? Video { get; set; }
    /// <summary>A furniture line of the parent's outlet that a scraper copied along with the text.</summary>
    public string? CopiedFurniture { get; set; }
    /// <summary>Set when ids are assigned: the document id, the URL, the serial within the outlet.</summary>
    public string Id { get; set; } = "";
    public string? Url { get; set; }
    public int Serial { get; set; }
    public bool Dated { get; set; }

    public bool Names(string name) => CreditNames.Contains(name, StringComparer.Ordinal);

    public bool IsRoot => Parent is null && ParentAgency is null;

    /// <summary>The carried block: dateline, paragraphs, sign-off.</summary>
    public string Block => Blocks.Join(Dateline, Paragraphs, SignOff);
}

/// <summary>How a carried block is written out as text.</summary>
static class Blocks
{
    public static string Join(string? dateline, IReadOnlyList<string> paragraphs, string? signOff)
    {
        var parts = new List<string>(paragraphs);
        if (dateline is not null && parts.Count > 0) parts[0] = dateline + parts[0];
        if (signOff is not null) parts.Add(signOff);
        return string.Join("\n\n", parts);
    }
}
