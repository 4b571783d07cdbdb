namespace ReuseDetect.Testbed;

/// <summary>Builds <see cref="EcosystemTruth"/> from the plan: documents, stories with their carriers, accepted origins and source.</summary>
static class TruthBuilder
{
    public static EcosystemTruth Build(EcosystemOptions options, IReadOnlyList<StoryPlan> stories, IReadOnlyDictionary<Page, List<TruthFurniture>> furniture,
        IReadOnlyList<TruthNegative> negatives)
    {
        var documents = stories.SelectMany(s => s.Pages).OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => new TruthDocument
        {
            Id = p.Id,
            Outlet = p.Outlet.WireOf?.Name ?? (p.Outlet.Kind == PageKind.Wire ? p.Story.Agency!.Name : p.Outlet.Name),
            Format = FormatOf(p.Outlet.Kind),
            Dated = p.Dated,
            Time = Layout.Iso(p.Time),
            Title = p.Title,
            Furniture = furniture[p],
        }).ToList();
        return new EcosystemTruth
        {
            Seed = options.Seed,
            Dates = EcosystemOptions.NameOf(options.Dates),
            Documents = documents,
            Stories = [.. stories.Select(Story)],
            Negatives = negatives,
        };
    }

    static string FormatOf(PageKind kind) => kind switch
    {
        PageKind.HtmlFull or PageKind.HtmlNoMeta => "html",
        PageKind.Markdown => "markdown",
        PageKind.JsonLines => "jsonl",
        _ => "text",
    };

    static TruthStory Story(StoryPlan story)
    {
        Page? root = story.Root;
        var (accepted, evidence) = Accepted(story, root);
        return new TruthStory
        {
            Id = story.Id,
            ReutersId = story.Source.NewId,
            Agency = story.Agency?.Name,
            OriginalOutlet = story.OwnOutlet?.Name,
            Origin = root?.Id,
            AcceptedOrigins = accepted,
            OriginEvidence = evidence,
            Source = story.RootNamed ? story.RootName : null,
            Carriers = [.. story.Pages.Select(p => new TruthCarrier
            {
                Document = p.Id, Parent = p.Parent?.Id, ParentAgency = p.ParentAgency?.Name, From = p.From, To = p.To, Edit = p.Edit,
                Dateline = p.Dateline, Paragraphs = p.Paragraphs, SignOff = p.SignOff, CreditLines = [.. p.LeadCredits, .. p.TrailCredits],
                Credits = p.CreditNames, Credited = p.IsRoot ? null : p.Names(story.RootName),
            })],
        };
    }

    /// <summary>
    /// Which origins count as right. The true origin alone when a reader can know it: its date, the wire's own dateline, or
    /// a credit that names its outlet; null alone when the origin is outside the corpus and someone names the source. When
    /// nothing can tell, null and the apparent origin are accepted too (the earliest dated page, or an undated page that
    /// copied from outside the corpus and credits no one).
    /// </summary>
    static (List<string?> Accepted, string Evidence) Accepted(StoryPlan story, Page? root)
    {
        var dated = story.Pages.Where(p => p.Dated).OrderBy(p => p.Time).ToList();
        if (root is not null)
        {
            if (root.Dated) return ([root.Id], "date");
            if (root.Edit == "wire") return ([root.Id], "wire-dateline");
            if (story.Pages.Any(p => p != root && p.Names(story.RootName))) return ([root.Id], "credit");
            List<string?> any = [root.Id, null];
            if (dated.Count > 0) any.Add(dated[0].Id);
            return (any, "undeterminable");
        }
        if (story.RootNamed) return ([null], "outside-credited");
        List<string?> apparent = [null];
        if (dated.Count > 0) apparent.Add(dated[0].Id);
        apparent.AddRange(story.Pages.Where(p => p.ParentAgency is not null && !p.Dated).Select(p => p.Id));
        return (apparent, "outside-uncredited");
    }
}
