using System.Globalization;
using System.Text;
using System.Xml;

namespace ReuseDetect.Evaluation;

/// <summary>One PAN text-alignment pair: the suspicious and source file names and the category folder.</summary>
public readonly record struct PanPair(string Category, string Suspicious, string Source)
{
    /// <summary>A key naming the pair.</summary>
    internal string Key => $"{Suspicious}|{Source}";
}

/// <summary>
/// Reader of the PAN 2013 text-alignment corpus layout: <c>src/</c>, <c>susp/</c>, and one folder per
/// obfuscation category holding a <c>pairs</c> file and one ground-truth XML per pair.
/// </summary>
public sealed class PanCorpus
{
    readonly string _root;

    /// <summary>Opens the corpus at <paramref name="root"/> (the folder holding <c>src</c>, <c>susp</c> and the categories).</summary>
    public PanCorpus(string root)
    {
        _root = root;
        if (!Directory.Exists(Path.Combine(root, "src")) || !Directory.Exists(Path.Combine(root, "susp")))
            throw new DirectoryNotFoundException($"'{root}' is not a PAN text-alignment corpus: it needs 'src/' and 'susp/' folders.");
    }

    /// <summary>The category folders (e.g. <c>02-no-obfuscation</c>), sorted.</summary>
    internal IReadOnlyList<string> Categories() =>
        [.. Directory.GetDirectories(_root).Select(Path.GetFileName).OfType<string>()
            .Where(n => File.Exists(Path.Combine(_root, n, "pairs"))).Order(StringComparer.Ordinal)];

    /// <summary>The pairs of one category, in file order.</summary>
    internal IReadOnlyList<PanPair> Pairs(string category)
    {
        var list = new List<PanPair>();
        foreach (string line in File.ReadLines(Path.Combine(_root, category, "pairs")))
        {
            string[] parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2) list.Add(new PanPair(category, parts[0], parts[1]));
        }
        return list;
    }

    /// <summary>Every document of the corpus (<c>src/</c> and <c>susp/</c>), by path, sorted.</summary>
    internal string[] Documents() =>
        [.. Directory.GetFiles(Path.Combine(_root, "src"), "*.txt").Concat(Directory.GetFiles(Path.Combine(_root, "susp"), "*.txt")).Order(StringComparer.Ordinal)];

    /// <summary>The path of a pair's suspicious document.</summary>
    internal string SuspiciousPath(PanPair pair) => Path.Combine(_root, "susp", pair.Suspicious);

    /// <summary>The path of a pair's source document.</summary>
    internal string SourcePath(PanPair pair) => Path.Combine(_root, "src", pair.Source);

    /// <summary>Reads a suspicious document as UTF-8 (PAN offsets index the decoded text).</summary>
    internal string ReadSuspicious(PanPair pair) => File.ReadAllText(SuspiciousPath(pair), Encoding.UTF8);

    /// <summary>Reads a source document as UTF-8.</summary>
    internal string ReadSource(PanPair pair) => File.ReadAllText(SourcePath(pair), Encoding.UTF8);

    /// <summary>The ground-truth cases of a pair (none for a negative pair).</summary>
    internal IReadOnlyList<PanPassage> Cases(PanPair pair)
    {
        string xml = Path.Combine(_root, pair.Category,
            $"{Path.GetFileNameWithoutExtension(pair.Suspicious)}-{Path.GetFileNameWithoutExtension(pair.Source)}.xml");
        var cases = new List<PanPassage>();
        if (!File.Exists(xml)) return cases;
        var doc = new XmlDocument { XmlResolver = null };
        using (var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            doc.Load(reader);
        foreach (XmlElement f in doc.GetElementsByTagName("feature"))
        {
            if (f.GetAttribute("name") != "plagiarism" || !f.HasAttribute("this_offset")) continue;
            int to = Int(f, "this_offset"), tl = Int(f, "this_length");
            int so = Int(f, "source_offset"), sl = Int(f, "source_length");
            cases.Add(new PanPassage(pair.Key, new CharRange(to, to + tl), new CharRange(so, so + sl)));
        }
        return cases;
    }

    static int Int(XmlElement e, string name) => int.Parse(e.GetAttribute(name), CultureInfo.InvariantCulture);
}
