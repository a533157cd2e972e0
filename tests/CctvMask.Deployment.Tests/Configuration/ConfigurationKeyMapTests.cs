using CctvMask.Server.Hosting;

namespace CctvMask.Deployment.Tests.Configuration;

/// <summary>The key checker the deployment tests rely on catches what it is meant to catch.</summary>
public sealed class ConfigurationKeyMapTests
{
    [Theory]
    [InlineData("Orleans__SiloPort", "11111")]
    [InlineData("orleans__clustering", "redis")]
    [InlineData("Storage__Provider", "Postgres")]
    [InlineData("Vision__Detector__Classifier__ModelPath", "/models/x.onnx")]
    [InlineData("Cctv__Reconciler__IntervalSeconds", null)]
    [InlineData("Logging__LogLevel__Default", "Warning")]
    [InlineData("CCTVMASK_MODELS", "/models")]
    [InlineData("POD_IP", null)]
    public void Real_keys_pass(string variable, string? value)
    {
        Assert.Null(ConfigurationKeyMap.Problem(variable, value));
    }

    [Theory]
    [InlineData("Orleans__SiloPortt", "11111", "no property SiloPortt")]
    [InlineData("Orleans__SiloPort", "eleven", "does not convert to Int32")]
    [InlineData("Storage__Provider", "Mongo", "is not one of")]
    [InlineData("Orleans__Clustering", "Consul", "is not one of")]
    [InlineData("Storage__ConnectionString__Host", "pg", "is a value")]
    [InlineData("Nope__Key", "1", "no options class")]
    [InlineData("CCTVMASK_MODEL", "/models", "not a configuration key")]
    public void Typos_and_bad_values_are_reported(string variable, string value, string expected)
    {
        var problem = ConfigurationKeyMap.Problem(variable, value);

        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_are_found_by_reflection()
    {
        Assert.Contains(typeof(OrleansHostingOptions), ConfigurationKeyMap.Sections[OrleansHostingOptions.SectionName]);
        Assert.True(ConfigurationKeyMap.Sections.Count >= 10, string.Join(", ", ConfigurationKeyMap.Sections.Keys));
    }
}
