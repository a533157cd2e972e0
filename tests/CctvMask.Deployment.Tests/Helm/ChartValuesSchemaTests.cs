using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Nodes;
using CctvMask.Deployment.Tests.Rendering;
using CctvMask.Server.Hosting;
using CctvMask.Vision.Detection;
using ServerCameraOptions = CctvMask.Server.Cameras.CameraOptions;

namespace CctvMask.Deployment.Tests.Helm;

/// <summary>values.schema.json stops typos and out-of-range values before anything reaches a cluster, with the server's own bounds.</summary>
public sealed class ChartValuesSchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(HelmRenderer.ChartDir, "values.schema.json")))!;

    [Theory]
    [InlineData("replicaCont: 3\n", "Additional property replicaCont is not allowed")]
    [InlineData("replicaCount: two\n", "replicaCount: Invalid type")]
    [InlineData("orleans:\n  siloPort: 70000\n", "orleans.siloPort: Must be less than or equal to 65535")]
    [InlineData("detector:\n  minConfidence: 1.5\n", "detector.minConfidence")]
    [InlineData("cameras:\n  defaultDetectFPS: 5\n", "Additional property defaultDetectFPS is not allowed")]
    [InlineData("service:\n  type: Ingress\n", "service.type")]
    public void Bad_values_fail_rendering_with_the_offending_path(string overrides, string message)
    {
        var result = HelmRenderer.TryRender([HelmRenderer.CiValues("default-values.yaml"), HelmRenderer.WriteValues(overrides)]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("values don't meet the specifications of the schema", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(message, result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cameras.defaultDetectFps", typeof(ServerCameraOptions), nameof(ServerCameraOptions.DefaultDetectFps))]
    [InlineData("cameras.maxDetectFps", typeof(ServerCameraOptions), nameof(ServerCameraOptions.MaxDetectFps))]
    [InlineData("cameras.defaultAnalysisWidth", typeof(ServerCameraOptions), nameof(ServerCameraOptions.DefaultAnalysisWidth))]
    [InlineData("cameras.defaultAnalysisHeight", typeof(ServerCameraOptions), nameof(ServerCameraOptions.DefaultAnalysisHeight))]
    [InlineData("detector.minFaceSize", typeof(TwoPhaseDetectorOptions), nameof(TwoPhaseDetectorOptions.MinFaceSize))]
    [InlineData("detector.minConfidence", typeof(TwoPhaseDetectorOptions), nameof(TwoPhaseDetectorOptions.MinConfidence))]
    [InlineData("detector.intraOpThreads", typeof(TwoPhaseDetectorOptions), nameof(TwoPhaseDetectorOptions.IntraOpThreads))]
    [InlineData("orleans.siloPort", typeof(OrleansHostingOptions), nameof(OrleansHostingOptions.SiloPort))]
    [InlineData("orleans.gatewayPort", typeof(OrleansHostingOptions), nameof(OrleansHostingOptions.GatewayPort))]
    public void Schema_bounds_are_the_options_validation_bounds(string valuePath, Type options, string property)
    {
        var node = valuePath.Split('.').Aggregate(Schema, (n, part) => n["properties"]![part]!);
        var range = options.GetProperty(property)!.GetCustomAttributes(typeof(RangeAttribute), inherit: true).Cast<RangeAttribute>().Single();

        Assert.Equal(Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture), node["minimum"]!.GetValue<double>());
        Assert.Equal(Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture), node["maximum"]!.GetValue<double>());
    }

    [Fact]
    public void Every_value_in_values_yaml_is_described_by_the_schema()
    {
        // additionalProperties: false at every level it is set: the chart's own defaults must pass.
        var result = HelmRenderer.TryRender([HelmRenderer.CiValues("default-values.yaml")]);

        Assert.Equal(0, result.ExitCode);
        Assert.False(Schema["additionalProperties"]!.GetValue<bool>());
        Assert.Equal(
            File.ReadAllLines(Path.Combine(HelmRenderer.ChartDir, "values.yaml")).Count(l => l.Length > 0 && char.IsLetter(l[0])),
            Schema["properties"]!.AsObject().Count);
    }
}
