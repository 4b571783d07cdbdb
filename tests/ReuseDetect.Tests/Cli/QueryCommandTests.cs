using System.Text;
using ReuseDetect.Cli;

namespace ReuseDetect.Tests.Cli;

/// <summary><c>reuse query</c> through <see cref="CliApp.Run"/>: files read as a scan reads them, text only when it is text, never itself.</summary>
public sealed class QueryCommandTests : IDisposable
{
    const string Story = "The central bank raised its key interest rate by half a percentage point on Thursday, citing persistent inflation in food and energy prices. "
        + "Governor Anna Petrosyan told reporters that the board would keep a close eye on wage growth and on the exchange rate over the coming months.";

    const string Teaser = "Heavy snow closed the mountain pass for a third day, stranding hundreds of trucks loaded with fruit for export, "
        + "and road crews said the avalanche risk would stay high until the weekend thaw arrived in the north.";

    readonly TempFolder _tmp = new();
    readonly string _store;

    /// <summary>A folder with a wire story, a repost and a snow report, scanned with a store.</summary>
    public QueryCommandTests()
    {
        _tmp.Write("news/wire.txt", Story);
        _tmp.Write("news/repost.txt", "From our partners: " + Story);
        _tmp.Write("news/snow.txt", Teaser);
        _store = Path.Combine(_tmp.Path, "out", "store");
        Assert.Equal(ExitCodes.Success, Run("scan", Path.Combine(_tmp.Path, "news"), "--out", Path.Combine(_tmp.Path, "out"), "-q").Code);
    }

    public void Dispose() => _tmp.Dispose();

    (int Code, string Out, string Err) Run(params string[] args) => RunWithInput(null, args);

