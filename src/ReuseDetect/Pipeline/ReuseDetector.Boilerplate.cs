using ReuseDetect.Attribution;
using ReuseDetect.Clustering;

namespace ReuseDetect.Pipeline;

public sealed partial class ReuseDetector
{
    /// <summary>Learns each source group's furniture and the corpus's stock phrases, and gives every record its marks signature.</summary>
    BoilerplateModel LearnBoilerplate(List<DocumentRecord> records)
    {
        BoilerplateModel model = LearnModel(records);
        SignMarks(records, model);
        return model;
    }

    /// <summary>
    /// Each source group's furniture, the corpus's stock phrases and common words. With <see cref="KeepIndex"/>, from the
    /// counts of the last scan updated with the documents that changed (<see cref="FurnitureCounts"/>; called by the
    /// candidates stage only, under its lock).
    /// </summary>
    BoilerplateModel LearnModel(List<DocumentRecord> records) => KeepIndex
        ? (_furniture ??= new FurnitureCounts(_options.BoilerplateMinDocuments)).Learn(
            records.ConvertAll(r => new FurnitureCounts.Holder(r.Id, r.ContentHash, r.Group, r.Fingerprints, r.Lines, r.Words)), Parallel(CancellationToken.None))
        : new BoilerplateLearner(_options.BoilerplateMinDocuments)
            .Learn(records.ConvertAll(r => r.Group), records.ConvertAll(r => r.Fingerprints), records.ConvertAll(r => r.Lines), records.ConvertAll(r => r.Words), _options.Parallelism);

    FurnitureCounts? _furniture;

    /// <summary>Gives each of <paramref name="records"/> its marks signature under <paramref name="model"/> (each its own: side by side).</summary>
    void SignMarks(IReadOnlyList<DocumentRecord> records, BoilerplateModel model) =>
        System.Threading.Tasks.Parallel.For(0, records.Count, Parallel(CancellationToken.None), i =>
        {
            DocumentRecord r = records[i];
            r.Marks = PageFurniture.Signature(r.Fingerprints, r.Lines, r.Words, r.Group, model);
        });

    /// <summary>The token marks of a cached document under <paramref name="model"/>.</summary>
    byte[]? MarksOf(DocumentRecord record, TextCache.Entry entry, BoilerplateModel model) =>
        record.Marks == 0 ? null : PageFurniture.Marks(entry.Tokens, entry.Document.Text, record.Fingerprints, record.Group, model, _options.ShingleSize);

    /// <summary>The passages made of learned boilerplate (<see cref="BoilerplatePassages"/>), their texts from the text cache.</summary>
    List<SpanCluster> FindBoilerplate(List<DocumentRecord> records, BoilerplateModel model, TextCache cache) =>
        BoilerplatePassages.Find(records.ConvertAll(r => new BoilerplatePassages.Holder(r.Index, r.Group, r.Fingerprints)), model,
            d => cache.Get(records[d]) is { } entry ? new BoilerplatePassages.Body(entry.Document.Text, entry.Tokens) : null,
            _options.ShingleSize, _options.WinnowWindow, _options.Alignment.MinWords, Parallel(CancellationToken.None));
}
