using ReuseDetect.Reporting;

namespace ReuseDetect.Tests.Reporting;

public sealed class WordDiffTests
{
    static string Render(IReadOnlyList<DiffOp> ops) => string.Concat(ops.Select(o => o.Kind switch
    {
        DiffKind.Insert => "{+" + o.Text + "+}",
        DiffKind.Delete => "[-" + o.Text + "-]",
        _ => o.Text,
    }));

    [Fact]
    public void Should_report_identical_texts_as_one_kept_run()
    {
        var ops = WordDiff.Compute("the same words here", "the same words here");
        Assert.Equal([new DiffOp(DiffKind.Equal, "the same words here")], ops);
        Assert.True(WordDiff.IsIdentical(ops));
    }

    [Fact]
    public void Should_mark_an_inserted_word()
    {
        var ops = WordDiff.Compute("Aliyev and Pashinyan will sign", "Aliyev and Pashinyan will soon sign");
        Assert.Equal("Aliyev and Pashinyan will {+soon +}sign", Render(ops));
        Assert.False(WordDiff.IsIdentical(ops));
    }

    [Fact]
    public void Should_mark_deleted_words()
    {
        var ops = WordDiff.Compute("two Russian-drafted documents on the border", "two documents on the border");
        Assert.Equal("two [-Russian-drafted -]documents on the border", Render(ops));
    }

    [Fact]
    public void Should_mark_a_replacement_as_delete_then_insert()
    {
        // Given the repeated sentence of the Mirror-Spectator article
        const string origin = "sign two Russian-drafted documents announcing the start of the demarcation";
        const string repost = "sign two documents envisaging the demarcation";
        // When
        var ops = WordDiff.Compute(origin, repost);
        // Then
        Assert.Equal("sign two [-Russian-drafted -]documents [-announcing the start of -]{+envisaging +}the demarcation", Render(ops));
        Assert.Equal(
            [DiffKind.Equal, DiffKind.Delete, DiffKind.Equal, DiffKind.Delete, DiffKind.Insert, DiffKind.Equal],
            ops.Select(o => o.Kind));
    }

    [Theory]
    [InlineData("", "", "")]
    [InlineData("", "new words", "{+new words+}")]
    [InlineData("old words", "", "[-old words-]")]
    public void Should_handle_empty_sides(string from, string to, string expected)
    {
        var ops = WordDiff.Compute(from, to);
        Assert.Equal(expected, Render(ops));
        Assert.Equal(from.Length == 0 && to.Length == 0, ops.Count == 0);
    }

    [Theory]
    [InlineData(3, 40)]
    [InlineData(12, 130)]
    [InlineData(40, 400)]
    [InlineData(400, 900)]
    public void Should_walk_the_script_of_the_textbook_LCS_table(int alphabet, int mostWords)
    {
        // Given seeded edits of random key sequences (small alphabets: many ties between equally long subsequences),
        // middles shorter and longer than the 64 words of one bit-vector word
        var random = new Random(alphabet * 7919 + mostWords);
        for (int round = 0; round < 60; round++)
        {
            int[] a = [.. Enumerable.Range(0, random.Next(0, mostWords)).Select(_ => random.Next(alphabet))];
            var b = new List<int>();
            foreach (int key in a)
            {
                int edit = random.Next(10);
                if (edit == 0) continue;
                if (edit == 1) b.Add(random.Next(alphabet));
                b.Add(edit == 2 ? random.Next(alphabet) : key);
            }
            if (random.Next(4) == 0) b.Reverse();
            // When / Then: the bit-parallel table walks the steps the textbook table walks, both ways round
            Assert.Equal(TableWalk(a, [.. b]), Walk(a, [.. b]));
            Assert.Equal(TableWalk([.. b], a), Walk([.. b], a));
        }
    }

    static List<(DiffKind, int)> Walk(int[] a, int[] b)
    {
        var steps = new List<(DiffKind Kind, int Index)>();
        WordDiff.Walk(a, 0, a.Length, b, 0, b.Length, steps);
        return steps;
    }

