using System.Globalization;
using System.Text;
using ReuseDetect.Benchmarks.Infrastructure;

namespace ReuseDetect.Benchmarks.Scan;

/// <summary>
/// A folder of articles for whole-scan benchmarks, written at run time into a temporary folder (never committed):
/// the benchmark corpus (Reuters-21578 bodies when present, else synthetic news), each document once, plus
/// <c>copies</c> deterministic reposts per document (a credit line, a dropped sentence, one word edited), so
/// alignment, clustering and attribution have real work.
/// </summary>
sealed class ScanCorpus : IDisposable
{
    public string Root { get; }
    public int Files { get; }
    public long Bytes { get; }

    public ScanCorpus(int copies)
    {
        Root = Path.Combine(Path.GetTempPath(), "reusedetect-scan-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + copies.ToString(CultureInfo.InvariantCulture));
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
        string[] docs = Corpus.Documents;
        var utf8 = new UTF8Encoding(false);
        for (int c = 0; c <= copies; c++)
        {
            string dir = Path.Combine(Root, "outlet" + c.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            for (int i = 0; i < docs.Length; i++)
            {
                // Copy c > 0 reposts every (c + 1)-th document only, so reuse is partial, as in real feeds.
                if (c > 0 && i % (c + 1) != 0) continue;
                string text = c == 0 ? docs[i] : Repost(docs[i], c, i);
                byte[] bytes = utf8.GetBytes(text);
                File.WriteAllBytes(Path.Combine(dir, i.ToString("d5", CultureInfo.InvariantCulture) + ".txt"), bytes);
                Files++;
                Bytes += bytes.Length;
            }
        }
    }

    static string Repost(string text, int copy, int index)
    {
        string[] sentences = text.Split(". ");
        var sb = new StringBuilder();
        sb.Append("Reposted from outlet0 (copy ").Append(copy).Append(").\n\n");
        for (int s = 0; s < sentences.Length; s++)
        {
            if (sentences.Length > 3 && s == (index + copy) % sentences.Length) continue; // one sentence dropped
            string sentence = s == 1 ? sentences[s].Replace(" the ", " a ", StringComparison.Ordinal) : sentences[s];
            sb.Append(sentence);
            if (s < sentences.Length - 1) sb.Append(". ");
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
