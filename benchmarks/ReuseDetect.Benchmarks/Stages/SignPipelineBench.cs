using BenchmarkDotNet.Attributes;
using ReuseDetect.Benchmarks.Infrastructure;
using ReuseDetect.Candidates;
using ReuseDetect.Pipeline;
using ReuseDetect.Shingling;
using ReuseDetect.Signatures;
using ReuseDetect.Text;

namespace ReuseDetect.Benchmarks.Stages;

/// <summary>
/// Tokenize + shingle (n = 5) + MinHash-128 with the default kernel, document by document, on news text:
/// through the public allocating API, and with buffers reused across documents; <see cref="WithBandKeys"/> adds the
/// LSH band keys of each signature (the scan's banding for its default threshold), the pipeline of the
/// "≥ 250 MB/s per core" signing target.
/// </summary>
public class SignPipelineBench
{
    string[] _docs = [];
    readonly MinHasher _hasher = new(128);
    readonly uint[] _sig = new uint[128];
    readonly LshBanding _banding = LshBanding.ForThreshold(new ReuseDetectOptions().NearDuplicateThreshold, 128);
    ulong[] _keys = [];
    int[] _starts = new int[16], _ends = new int[16];
    ulong[] _hashes = new ulong[16];
    ulong[] _shingles = new ulong[16];

    internal static OperationSize Size() => new(Corpus.Utf8Bytes, Workload.ShingleCount);

    [GlobalSetup]
    public void Setup()
    {
        _docs = Corpus.Documents;
        _keys = new ulong[_banding.Bands];
    }

    [Benchmark(Baseline = true)]
    public uint PublicApi()
    {
        uint acc = 0;
        foreach (string d in _docs)
        {
            var tokens = Tokenizer.Tokenize(d);
            ulong[] shingles = Shingler.Hash(tokens.TokenHashes, Workload.N);
            acc ^= _hasher.Sign(shingles)[0];
        }
        return acc;
    }

    [Benchmark]
    public uint ReusedBuffers()
    {
        uint acc = 0;
        foreach (string d in _docs)
        {
            int count = Tokenizer.Scan(d, 0, d.Length, ref _starts, ref _ends, ref _hashes);
            if (_shingles.Length < count) _shingles = new ulong[_hashes.Length];
            int s = Shingler.Hash(_hashes.AsSpan(0, count), Workload.N, _shingles);
            _hasher.Sign(_shingles.AsSpan(0, s), _sig);
            acc ^= _sig[0];
        }
        return acc;
    }

    /// <summary>Tokenize + shingle + MinHash-128 + LSH band keys with reused buffers: the ≥ 250 MB/s per core target's pipeline.</summary>
    [Benchmark]
    public ulong WithBandKeys()
    {
        ulong acc = 0;
        foreach (string d in _docs)
        {
            int count = Tokenizer.Scan(d, 0, d.Length, ref _starts, ref _ends, ref _hashes);
            if (_shingles.Length < count) _shingles = new ulong[_hashes.Length];
            int s = Shingler.Hash(_hashes.AsSpan(0, count), Workload.N, _shingles);
            _hasher.Sign(_shingles.AsSpan(0, s), _sig);
            _banding.Keys(_sig, _keys);
            acc ^= _keys[0];
        }
        return acc;
    }
}
