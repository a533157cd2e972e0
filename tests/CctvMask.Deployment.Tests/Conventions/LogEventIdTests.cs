using System.Text.RegularExpressions;
using CctvMask.Testing;

namespace CctvMask.Deployment.Tests.Conventions;

/// <summary>
/// Every <c>[LoggerMessage]</c> in src/ has an explicit EventId inside its project's range, and no two messages
/// share an EventId or an EventName (log queries and alerts filter on them). A source scan, so it covers every
/// project (CLI and Training too) without referencing them.
/// </summary>
public sealed partial class LogEventIdTests
{
    /// <summary>The EventId range of each project (README "Logging"); new messages take the next free id in their area.</summary>
    private static readonly Dictionary<string, (int First, int Last)> Ranges = new(StringComparer.Ordinal)
    {
        ["CctvMask.Video"] = (1000, 1999),
        ["CctvMask.Vision"] = (2000, 2999),
        ["CctvMask.Grains"] = (3000, 3999),
        ["CctvMask.Storage"] = (4000, 4999),
        ["CctvMask.Server"] = (5000, 5999),
        ["CctvMask.Dashboard"] = (6000, 6999),
        ["CctvMask.Training"] = (7000, 7499),
        ["CctvMask.Cli"] = (7500, 7999),
    };

    [Fact]
    public void Every_log_message_has_a_unique_EventId_and_EventName_inside_its_projects_range()
    {
        var messages = Scan();
        Assert.True(messages.Count > 0, "no [LoggerMessage] found under src/: the scan is broken");

        var problems = new List<string>();
        foreach (var m in messages)
        {
            if (m.EventId is not { } id)
                problems.Add($"{m.Where}: no EventId (it would default to 0)");
            else if (!Ranges.TryGetValue(m.Project, out var range))
                problems.Add($"{m.Where}: project {m.Project} has no EventId range in this test");
            else if (id < range.First || id > range.Last)
                problems.Add($"{m.Where}: EventId {id} is outside {m.Project}'s range {range.First}–{range.Last}");
        }
        foreach (var group in messages.Where(m => m.EventId is not null).GroupBy(m => m.EventId).Where(g => g.Count() > 1))
            problems.Add($"EventId {group.Key} is used by {string.Join(", ", group.Select(m => m.Where))}");
        foreach (var group in messages.GroupBy(m => m.EventName, StringComparer.Ordinal).Where(g => g.Count() > 1))
            problems.Add($"EventName {group.Key} is used by {string.Join(", ", group.Select(m => m.Where))}");

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_scan_reads_both_attribute_forms()
    {
        const string source = """
            [LoggerMessage(EventId = 1234, EventName = "Named", Level = LogLevel.Information,
                Message = "a (b) {C}")]
            public static partial void Something(ILogger logger, int c);

            [LoggerMessage(42, LogLevel.Warning, "x")]
            private static partial void Positional(ILogger logger);
            """;

        var found = Parse(source, "p", "f.cs");

        Assert.Equal(new[] { (1234, "Named"), (42, "Positional") }, found.Select(m => (m.EventId ?? -1, m.EventName)));
    }

    private static List<LogMessage> Scan()
    {
        var src = Path.Combine(TestEnvironment.RepoRoot, "src");
        var messages = new List<LogMessage>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(src, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Contains("obj") || parts.Contains("bin"))
                continue;
            messages.AddRange(Parse(File.ReadAllText(file), parts[0], relative));
        }
        return messages;
    }

    private static IEnumerable<LogMessage> Parse(string source, string project, string file)
    {
        foreach (Match m in AttributePattern().Matches(source))
        {
            var args = m.Groups["args"].Value;
            int? id = NamedId().Match(args) is { Success: true } named ? int.Parse(named.Groups[1].Value)
                : PositionalId().Match(args) is { Success: true } positional ? int.Parse(positional.Groups[1].Value)
                : null;
            var name = EventName().Match(args) is { Success: true } explicitName ? explicitName.Groups[1].Value : m.Groups["method"].Value;
            int line = source.AsSpan(0, m.Index).Count('\n') + 1;
            yield return new LogMessage(project, $"{file}:{line}", id, name);
        }
    }

    /// <summary>The attribute (its arguments may span lines and contain parentheses inside strings) and the method it marks.</summary>
    [GeneratedRegex("""\[LoggerMessage\((?<args>(?:"(?:[^"\\]|\\.)*"|[^"\]])*)\)\]\s*(?:\w+\s+)*?partial\s+void\s+(?<method>\w+)\s*\(""", RegexOptions.Singleline)]
    private static partial Regex AttributePattern();

    [GeneratedRegex(@"\bEventId\s*=\s*(\d+)")]
    private static partial Regex NamedId();

    [GeneratedRegex(@"^\s*(\d+)\s*,")]
    private static partial Regex PositionalId();

    [GeneratedRegex(@"\bEventName\s*=\s*""([^""]+)""")]
    private static partial Regex EventName();

    private sealed record LogMessage(string Project, string Where, int? EventId, string EventName);
}
