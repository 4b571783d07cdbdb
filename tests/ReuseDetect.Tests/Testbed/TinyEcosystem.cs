using ReuseDetect.Testbed;

namespace ReuseDetect.Tests.Testbed;

/// <summary>
/// A hand-made ecosystem of three plain-text documents, for scorer tests that need no Reuters data: a wire story
/// (the origin, dateline "(Reuters)"), a verbatim full repost that keeps the dateline (credited), and a verbatim repost
/// of paragraphs 2-3 with no credit. Each repost prints its outlet's header and copyright footer.
/// </summary>
sealed class TinyEcosystem : IDisposable
{
    public const string Dateline = "LONDON, March 3 (Reuters) - ";
    public static readonly string[] Paragraphs =
    [
        "The central bank of the republic raised its benchmark lending rate by half a percentage point on Tuesday, the first increase in almost three years, citing a steady climb in consumer prices across the region.",
        "Governor Elena Marsh told a news briefing in the capital that inflation had proved stubborner than her staff expected last autumn, driven by food, rents and a weaker currency against the dollar.",
        "Exporters welcomed the signal of discipline but warned that dearer credit would squeeze small manufacturers already struggling with higher energy bills and delayed payments from foreign buyers.",
    ];

    public const string CourierHeader = "THE COURIER | Local news, national stories, every single morning";
    public const string CourierFooter = "Copyright 2024 Courier Media Group. All rights reserved.";
    public const string HeraldHeader = "Herald Online - the region's independent voice since 1990";
    public const string HeraldFooter = "(c) Herald Online 2024. Do not reproduce without permission.";

    readonly TempFolder _folder = new();

    public TinyEcosystem()
    {
        string one = "Bank Raises Rates\n\n" + Block(Dateline, 0, 3) + "\n";
        string two = CourierHeader + "\n\n" + Block(Dateline, 0, 3) + "\n\n" + CourierFooter + "\n";
        string three = HeraldHeader + "\n\n" + Block(null, 1, 3) + "\n\n" + HeraldFooter + "\n";
        _folder.Write("corpus/wire/one.txt", one);
        _folder.Write("corpus/courier/two.txt", two);
        _folder.Write("corpus/herald/three.txt", three);
        var truth = new EcosystemTruth
        {
            Seed = 0,
            Dates = "none",
            Documents =
            [
                Doc("courier/two.txt", "Courier", [new("header", CourierHeader, "text"), new("copyright", CourierFooter, "text")]),
                Doc("herald/three.txt", "Herald", [new("header", HeraldHeader, "text"), new("copyright", HeraldFooter, "text")]),
                Doc("wire/one.txt", "Reuters", []),
            ],
            Stories =
            [
                new TruthStory
                {
                    Id = "s001", Agency = "Reuters", Origin = "wire/one.txt", AcceptedOrigins = ["wire/one.txt"], OriginEvidence = "wire-dateline", Source = "Reuters",
                    Carriers =
                    [
                        new TruthCarrier { Document = "wire/one.txt", From = 0, To = 3, Edit = "wire", Dateline = Dateline, Paragraphs = Paragraphs, Credits = ["Reuters"] },
                        new TruthCarrier { Document = "courier/two.txt", Parent = "wire/one.txt", From = 0, To = 3, Edit = "verbatim", Dateline = Dateline, Paragraphs = Paragraphs, Credits = ["Reuters"], Credited = true },
                        new TruthCarrier { Document = "herald/three.txt", Parent = "wire/one.txt", From = 1, To = 3, Edit = "verbatim", Paragraphs = Paragraphs[1..], Credited = false },
                    ],
                },
            ],
        };
        File.WriteAllText(NewsEcosystem.TruthPath(Path), truth.ToJson());
    }

    public string Path => _folder.Path;

    public string Text(string id) => File.ReadAllText(System.IO.Path.Combine(NewsEcosystem.CorpusDir(Path), id));

    static string Block(string? dateline, int from, int to) => (dateline ?? "") + string.Join("\n\n", Paragraphs[from..to]);

    static TruthDocument Doc(string id, string outlet, IReadOnlyList<TruthFurniture> furniture) =>
        new() { Id = id, Outlet = outlet, Format = "text", Time = "2024-03-03T09:00:00Z", Title = "Bank Raises Rates", Furniture = furniture };

    /// <summary>Writes <paramref name="json"/> as a report beside the corpus and scores it.</summary>
    public TestbedScore Score(string json)
    {
        string path = System.IO.Path.Combine(Path, "report.json");
        File.WriteAllText(path, json);
        return TestbedScorer.Score(Path, path);
    }

    public void Dispose() => _folder.Dispose();
}
