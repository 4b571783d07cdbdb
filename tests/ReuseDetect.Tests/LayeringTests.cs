using System.Reflection;
using System.Reflection.Emit;
using ReuseDetect.Pipeline;

namespace ReuseDetect.Tests;

/// <summary>
/// The engine's stage folders (one namespace each) import each other without cycles, and only the conductor
/// (<c>Pipeline/</c>) imports <c>Pipeline</c>. A folder uses another when one of its types names a type of the other
/// anywhere: base type, interfaces, fields, signatures, or a type, method or field its code refers to (read from the
/// compiled IL, so a use through <c>var</c> or a qualified name counts as much as a <c>using</c>).
/// The allowed direction (<see cref="s_folders"/>, lowest layer first) is written in the README's architecture section.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>The layers, lowest first: a folder may use only the folders before it.</summary>
    static readonly string[] s_folders =
        ["Internal", "Text", "Ingestion", "Signatures", "Shingling", "Candidates", "Alignment", "Clustering", "Attribution", "Reporting", "Evaluation", "Pipeline"];

    static readonly Lazy<Dictionary<string, Dictionary<string, string>>> s_uses = new(Uses);

    [Fact]
    public void Should_have_no_import_cycle_between_stage_folders()
    {
        // Given the folders each folder uses
        Dictionary<string, Dictionary<string, string>> uses = s_uses.Value;
        // When a folder is reached again from itself
        var cycles = new List<string>();
        foreach (string start in s_folders)
        {
            if (FindPath(uses, start, start, [start]) is { } cycle)
                cycles.Add(string.Concat(cycle.Select((a, k) => $"{a} ({uses[a][cycle[(k + 1) % cycle.Count]]}) -> ")) + start);
        }
        // Then there is none
        Assert.True(cycles.Count == 0, "Import cycles between folders:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void Should_let_only_the_conductor_import_pipeline()
    {
        // Given the folders each folder uses
        Dictionary<string, Dictionary<string, string>> uses = s_uses.Value;
        // When a stage uses Pipeline
        string[] offenders = [.. s_folders.Where(f => f != "Pipeline" && uses[f].ContainsKey("Pipeline")).Select(f => $"{f} ({uses[f]["Pipeline"]})")];
        // Then none does
        Assert.True(offenders.Length == 0, "Stages importing Pipeline: " + string.Join(", ", offenders));
    }

    [Fact]
    public void Should_use_only_lower_layers()
    {
        // Given the folders each folder uses
        Dictionary<string, Dictionary<string, string>> uses = s_uses.Value;
        // When a folder uses one at or above its own layer
        string[] upward = [.. s_folders.SelectMany((f, layer) => uses[f].Keys.Where(to => Array.IndexOf(s_folders, to) > layer)
            .Select(to => $"{f} -> {to} ({uses[f][to]})"))];
        // Then none does
        Assert.True(upward.Length == 0, "Folders using a higher layer:\n" + string.Join("\n", upward));
    }

    [Fact]
    public void Should_see_the_known_uses()
    {
        // Given the analysis, When it reads the engine, Then it sees what the code plainly does (guards against a reader that finds nothing)
        Dictionary<string, Dictionary<string, string>> uses = s_uses.Value;
        Assert.Contains("Reporting", uses["Pipeline"].Keys);
        Assert.Contains("Text", uses["Shingling"].Keys);
        Assert.Contains("Signatures", uses["Candidates"].Keys);
    }

    /// <summary>A path from <paramref name="from"/> back to <paramref name="target"/>, or null.</summary>
    static List<string>? FindPath(Dictionary<string, Dictionary<string, string>> uses, string from, string target, List<string> path)
    {
        foreach (string next in uses[from].Keys.Order(StringComparer.Ordinal))
        {
            if (next == target) return path;
            if (path.Contains(next)) continue;
            if (FindPath(uses, next, target, [.. path, next]) is { } found) return found;
        }
        return null;
    }

    /// <summary>For each folder, the folders it uses, each with one example ("Type -> Type").</summary>
    static Dictionary<string, Dictionary<string, string>> Uses()
    {
        Assembly engine = typeof(ReuseDetector).Assembly;
        var uses = s_folders.ToDictionary(f => f, _ => new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (Type type in engine.GetTypes())
        {
            if (Folder(type) is not { } from) continue;
            foreach (Type used in Referenced(type))
            {
                if (Folder(used) is { } to && to != from && used.Assembly == engine)
                    uses[from].TryAdd(to, $"{Outer(type).Name} -> {Outer(used).Name}");
            }
        }
        return uses;
    }

    static Type Outer(Type t)
    {
        while (t.DeclaringType is { } d) t = d;
        return t;
    }

    static string? Folder(Type t)
    {
        string? ns = Outer(t).Namespace;
        const string Root = "ReuseDetect.";
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal)) return null;
        string folder = ns[Root.Length..].Split('.')[0];
        return s_folders.Contains(folder) ? folder : null;
    }

    const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type <paramref name="type"/> names in its declaration, its members' signatures and its code.</summary>
    static HashSet<Type> Referenced(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || t.IsGenericParameter || !found.Add(t)) return;
            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType) foreach (Type a in t.GetGenericArguments()) Add(a);
        }
        Add(type.BaseType);
        foreach (Type i in type.GetInterfaces()) Add(i);
        foreach (FieldInfo f in type.GetFields(All)) Add(f.FieldType);
        foreach (PropertyInfo p in type.GetProperties(All)) Add(p.PropertyType);
        foreach (MethodBase m in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (m is MethodInfo mi) Add(mi.ReturnType);
            foreach (ParameterInfo p in m.GetParameters()) Add(p.ParameterType);
            foreach (Type t in BodyReferences(m)) Add(t);
        }
        return found;
    }

    static readonly Dictionary<short, OpCode> s_opCodes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The types, and the declaring types of the methods and fields, that a method's IL refers to.</summary>
    static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            OpCode op = s_opCodes[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    MemberInfo? member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                    if (member is Type t) yield return t;
                    else if (member?.DeclaringType is { } owner) yield return owner;
                    if (member is MethodInfo { IsGenericMethod: true } generic)
                        foreach (Type a in generic.GetGenericArguments()) yield return a;
                    if (member is FieldInfo field) yield return field.FieldType;
                    if (member is MethodBase called)
                    {
                        if (called is MethodInfo returning) yield return returning.ReturnType;
                        foreach (ParameterInfo p in called.GetParameters()) yield return p.ParameterType;
                    }
                    i += 4;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineNone:
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
