using CctvMask.Server.Auth;
using CctvMask.Server.Tests.EndToEnd;

namespace CctvMask.Server.Tests.Auth;

/// <summary>The generated key is a plain console line an operator can read among JSON log lines.</summary>
public sealed class AdminKeyConsoleLineTests
{
    [Fact]
    public async Task With_json_logs_the_generated_key_is_printed_as_a_plain_line_and_not_in_any_json_line()
    {
        using var server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["CCTVMASK_ADMIN_KEY"] = "",
            ["Logging__Json"] = "true",
        });
        var key = (await File.ReadAllTextAsync(Path.Combine(server.DataDir, "admin.key"))).Trim();
        var lines = server.Output.Split('\n');

        Assert.Contains(AdminKeyAnnouncer.ConsolePrefix + key, lines);
        Assert.Contains(lines, l => l.StartsWith('{') && l.Contains("admin API key", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith('{') && l.Contains(key, StringComparison.Ordinal));
        using var admin = server.CreateClient(key);
        Assert.True((await admin.GetAsync("/api/cameras")).IsSuccessStatusCode);
    }
}
