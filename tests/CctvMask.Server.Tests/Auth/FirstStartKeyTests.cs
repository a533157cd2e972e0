using System.Net;
using System.Runtime.Versioning;
using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Auth;

/// <summary>Embedded default without configured keys: an admin key is generated once and printed once (console, not log).</summary>
public sealed class FirstStartKeyTests
{
    private const int GeneratedKeyEvent = 5100; // AdminKeyAnnouncer.LogGenerated

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task First_start_writes_the_key_file_and_prints_it_once()
    {
        var dataDir = Directory.CreateTempSubdirectory("cctvmask-firststart-").FullName;
        try
        {
            string key;
            using (var first = new ServerFactory(dataDir, withKeys: false))
            {
                using var anonymous = first.CreateClient(apiKey: null);
                Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cameras")).StatusCode);

                var file = Path.Combine(dataDir, "admin.key");
                Assert.True(File.Exists(file));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                key = File.ReadAllText(file).Trim();
                Assert.True(key.Length >= 32);

                // The log says a key was generated and where it is; the key itself only goes to the console.
                var logged = first.Logs.Lines.Where(l => l.Id.Id == GeneratedKeyEvent).ToArray();
                Assert.Single(logged);
                Assert.Contains(file, logged[0].Text);
                Assert.DoesNotContain(key, first.Logs.AllText);

                using var admin = first.CreateClient(key);
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/cameras")).StatusCode);
            }

            using var second = new ServerFactory(dataDir, withKeys: false);
            using var again = second.CreateClient(key);
            Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/cameras")).StatusCode);
            Assert.DoesNotContain(second.Logs.Lines, l => l.Id.Id == GeneratedKeyEvent);
            Assert.DoesNotContain(key, second.Logs.AllText);
        }
        finally
        {
            try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
        }
    }
}