    /// <summary>
    /// The oracle: the textbook table of suffix LCS lengths, lcs[i, j] of a[i..] and b[j..], walked from the left; at
    /// each word neither kept, an insertion when that keeps the LCS as long as a deletion would; deletions before
    /// insertions between two kept words.
    /// </summary>
    static List<(DiffKind, int)> TableWalk(int[] a, int[] b)
    {
        int n = a.Length, m = b.Length;
        var steps = new List<(DiffKind, int)>();
        var lcs = new int[n + 1, m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var deleted = new List<int>();
        var inserted = new List<int>();
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[x] == b[y])
            {
                Flush();
                steps.Add((DiffKind.Equal, y++));
                x++;
            }
            else if (y < m && (x == n || lcs[x, y + 1] >= lcs[x + 1, y])) inserted.Add(y++);
            else deleted.Add(x++);
        }
        Flush();
        return steps;

        void Flush()
        {
            steps.AddRange(deleted.Select(i => (DiffKind.Delete, i)));
            steps.AddRange(inserted.Select(j => (DiffKind.Insert, j)));
            deleted.Clear();
            inserted.Clear();
        }
    }

    [Fact]
    public void Should_rebuild_both_texts_from_the_ops_and_be_deterministic()
    {
        // Given a seeded sample of word edits
        var random = new Random(20240501);
        string[] vocabulary = ["Armenia", "Azerbaijan", "border", "talks", "the", "of", "peace", "said", "on", "Monday", "“quoted”", "—"];
        for (int round = 0; round < 200; round++)
        {
            string from = string.Join(" ", Enumerable.Range(0, random.Next(0, 30)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            string to = string.Join(" ", Enumerable.Range(0, random.Next(0, 30)).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
            // When
            var ops = WordDiff.Compute(from, to);
            // Then the kept and inserted runs give the repost, the kept and deleted runs the origin's words
            Assert.Equal(Words(to), Words(string.Concat(ops.Where(o => o.Kind != DiffKind.Delete).Select(o => o.Text))));
            Assert.Equal(Words(from), Words(string.Concat(ops.Where(o => o.Kind != DiffKind.Insert).Select(o => o.Text))));
            Assert.Equal(ops, WordDiff.Compute(from, to));
            for (int i = 1; i < ops.Count; i++) Assert.NotEqual(ops[i - 1].Kind, ops[i].Kind);
            Assert.All(ops.SkipLast(1), o => Assert.True(char.IsWhiteSpace(o.Text[^1]), $"run '{o.Text}' would glue to the next"));
        }
    }

    [Fact]
    public void Should_keep_a_dropped_last_word_apart_from_what_follows()
    {
        Assert.Equal("in Yerevan [-Armenia -]{+on Monday+}", Render(WordDiff.Compute("in Yerevan Armenia", "in Yerevan on Monday")));
        Assert.Equal("[-Armenia -]{+of it+}", Render(WordDiff.Compute("Armenia", "of it")));
    }

    [Fact]
    public void Should_fall_back_to_one_replacement_when_the_middle_is_too_large()
    {
        string from = string.Join(" ", Enumerable.Range(0, 2100).Select(i => "a" + i)) + " end";
        string to = string.Join(" ", Enumerable.Range(0, 2100).Select(i => "b" + i)) + " end";
        var ops = WordDiff.Compute(from, to);
        Assert.Equal([DiffKind.Delete, DiffKind.Insert, DiffKind.Equal], ops.Select(o => o.Kind));
    }

    [Fact]
    public void Should_diff_every_repost_against_one_origin_as_a_diff_of_its_own()
    {
        // Given one origin and reposts that share its words, drop some, add new ones and change spacing
        string origin = "  Armenian Prime Minister Nikol Pashinian said on Monday that the border talks would resume.";
        string[] reposts =
        [
            origin,
            "Armenian Prime Minister Nikol Pashinian said on Monday that the talks would resume soon.",
            "Pashinian said\non  Monday that the border talks would resume.",
            "Something else entirely",
            "",
            "   ",
        ];
        var shared = new WordDiff.Origin(origin);
        foreach (string repost in reposts)
        {
            // When the origin is split once and reused
            var ops = shared.DiffTo(repost);
            // Then each diff is the one computed from scratch, whatever was diffed before it
            Assert.Equal(WordDiff.Compute(origin, repost), ops);
            Assert.Equal(repost.Trim().Length == 0 ? "" : Normal(repost), Normal(string.Concat(ops.Where(o => o.Kind != DiffKind.Delete).Select(o => o.Text))));
        }
        Assert.True(WordDiff.IsIdentical(shared.DiffTo(origin)));
        Assert.Empty(WordDiff.Compute("", ""));
    }

    static string Normal(string s) => string.Join(" ", Words(s.Replace('\n', ' ')));

    static string[] Words(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
