using System.Collections.Frozen;

namespace ReuseDetect.Text;

/// <summary>
/// English function words, as token hashes. Reworded copies (paraphrase, machine translation, random word
/// edits) change function words far more often than content words, so seeds built from content words alone
/// survive edits that break plain word n-grams. Other languages simply have no stop words here: every
/// token then counts as content, which degrades gracefully to plain bag n-grams.
/// </summary>
static class StopWords
{
    const string English =
        "a about above after again against all am an and any are as at be because been before being below between both but by " +
        "can could did do does doing down during each few for from further had has have having he her here hers herself him " +
        "himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other " +
        "our ours ourselves out over own same she should so some such than that the their theirs them themselves then there " +
        "these they this those through to too under until up very was we were what when where which while who whom why will " +
        "with would you your yours yourself yourselves also may might must shall upon s t";

    static readonly FrozenSet<ulong> s_hashes = Build();

    static FrozenSet<ulong> Build()
    {
        TokenizedText t = Tokenizer.Tokenize(English);
        return t.TokenHashes.ToArray().ToFrozenSet();
    }

    /// <summary>True when <paramref name="tokenHash"/> is an English function word.</summary>
    public static bool Contains(ulong tokenHash) => s_hashes.Contains(tokenHash);
}
