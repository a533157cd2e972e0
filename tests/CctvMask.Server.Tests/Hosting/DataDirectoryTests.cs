using CctvMask.Server.Hosting;
using CctvMask.Testing;
using Microsoft.Extensions.Configuration;

namespace CctvMask.Server.Tests.Hosting;

/// <summary>One data folder rule: configured, else ./data at the root of the checkout the server runs from, else ./data.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cctvmask-datadir-");

    [Fact]
    public void Inside_a_checkout_the_default_is_data_at_the_repository_root_from_any_folder_below_it()
    {
        File.WriteAllText(Path.Combine(_root.FullName, DataDirectory.CheckoutMarker), "");
        var expected = Path.Combine(_root.FullName, "data");
        foreach (var start in new[] { "", "src/CctvMask.Server", ".build/server", "src/CctvMask.Server/bin/Release/net10.0/linux-x64" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, start)).FullName;
            Assert.Equal(expected, DataDirectory.Default(folder));
        }
    }

    [Fact]
    public void Outside_a_checkout_the_default_is_data_under_the_working_directory()
    {
        var app = Directory.CreateDirectory(Path.Combine(_root.FullName, "app")).FullName;
        Assert.Equal(Path.Combine(app, "data"), DataDirectory.Default(app));
    }

    [Fact]
    public void This_test_run_resolves_to_the_repository_data_folder()
    {
        // The tests run from tests/…/bin inside this checkout: the same folder run.sh and the README use.
        Assert.Equal(Path.Combine(TestEnvironment.RepoRoot, "data"), DataDirectory.Default(AppContext.BaseDirectory));
    }

    [Fact]
    public void Storage_data_directory_wins_over_CCTVMASK_DATA_which_wins_over_the_default()
    {
        var storage = Path.Combine(_root.FullName, "storage");
        var variable = Path.Combine(_root.FullName, "variable");
        Assert.Equal(storage, DataDirectory.Resolve(Configuration(("Storage:DataDirectory", storage), (DataDirectory.EnvironmentVariable, variable))));
        Assert.Equal(variable, DataDirectory.Resolve(Configuration((DataDirectory.EnvironmentVariable, variable))));
        Assert.True(Directory.Exists(storage) && Directory.Exists(variable), "the resolved folders are created");
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    public void Dispose() => _root.Delete(recursive: true);
}
