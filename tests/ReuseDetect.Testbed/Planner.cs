namespace ReuseDetect.Testbed;

/// <summary>
/// Decides who publishes each base story and who reposts it, how, and with what credit. Half the stories are an
/// agency's (its wire copy in the corpus or not), half an outlet's own. Each gets up to five reposts: first-hand
/// (from the wire or the original) or of another repost; full or a run of paragraphs; verbatim, light or heavy;
/// credited (dateline kept, or a credit line) or not. Scrapers repost only from pages in the corpus and sometimes
/// take the parent's furniture with the text.
/// </summary>
sealed class Planner(Rng rng, TextEdits edits)
{
    static readonly DateTimeOffset s_start = new(2024, 3, 1, 6, 0, 0, TimeSpan.Zero);

    static readonly string[] s_levels = ["verbatim", "light", "heavy"];
    static readonly double[] s_levelWeights = [0.4, 0.35, 0.25];
    static readonly double[] s_repostCounts = [0.22, 0.26, 0.24, 0.16, 0.08, 0.04]; // 0..5 reposts

    public List<StoryPlan> Plan(IReadOnlyList<StoryPlan> stories)
    {
        var own = Outlet.All.Where(o => o.PublishesOwn).ToList();
        foreach (StoryPlan story in stories)
        {
            story.RootTime = s_start.AddMinutes(rng.Next(40 * 24 * 60));
            if (rng.Chance(0.5))
            {
                Agency agency = Agency.All[rng.Weighted(Agency.Weights)];
                story.Agency = agency;
                story.Dateline = agency.Dateline(story.Source.City, story.RootTime);
                if (agency.SignOffs.Count > 0 && rng.Chance(0.6))
                    story.SignOff = string.Format(System.Globalization.CultureInfo.InvariantCulture, rng.Pick(agency.SignOffs), rng.Pick(Agency.People), rng.Pick(Agency.People));
                if (rng.Chance(0.55)) AddWire(story);
            }
            else
            {
                story.OwnOutlet = rng.Pick(own);
                AddRoot(story, story.OwnOutlet, "original");
            }
            int reposts = rng.Weighted(s_repostCounts);
            if (story.Root is null) reposts = Math.Max(reposts, 1); // a story nobody carries is not in the corpus
            for (int i = 0; i < reposts; i++)
                if (Repost(story) is { } page) story.Pages.Add(page);
        }
        return [.. stories];
    }

    void AddWire(StoryPlan story)
    {
        Page page = AddRoot(story, Outlet.WireOutletOf(story.Agency!), "wire");
        page.Dateline = story.Dateline;
        page.SignOff = story.SignOff;
        page.CreditNames.Add(story.Agency!.Name);
    }

    /// <summary>The first publication in the corpus: the whole story, at the story's time.</summary>
    Page AddRoot(StoryPlan story, Outlet outlet, string edit)
    {
        var page = new Page(story, outlet)
        {
            Edit = edit,
            Paragraphs = [.. story.Paragraphs],
            Title = story.Source.Title,
            Author = rng.Pick(Agency.People),
            From = 0,
            To = story.Paragraphs.Count,
            Time = story.RootTime,
        };
        Furnish(page);
        story.Pages.Add(page);
        return page;
    }

    /// <summary>Chooses the page's caption and video from its outlet's banks (each page shows one of each, or none).</summary>
    void Furnish(Page page)
    {
        if (page.Outlet.Captions.Count > 0 && rng.Chance(0.7)) page.Caption = rng.Pick(page.Outlet.Captions);
        if (page.Outlet.Videos.Count > 0 && rng.Chance(0.6)) page.Video = rng.Pick(page.Outlet.Videos);
    }

