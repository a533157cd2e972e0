using CctvMask.Storage.Cameras;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using CctvMask.Storage.WriteBehind;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.Tests.Hosting;

public sealed class StorageRegistrationTests
{
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCctvStorage(builder.Configuration);
        return builder.Build();
    }

    [Fact]
    public async Task The_embedded_default_migrates_on_start_and_writes_through_the_writer()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cctvmask-storage-tests", Guid.NewGuid().ToString("N"));
        using var host = BuildHost(new() { ["Storage:DataDirectory"] = dir, ["Storage:RetentionDays"] = "10" });
        await host.StartAsync();
        try
        {
            Assert.True(File.Exists(Path.Combine(dir, StorageOptions.SqliteFileName)));
            Assert.True(await host.Services.GetRequiredService<CctvDatabase>().CanConnectAsync());
            var writer = host.Services.GetRequiredService<IStorageWriter>();
            Assert.Same(host.Services.GetRequiredService<WriteBehindStore>(), writer);
            Assert.Equal(10, host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.RetentionDays);

            var camera = Samples.CameraId();
            await host.Services.GetRequiredService<CameraRepository>().CreateAsync(camera, new CameraSpec("C", "rtsp://h/s"));
            var v = Samples.Violation(camera, DateTimeOffset.UtcNow, 1);
            Assert.True(writer.TryEnqueue(v));
            await host.Services.GetRequiredService<WriteBehindStore>().FlushAsync(Wait.Token());
            Assert.NotNull(await host.Services.GetRequiredService<ViolationRepository>().GetAsync(v.EventId));
        }
        finally
        {
            await host.StopAsync();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task An_unreachable_database_fails_startup_after_the_timeout_with_a_clear_message()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cctvmask-storage-tests", Guid.NewGuid().ToString("N"));
        using var host = BuildHost(new()
        {
            ["Storage:Provider"] = "Postgres",
            // Nothing listens on port 1: connections are refused at once.
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=2",
            ["Storage:DataDirectory"] = dir,
            ["Storage:StartupTimeout"] = "00:00:01",
        });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("could not be reached and migrated", ex.Message, StringComparison.Ordinal);
        Assert.NotNull(ex.InnerException);
    }

    [Theory]
    [InlineData("Postgres", null, "10000")]
    [InlineData("Sqlite", null, "0")]
    [InlineData("Oracle", null, "10")]
    public async Task Invalid_options_fail_at_start_with_a_clear_message(string provider, string? connectionString, string maxBuffered)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cctvmask-storage-tests", Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:DataDirectory"] = dir,
            ["Storage:MaxBufferedEvents"] = maxBuffered,
        };

        var ex = await Record.ExceptionAsync(async () =>
        {
            using var host = BuildHost(settings);
            await host.StartAsync();
        });

        Assert.True(ex is OptionsValidationException or InvalidOperationException, ex?.ToString());
        Assert.Contains("Storage", ex!.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }
}
