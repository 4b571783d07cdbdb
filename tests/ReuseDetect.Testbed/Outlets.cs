namespace ReuseDetect.Testbed;

/// <summary>How an outlet's pages are written.</summary>
enum PageKind
{
    /// <summary>HTML with site metadata (og:site_name, canonical URL, published time) and full page chrome.</summary>
    HtmlFull,
    /// <summary>HTML without site metadata: the outlet is only the canonical URL's host; furniture inside the content.</summary>
    HtmlNoMeta,
    /// <summary>Plain text with a sidecar <c>name.meta.json</c> (outlet, url, published, title).</summary>
    TextSidecar,
    /// <summary>Markdown with front matter (title, date, outlet, url).</summary>
    Markdown,
    /// <summary>One JSONL file per outlet and month (id, text, url, outlet, published, title).</summary>
    JsonLines,
    /// <summary>Plain text in the outlet's folder and nothing else: the outlet is unknown to a reader.</summary>
    PlainText,
    /// <summary>Raw wire copy in <c>wires/</c>: no outlet, no furniture (a date-only sidecar when dated).</summary>
    Wire,
}

/// <summary>
/// An outlet and its recurring page furniture. Outlets look alike in structure (a header line, a sign-off inviting
/// readers to Telegram, a copyright line, "WATCH:" videos, teaser headlines) but never share the words.
/// </summary>
sealed record Outlet
{
    public required string Name { get; init; }
    public required string Folder { get; init; }
    public required PageKind Kind { get; init; }
    /// <summary>The site's host (canonical URLs); null for outlets without URLs.</summary>
    public string? Host { get; init; }
    /// <summary>The outlet name the pages declare (og:site_name, sidecar, front matter, record); null when they declare none.</summary>
    public string? SiteName { get; init; }
    /// <summary>Files named by serial number (<c>0012.txt</c>) rather than by headline.</summary>
    public bool NumberedFiles { get; init; }
    /// <summary>Dated in <c>--dates mixed</c>.</summary>
    public bool DatedWhenMixed { get; init; }
    public bool PublishesOwn { get; init; }
    public bool Reposts { get; init; }
    /// <summary>Reposts only what it finds on other outlets' pages, sometimes with their furniture.</summary>
    public bool Scraper { get; init; }
    /// <summary>The agency whose wire copy this outlet is (reuters.com, apnews.com); null for news outlets.</summary>
    public Agency? WireOf { get; init; }

    /// <summary>A line at the top of the text (masthead, tagline).</summary>
    public string? Header { get; init; }
    /// <summary>The tagline of an HTML site header (page chrome).</summary>
    public string? PageTagline { get; init; }
    public IReadOnlyList<string> Captions { get; init; } = [];
    public IReadOnlyList<string> Videos { get; init; } = [];
    /// <summary>A sign-off after the article ("Follow us on Telegram…").</summary>
    public string? SignOff { get; init; }
    /// <summary>True when the sign-off does not name the outlet (a scraper may copy it along with the text).</summary>
    public bool SignOffUnnamed { get; init; }
    public string? Newsletter { get; init; }
    /// <summary>The heading of the teaser list of the outlet's other headlines; null when it has none.</summary>
    public string? RelatedHeading { get; init; }
    public required string Copyright { get; init; }
    public string? Nav { get; init; }

    public static readonly Outlet ReutersCom = new()
    {
        Name = "Reuters",
        Folder = "reuters.com",
        Kind = PageKind.HtmlFull,
        Host = "www.reuters.com",
        SiteName = "Reuters",
        DatedWhenMixed = true,
        WireOf = Agency.Reuters,
        SignOff = "Our Standards: The Thomson Reuters Trust Principles.",
        Copyright = "© 2024 Reuters. All rights reserved.",
        Nav = "World Business Markets Sustainability Legal Breakingviews Technology",
    };

    public static readonly Outlet ApNews = new()
    {
        Name = "AP",
        Folder = "apnews.com",
        Kind = PageKind.TextSidecar,
        Host = "apnews.com",
        SiteName = "AP News",
        DatedWhenMixed = true,
        WireOf = Agency.AP,
        Copyright = "Copyright 2024 The Associated Press. All Rights Reserved. This material may not be published, broadcast, rewritten or redistributed without permission.",
    };

    public static readonly Outlet Wires = new()
    {
        Name = "wires",
        Folder = "wires",
        Kind = PageKind.Wire,
        Copyright = "",
        NumberedFiles = true,
    };

    public static readonly Outlet DailyCourier = new()
    {
        Name = "Daily Courier",
        Folder = "dailycourier",
        Kind = PageKind.TextSidecar,
        Host = "dailycourier.com",
        SiteName = "Daily Courier",
        DatedWhenMixed = true,
        PublishesOwn = true,
        Reposts = true,
        Header = "DAILY COURIER | News you can trust, from the city desk to the world stage, every single day",
        Videos =
        [
            "WATCH: Our reporters explain what the new budget means for household bills this year",
            "WATCH: Three charts that show how the markets moved this week and why it matters",
            "WATCH: Inside the port where a quarter of the country's imports arrive every month",
            "WATCH: The Daily Courier morning bulletin in under two minutes",
        ],
        SignOff = "Follow us on Telegram and X for breaking news and live updates from the Daily Courier newsroom.",
        Copyright = "Copyright 2024 Daily Courier Media Group. All rights reserved.",
    };

