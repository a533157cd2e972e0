using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace CctvMask.Deployment.Tests.Rendering;

/// <summary>
/// Rendered manifests loaded with KubernetesClient's strict YAML loader (an unknown or misspelled
/// field throws). ServiceMonitor, a Prometheus Operator CRD the client does not know, is loaded
/// strictly into <see cref="ServiceMonitor"/>.
/// </summary>
public sealed partial class RenderedManifests
{
    private const string ServiceMonitorKey = "monitoring.coreos.com/v1/ServiceMonitor";

    private RenderedManifests(IReadOnlyList<object> objects) => Objects = objects;

    public IReadOnlyList<object> Objects { get; }

    public static RenderedManifests Load(string yaml)
    {
        var standard = new List<string>();
        var custom = new List<string>();
        foreach (var doc in DocumentSeparator().Split(yaml))
        {
            if (string.IsNullOrWhiteSpace(doc)) continue;
            (KindLine().IsMatch(doc) && doc.Contains("kind: ServiceMonitor", StringComparison.Ordinal) ? custom : standard).Add(doc);
        }
        var objects = new List<object>(KubernetesYaml.LoadAllFromString(string.Join("\n---\n", standard), typeMap: null, strict: true));
        if (custom.Count > 0)
        {
            var map = new Dictionary<string, Type> { [ServiceMonitorKey] = typeof(ServiceMonitor) };
            objects.AddRange(KubernetesYaml.LoadAllFromString(string.Join("\n---\n", custom), map, strict: true));
        }
        return new RenderedManifests(objects);
    }

    public IEnumerable<T> All<T>() => Objects.OfType<T>();

    public T Single<T>() => Assert.Single(All<T>());

    public V1Deployment Deployment => Single<V1Deployment>();

    public V1Container Server => Assert.Single(Deployment.Spec.Template.Spec.Containers, c => c.Name == "server");

    public V1ConfigMap ConfigMap => Single<V1ConfigMap>();

    /// <summary>Every configuration variable the server container gets: its env plus the ConfigMap it loads with envFrom.</summary>
    public IReadOnlyDictionary<string, V1EnvVar> ServerEnvironment()
    {
        var result = new Dictionary<string, V1EnvVar>(StringComparer.Ordinal);
        foreach (var source in Server.EnvFrom ?? [])
        {
            var configMap = Assert.Single(All<V1ConfigMap>(), c => c.Metadata.Name == source.ConfigMapRef.Name);
            foreach (var (key, value) in configMap.Data)
                result[key] = new V1EnvVar { Name = key, Value = value };
        }
        foreach (var variable in Server.Env ?? [])
            result[variable.Name] = variable;
        return result;
    }

    [GeneratedRegex(@"^---\s*$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^kind:", RegexOptions.Multiline)]
    private static partial Regex KindLine();
}
