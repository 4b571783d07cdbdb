using System.Globalization;
using System.Text;
using System.Xml;

namespace ReuseDetect.Reporting;

/// <summary>
/// Writes <c>reuse-graph.graphml</c>: the <see cref="ReuseGraph"/> for Gephi, yEd or NetworkX. Edges carry
/// <c>weight</c> (shared characters) and <c>clusters</c>; undirected edges say so with <c>directed="false"</c>.
/// Node ids and labels are outlet names or document ids, written through <see cref="DisplayText.Name"/>: XML 1.0 cannot
/// hold most control characters even as references, so they become control pictures or U+FFFD instead of failing.
/// </summary>
public static class GraphMlReportWriter
{
    /// <summary>The graph of <paramref name="report"/> as GraphML (UTF-8, LF line ends).</summary>
    public static string ToGraphMl(ReuseReport report) => ToGraphMl(ReuseGraph.From(report));

    /// <summary>The graph as GraphML (UTF-8, LF line ends).</summary>
    public static string ToGraphMl(ReuseGraph graph)
    {
        using var stream = new MemoryStream();
        Write(stream, graph);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the same bytes as <see cref="ToGraphMl(ReuseGraph)"/> (UTF-8, no BOM) to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, ReuseGraph graph)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(graph);
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (XmlWriter x = XmlWriter.Create(stream, settings))
        {
            const string Ns = "http://graphml.graphdrawing.org/xmlns";
            x.WriteStartDocument();
            x.WriteStartElement("graphml", Ns);
            Key(x, "label", "node", "label", "string");
            Key(x, "kind", "node", "kind", "string");
            Key(x, "documents", "node", "documents", "int");
            Key(x, "reused", "node", "reusedChars", "long");
            Key(x, "weight", "edge", "weight", "long");
            Key(x, "clusters", "edge", "clusters", "int");
            x.WriteStartElement("graph", Ns);
            x.WriteAttributeString("id", "reuse");
            x.WriteAttributeString("edgedefault", "directed");
            foreach (ReuseGraphNode n in graph.Nodes)
            {
                x.WriteStartElement("node", Ns);
                x.WriteAttributeString("id", DisplayText.Name(n.Id));
                Data(x, "label", DisplayText.Name(n.Label));
                Data(x, "kind", DisplayText.Name(n.Kind));
                Data(x, "documents", n.Documents.ToString(CultureInfo.InvariantCulture));
                Data(x, "reused", n.ReusedChars.ToString(CultureInfo.InvariantCulture));
                x.WriteEndElement();
            }
            int i = 0;
            foreach (ReuseGraphEdge e in graph.Edges)
            {
                x.WriteStartElement("edge", Ns);
                x.WriteAttributeString("id", "e" + (i++).ToString(CultureInfo.InvariantCulture));
                x.WriteAttributeString("source", DisplayText.Name(e.Source));
                x.WriteAttributeString("target", DisplayText.Name(e.Target));
                if (!e.Directed) x.WriteAttributeString("directed", "false");
                Data(x, "weight", e.Chars.ToString(CultureInfo.InvariantCulture));
                Data(x, "clusters", e.Clusters.ToString(CultureInfo.InvariantCulture));
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        stream.WriteByte((byte)'\n');
    }

    static void Key(XmlWriter x, string id, string target, string name, string type)
    {
        x.WriteStartElement("key");
        x.WriteAttributeString("id", id);
        x.WriteAttributeString("for", target);
        x.WriteAttributeString("attr.name", name);
        x.WriteAttributeString("attr.type", type);
        x.WriteEndElement();
    }

    static void Data(XmlWriter x, string key, string value)
    {
        x.WriteStartElement("data");
        x.WriteAttributeString("key", key);
        x.WriteString(value);
        x.WriteEndElement();
    }
}