    public static readonly Outlet KavkazTimes = new()
    {
        Name = "Kavkaz Times",
        Folder = "kavkaztimes",
        Kind = PageKind.Markdown,
        Host = "kavkaztimes.org",
        SiteName = "Kavkaz Times",
        PublishesOwn = true,
        Reposts = true,
        Header = "*Kavkaz Times | Independent journalism from the Caucasus and the wider Black Sea region*",
        Captions =
        [
            "Photo: A general view of the city centre at dusk. (Kavkaz Times archive)",
            "Photo: Delegates arrive for talks at the government building. (Kavkaz Times archive)",
            "Photo: Trucks wait at a border crossing in the mountains. (Kavkaz Times archive)",
        ],
        SignOff = "Join our Telegram channel to get our stories first and support independent media in the region.",
        SignOffUnnamed = true,
        Copyright = "© 2024 Kavkaz Times LLC. Reproduction without written permission of the editors is prohibited.",
    };

    public static readonly Outlet CaspianMonitor = new()
    {
        Name = "Caspian Monitor",
        Folder = "caspianmonitor",
        Kind = PageKind.JsonLines,
        Host = "caspianmonitor.net",
        SiteName = "Caspian Monitor",
        DatedWhenMixed = true,
        PublishesOwn = true,
        Reposts = true,
        SignOff = "Caspian Monitor is a reader-supported newsroom. Subscribe to our weekly digest for analysis of energy, politics and business across the Caspian region.",
        Copyright = "Copyright 2024 Caspian Monitor. All rights reserved.",
    };

    public static readonly Outlet MetroHerald = new()
    {
        Name = "Metro Herald",
        Folder = "metroherald",
        Kind = PageKind.HtmlFull,
        Host = "www.metroherald.co.uk",
        SiteName = "Metro Herald",
        DatedWhenMixed = true,
        PublishesOwn = true,
        Reposts = true,
        PageTagline = "The Metro Herald: award-winning journalism for the city and the nation since 1921",
        Captions =
        [
            "Traders on the floor of the exchange in the financial district. Photograph: Metro Herald/Staff",
            "Officials leave the ministry after a late-night meeting. Photograph: Metro Herald/Staff",
            "Cargo ships anchored off the coast ahead of unloading. Photograph: Metro Herald/Staff",
        ],
        Videos =
        [
            "WATCH: How the central bank decides on interest rates, explained in ninety seconds",
            "WATCH: Farmers count the cost of a difficult harvest season",
            "WATCH: Our business editor on the week's biggest deals",
        ],
        Newsletter = "Get the Metro Herald Morning Briefing in your inbox: the five stories you need to know before breakfast, every weekday.",
        RelatedHeading = "You may also like",
        Copyright = "© 2024 Metro Herald Publishing Ltd. All rights reserved. Registered in England No. 0481516.",
        Nav = "Home World Business Markets Opinion Sport Culture",
    };

    public static readonly Outlet NorthStarPost = new()
    {
        Name = "North Star Post",
        Folder = "northstar",
        Kind = PageKind.HtmlNoMeta,
        Host = "www.northstarpost.net",
        PublishesOwn = true,
        Reposts = true,
        Header = "North Star Post. Reporting the stories that shape the North, without fear or favour.",
        SignOff = "Follow North Star Post on Telegram and Facebook for more reporting from across the region.",
        RelatedHeading = "Further reading:",
        Copyright = "Copyright 2024 North Star Post. All rights reserved. Republication requires the written consent of the publisher.",
        Nav = "Home News Economy Region Opinion Contact",
    };

    public static readonly Outlet SteppeEcho = new()
    {
        Name = "Steppe Echo",
        Folder = "steppe-echo",
        Kind = PageKind.PlainText,
        Reposts = true,
        Scraper = true,
        NumberedFiles = true,
        Header = "STEPPE ECHO - voices and news from Central Asia, updated around the clock",
        RelatedHeading = "Read also:",
        SignOff = "Steppe Echo relies on readers like you. Support independent journalism and subscribe to our Telegram channel @steppeecho for daily updates.",
        Copyright = "© Steppe Echo 2024",
    };

    public static readonly Outlet AraratDaily = new()
    {
        Name = "Ararat Daily",
        Folder = "araratdaily",
        Kind = PageKind.PlainText,
        Reposts = true,
        Scraper = true,
        Header = "Independent reporting from Yerevan and the region since 2011. Read, share, support.",
        RelatedHeading = "Also on our site:",
        SignOff = "Subscribe to our newsletter and never miss a story. Share this article with your friends and family.",
        SignOffUnnamed = true,
        Copyright = "Copyright 2024. All rights reserved.",
    };

    /// <summary>Every outlet, in the order the generator draws from.</summary>
    public static IReadOnlyList<Outlet> All { get; } =
        [ReutersCom, ApNews, Wires, DailyCourier, KavkazTimes, CaspianMonitor, MetroHerald, NorthStarPost, SteppeEcho, AraratDaily];

    /// <summary>The outlet that carries <paramref name="agency"/>'s wire copy in the corpus.</summary>
    public static Outlet WireOutletOf(Agency agency) =>
        agency == Agency.Reuters ? ReutersCom : agency == Agency.AP ? ApNews : Wires;
}
