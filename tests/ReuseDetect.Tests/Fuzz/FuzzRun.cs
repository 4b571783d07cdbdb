using System.Diagnostics;

namespace ReuseDetect.Tests.Fuzz;

/// <summary>
/// Seeded fuzz loop. By default it runs a fixed number of cases (fast, deterministic); with
/// <c>REUSEDETECT_FUZZ_SECONDS=N</c> it keeps generating cases for N seconds. Case <c>i</c> of seed <c>s</c> always
/// draws from <c>new Random(s * 1_000_003 + i)</c>, so a failure names the case that replays it. A failing input is
/// saved under the temporary folder; copy it to <c>Fuzz/Regressions/&lt;target&gt;/</c> to keep it as a regression.
/// </summary>
static class FuzzRun
{
    public static double Seconds =>
        double.TryParse(Environment.GetEnvironmentVariable("REUSEDETECT_FUZZ_SECONDS"), System.Globalization.CultureInfo.InvariantCulture, out double s) ? s : 0;

    public static int Cases(string target, int seed, int iterations, Func<Random, byte[]> generate, Action<byte[]> check)
    {
        double seconds = Seconds;
        var clock = Stopwatch.StartNew();
        int i = 0;
        for (; seconds > 0 ? clock.Elapsed.TotalSeconds < seconds : i < iterations; i++)
        {
            byte[] input = generate(new Random(unchecked(seed * 1_000_003 + i)));
            try
            {
                check(input);
            }
            catch (Exception e)
            {
                string saved = Path.Combine(Path.GetTempPath(), $"reusedetect-fuzz-{target}-{seed}-{i}.bin");
                File.WriteAllBytes(saved, input);
                throw new Xunit.Sdk.XunitException($"fuzz {target}: case seed={seed} i={i} failed (input saved to {saved}): {e}");
            }
        }
        return i;
    }

    /// <summary>The saved regression inputs of <paramref name="target"/> (files under <c>Fuzz/Regressions/target/</c>).</summary>
    public static IEnumerable<string> Regressions(string target)
    {
        string dir = Path.Combine(TestPaths.TestSource, "Fuzz", "Regressions", target);
        return Directory.Exists(dir) ? Directory.GetFiles(dir).Order(StringComparer.Ordinal) : [];
    }

    /// <summary>Random bytes, <paramref name="max"/> at most.</summary>
    public static byte[] Bytes(Random r, int max)
    {
        var b = new byte[r.Next(max + 1)];
        r.NextBytes(b);
        return b;
    }

    /// <summary>A mutation of <paramref name="seed"/>: truncated, bit-flipped, bytes inserted, deleted or duplicated.</summary>
    public static byte[] Mutate(Random r, byte[] seed)
    {
        var b = new List<byte>(seed);
        int edits = 1 + r.Next(8);
        for (int k = 0; k < edits; k++)
        {
            int at = b.Count == 0 ? 0 : r.Next(b.Count);
            switch (r.Next(6))
            {
                case 0: if (b.Count > 0) b.RemoveRange(at, b.Count - at); break;
                case 1: if (b.Count > 0) b[at] ^= (byte)(1 << r.Next(8)); break;
                case 2: b.Insert(at, (byte)r.Next(256)); break;
                case 3: if (b.Count > 0) b.RemoveRange(at, Math.Min(b.Count - at, 1 + r.Next(16))); break;
                case 4: if (b.Count > 0) { int len = Math.Min(b.Count - at, 1 + r.Next(64)); b.InsertRange(at, b.GetRange(at, len)); } break;
                default: b.InsertRange(at, Interesting[r.Next(Interesting.Length)]); break;
            }
        }
        return [.. b];
    }

    /// <summary>Byte sequences that tend to break decoders: BOMs and their prefixes, bad UTF-8, lone surrogates, NUL.</summary>
    public static readonly byte[][] Interesting =
    [
        [0xEF], [0xEF, 0xBB], [0xEF, 0xBB, 0xBF], [0xFF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0xFF, 0xFE, 0x00],
        [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x00],
        [0x00, 0xD8], [0xD8, 0x00], [0x1B], "\r\n"u8.ToArray(), "---\n"u8.ToArray(), "<"u8.ToArray(), "&#x0;"u8.ToArray(),
        "<meta charset=utf-16>"u8.ToArray(), "<meta charset=\"x-bogus\">"u8.ToArray(), "{\"text\":"u8.ToArray(), "\\ud800"u8.ToArray(),
    ];
}
