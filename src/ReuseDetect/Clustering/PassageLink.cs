namespace ReuseDetect.Clustering;

/// <summary>
/// An aligned passage pair in character offsets: <c>[AStart, AEnd)</c> of document A and <c>[BStart, BEnd)</c>
/// of document B (A may equal B for a repeat inside one document), with the aligner's identity and whether a verbatim
/// run anchors it (a link without one rests on reworded text: it may join a cluster's core, never relay to others).
/// </summary>
readonly record struct PassageLink(int DocA, int AStart, int AEnd, int DocB, int BStart, int BEnd, double Identity, bool Anchored = true);
