using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ReuseDetect.Alignment;

namespace ReuseDetect.Tests.Alignment;

public sealed partial class AlignmentOptionsTests
{
    /// <summary>A property's doc comment, its "Default X." and its declaration.</summary>
    [GeneratedRegex(@"Default (?<value>[0-9.]+|true|false)[.:][^{]*?public (?:int|double|bool) (?<name>\w+) \{ get; init; \}", RegexOptions.Singleline)]
    private static partial Regex DocumentedDefault();

    [Fact]
    public void Should_document_every_default_as_it_is()
    {
        // Given the source of the options, where each property's doc comment states its default
        string source = File.ReadAllText(Path.Combine(TestPaths.Repo, "src", "ReuseDetect", "Alignment", "AlignmentOptions.cs"));
        var defaults = new AlignmentOptions();
        var documented = DocumentedDefault().Matches(source).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        // Then every settable property states one, and it is the value the options start with
        PropertyInfo[] properties = typeof(AlignmentOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is not null).ToArray();
        Assert.NotEmpty(properties);
        foreach (PropertyInfo p in properties)
        {
            Assert.True(documented.TryGetValue(p.Name, out string? text), $"{p.Name} does not document its default");
            object? actual = p.GetValue(defaults);
            string expected = Convert.ToString(actual, CultureInfo.InvariantCulture)!.ToLowerInvariant();
            Assert.True(expected == text!.ToLowerInvariant(), $"{p.Name}: documented default {text}, actual {expected}");
        }
    }
}