    Page? Repost(StoryPlan story)
    {
        // The parent: the root (the wire outside the corpus when absent) or, for some, an earlier repost.
        var reposts = story.Pages.Where(p => !p.IsRoot && !p.Outlet.Scraper).ToList();
        Page? parent = story.Root;
        if (reposts.Count > 0 && (parent is null ? rng.Chance(0.4) : rng.Chance(0.35))) parent = rng.Pick(reposts);
        var taken = story.Pages.Select(p => p.Outlet).ToHashSet();
        var outlets = Outlet.All.Where(o => o.Reposts && !taken.Contains(o) && (parent is not null || !o.Scraper)).ToList();
        if (outlets.Count == 0) return null;
        Outlet outlet = rng.Pick(outlets);

        IReadOnlyList<string> parentParagraphs = parent?.Paragraphs ?? story.Paragraphs;
        string? parentDateline = parent is null ? story.Dateline : parent.Dateline;
        string? parentSignOff = parent is null ? story.SignOff : parent.SignOff;
        int n = parentParagraphs.Count, from = 0, to = n;
        if (n >= 3 && rng.Chance(0.4))
        {
            int length = rng.Between(2, n - 1);
            from = rng.Between(0, n - length);
            to = from + length;
            if (parentParagraphs.Skip(from).Take(length).Sum(TextTools.WordCount) < 50) (from, to) = (0, n);
        }
        string level = s_levels[rng.Weighted(s_levelWeights)];
        List<string> original = [.. parentParagraphs.Skip(from).Take(to - from)];
        List<string> paragraphs = level switch
        {
            "light" => edits.Light(original, rng),
            "heavy" => edits.Heavy(original, rng),
            _ => original,
        };
        string parentTitle = parent?.Title ?? story.Source.Title;
        string title = level == "verbatim" && rng.Chance(0.7) ? parentTitle : TextEdits.Headline(story.Source.Title, rng);
        DateTimeOffset after = parent?.Time ?? story.RootTime;
        var page = new Page(story, outlet)
        {
            Parent = parent,
            ParentAgency = parent is null ? story.Agency : null,
            From = from,
            To = to,
            Edit = level,
            Paragraphs = paragraphs,
            Title = title,
            Author = rng.Pick(Agency.People),
            Time = after.AddMinutes(rng.Between(20, 30 * 60)),
        };
        Credit(story, parent, page, from == 0 ? parentDateline : null, to == n ? parentSignOff : null);
        Furnish(page);
        if (outlet.Scraper && parent is not null && to == n && CopyableLine(parent) is { } line && rng.Chance(0.5))
            page.CopiedFurniture = line;
        return page;
    }

    /// <summary>Credited copies keep the dateline or add a credit line; uncredited copies strip all of it.</summary>
    void Credit(StoryPlan story, Page? parent, Page page, string? dateline, string? signOff)
    {
        if (!rng.Chance(0.6)) return;
        if (dateline is not null && rng.Chance(0.7))
        {
            page.Dateline = page.Edit == "light" && rng.Chance(0.5) ? ChangeCity(dateline) : dateline;
            if (story.Agency is { } agency) page.CreditNames.Add(agency.Name);
        }
        if (signOff is not null && rng.Chance(0.5))
        {
            page.SignOff = signOff;
            if (story.Agency is { } agency && agency.NamedIn(signOff)) page.CreditNames.Add(agency.Name);
        }
        if (page.Dateline is not null && !rng.Chance(0.15)) return;
        // The name credited: the root, or (once the root is named elsewhere) sometimes the page copied from.
        bool intermediary = parent is not null && !parent.IsRoot && story.RootNamed && rng.Chance(0.3);
        string name;
        if (intermediary) name = parent!.Outlet.Name;
        else if (story.Agency is { } agency) name = rng.Pick(agency.CreditNames);
        else name = story.OwnOutlet!.Name;
        string canonical = intermediary ? parent!.Outlet.Name : story.RootName;
        bool lead = rng.Chance(0.4);
        // "(Reuters)" is an agency's mark; an outlet is credited in words.
        var templates = (lead ? Agency.LeadCredits : Agency.TrailCredits).Where(t => story.Agency is not null && !intermediary || !t.StartsWith('(')).ToList();
        string line = string.Format(System.Globalization.CultureInfo.InvariantCulture, rng.Pick(templates), name);
        (lead ? page.LeadCredits : page.TrailCredits).Add(line);
        if (!page.CreditNames.Contains(canonical)) page.CreditNames.Add(canonical);
    }

    /// <summary>"LONDON, March 3 (Reuters) - " → "London, March 3 (Reuters) - ": the city as a sub-editor retypes it.</summary>
    static string ChangeCity(string dateline)
    {
        int end = 0;
        while (end < dateline.Length && (char.IsAsciiLetterUpper(dateline[end]) || dateline[end] is ' ' or '.' or '-')) end++;
        while (end > 0 && !char.IsAsciiLetterUpper(dateline[end - 1])) end--;
        if (end < 2) return dateline;
        string city = string.Join(' ', dateline[..end].Split(' ').Select(w => w.Length < 2 ? w : w[0] + w[1..].ToLowerInvariant()));
        return city + dateline[end..];
    }

    /// <summary>A furniture line of the page's outlet that does not name the outlet, which a scraper may copy along.</summary>
    static string? CopyableLine(Page parent) =>
        parent.Video is { } video && !video.Contains(parent.Outlet.Name, StringComparison.Ordinal) ? video
        : parent.Outlet.SignOffUnnamed ? parent.Outlet.SignOff : null;
}