    static (int Code, string Out, string Err) RunWithInput(string? stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr, default, () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")));
        return (code, stdout.ToString().ReplaceLineEndings("\n"), stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Should_name_each_matching_page_by_its_title_and_url()
    {
        // Given a wire page whose sidecar gives its URL and title (kept in the query index), scanned with a store
        using var tmp = new TempFolder();
        tmp.Write("site/wire.txt", Story);
        tmp.Write("site/wire.meta.json", "{\"url\": \"https://wire.example/rates\", \"title\": \"Bank raises rates\", \"outlet\": \"Wire\"}");
        string store = Path.Combine(tmp.Path, "out", "store");
        Assert.Equal(ExitCodes.Success, Run("scan", Path.Combine(tmp.Path, "site"), "--out", Path.Combine(tmp.Path, "out"), "-q").Code);
        // When a repost is queried, as text and as JSON
        var text = Run("query", "Reposted: " + Story, "--store", store);
        var json = Run("query", "Reposted: " + Story, "--store", store, "--json");
        // Then the match names its page
        Assert.Equal(ExitCodes.Success, text.Code);
        Assert.Contains("  wire.txt (Wire, undated):\n    \"Bank raises rates\"  <https://wire.example/rates>\n", text.Out, StringComparison.Ordinal);
        Assert.Contains("\"url\": \"https://wire.example/rates\"", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"title\": \"Bank raises rates\"", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_answer_from_the_segments_when_a_postings_block_of_the_query_index_is_damaged()
    {
        // Given the query index with one bit changed in every postings block (the front, read at opening, is sound)
        string path = Path.Combine(_store, "query.idx");
        byte[] bytes = File.ReadAllBytes(path);
        var before = Run("query", "Wire copy: " + Story, "--store", _store);
        static long Align(long n) => (n + 7) & ~7L;
        long meta = BitConverter.ToInt64(bytes, 24), heap = BitConverter.ToInt64(bytes, 32), postings = BitConverter.ToInt64(bytes, 16);
        int documents = BitConverter.ToInt32(bytes, 12), perBlock = BitConverter.ToInt32(bytes, 40);
        long blocks = (postings + perBlock - 1) / perBlock;
        long front = Align(Align(64 + meta) + 64 * documents + heap) + 16 * blocks; // 64 bytes a document (QueryIndexLayout.DocumentLength)
        for (long k = 0; k < blocks; k++) bytes[front + 12 * perBlock * k] ^= 1;
        File.WriteAllBytes(path, bytes);
        // When a text is queried
        var after = Run("query", "Wire copy: " + Story, "--store", _store);
        // Then the damage is reported in one line and the answer, from the segments, is the same
        Assert.Equal(ExitCodes.Success, after.Code);
        Assert.Matches("^reuse: query index postings block [0-9]+ checksum mismatch \\(the file was damaged\\); reading the store segments instead\n$", after.Err);
        Assert.Equal(Body(before.Out), Body(after.Out));

        static string Body(string output) => output[output.IndexOf('\n', StringComparison.Ordinal)..];
    }

    [Fact]
    public void Should_refuse_a_path_that_does_not_exist_instead_of_querying_its_name()
    {
        string missing = Path.Combine(_tmp.Path, "news", "wrie.txt");
        var (code, output, err) = Run("query", missing, "--store", _store);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith($"reuse: no such file: {missing}\n", err, StringComparison.Ordinal);
        Assert.Equal("", output);
        // A mistyped name with a space in it is still a path, and so is a bare word
        Assert.Equal(ExitCodes.Usage, Run("query", "my story.txt", "--store", _store).Code);
        Assert.Contains("no such file: Petrosyan", Run("query", "Petrosyan", "--store", _store).Err, StringComparison.Ordinal);
        // A folder is not an article
        Assert.Equal(ExitCodes.Usage, Run("query", Path.Combine(_tmp.Path, "news"), "--store", _store).Code);
    }

    [Fact]
    public void Should_take_the_argument_as_text_when_it_is_text_or_text_is_asked_for()
    {
        var text = Run("query", "Wire copy: " + Story, "--store", _store);
        Assert.Equal(ExitCodes.Success, text.Code);
        Assert.Contains("the text given shares passages with 2 indexed document(s)", text.Out, StringComparison.Ordinal);
        var word = Run("query", "--text", "Petrosyan", "--store", _store);
        Assert.Equal(ExitCodes.Success, word.Code);
        Assert.Contains("No passage of the text given was found in the index.", word.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_stop_reading_standard_input_past_the_file_size_limit()
    {
        // Given standard input that never ends (`cat /dev/zero | reuse query -`)
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var endless = new EndlessStream();
        // When it is queried
        int code = CliApp.Run(["query", "-", "--store", _store], stdout, stderr, default, () => endless);
        // Then the query stops one byte past the limit and says why, instead of reading until memory runs out
        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal(new ReuseDetect.Ingestion.IngestOptions().MaxFileBytes + 1, endless.Served);
        Assert.Contains("reuse: cannot read standard input: more than", stderr.ToString(), StringComparison.Ordinal);
    }

    sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Clear(buffer, offset, count);
            Served += count;
            return count;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Should_read_standard_input_for_a_dash()
    {
        var (code, output, _) = RunWithInput("Seen elsewhere: " + Teaser, "query", "-", "--store", _store);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("standard input shares passages with 1 indexed document(s)", output, StringComparison.Ordinal);
        Assert.Contains("  snow.txt (unknown, undated):", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_not_list_the_queried_file_as_its_own_match()
    {
        string repost = Path.Combine(_tmp.Path, "news", "repost.txt");
        var (code, output, _) = Run("query", repost, "--store", _store);
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains($"{repost} shares passages with 1 indexed document(s)", output, StringComparison.Ordinal);
        Assert.Contains("  wire.txt (", output, StringComparison.Ordinal);
        Assert.DoesNotContain("  repost.txt (", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_an_html_page_and_each_jsonl_record_as_scan_does()
    {
        // Given a page whose teaser repeats the snow report, and a feed of two records
        _tmp.Write("query/page.html", "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Rates</h1><p>" + Story
            + "</p></article><section><h2>You may also like</h2><p>" + Teaser + "</p></section></body></html>");
        _tmp.Write("query/feed.jsonl", "{\"id\": \"a\", \"text\": \"Markets. " + Story + "\"}\n{\"id\": \"b\", \"text\": \"Weather. " + Teaser + "\"}\n");
        string page = Path.Combine(_tmp.Path, "query", "page.html"), feed = Path.Combine(_tmp.Path, "query", "feed.jsonl");
        // When the page is queried, only its article is matched
        var html = Run("query", page, "--store", _store);
        Assert.Equal(ExitCodes.Success, html.Code);
        Assert.Contains($"{page} shares passages with 2 indexed document(s)", html.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("snow.txt", html.Out, StringComparison.Ordinal);
        // When the feed is queried, each record is answered; with #b only that one; #zzz is no such record
        var both = Run("query", feed, "--store", _store);
        Assert.Contains($"{feed}#a shares passages with 2 indexed document(s)", both.Out, StringComparison.Ordinal);
        Assert.Contains($"{feed}#b shares passages with 1 indexed document(s)", both.Out, StringComparison.Ordinal);
        var one = Run("query", feed + "#b", "--store", _store);
        Assert.DoesNotContain($"{feed}#a", one.Out, StringComparison.Ordinal);
        Assert.Contains($"{feed}#b shares passages with 1 indexed document(s)", one.Out, StringComparison.Ordinal);
        var none = Run("query", feed + "#zzz", "--store", _store);
        Assert.Equal(ExitCodes.Usage, none.Code);
        Assert.Contains("no record 'zzz' in the file", none.Err, StringComparison.Ordinal);
        // And --json gives one object per record
        var json = Run("query", feed, "--store", _store, "--json");
        Assert.StartsWith("[", json.Out, StringComparison.Ordinal);
        Assert.Contains("\"document\": \"feed.jsonl#b\"", json.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_say_why_a_file_cannot_be_queried()
    {
        _tmp.WriteBytes("query/photo.txt", Pipeline.InputFilesTests.Png);
        _tmp.Write("query/table.csv", "a,b\n1,2\n");
        var binary = Run("query", Path.Combine(_tmp.Path, "query", "photo.txt"), "--store", _store);
        Assert.Equal(ExitCodes.Failure, binary.Code);
        Assert.Contains("binary file (PNG image)", binary.Err, StringComparison.Ordinal);
        var csv = Run("query", Path.Combine(_tmp.Path, "query", "table.csv"), "--store", _store);
        Assert.Equal(ExitCodes.Failure, csv.Code);
        Assert.Contains("not an article file (.csv: table); a scan ignores it", csv.Err, StringComparison.Ordinal);
    }
}
