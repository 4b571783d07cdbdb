namespace ReuseDetect.Alignment;

/// <summary>
/// What the corpus knows of a document's words, one byte a token (flags), given to
/// <see cref="PassageAligner.Prepare(Text.TokenizedText, ReadOnlySpan{char}, ReadOnlySpan{byte}, Internal.Recyclers?)"/>.
/// </summary>
static class TokenMarks
{
    /// <summary>The word belongs to the page's furniture (its site's recurring header, footer, widget).</summary>
    public const byte Furniture = 1;

    /// <summary>The word is inside a stock phrase many documents of the corpus share.</summary>
    public const byte Stock = 2;

    /// <summary>The word itself is used by a large share of the corpus's documents ("said", "mln", "shr").</summary>
    public const byte CommonWord = 4;
}
