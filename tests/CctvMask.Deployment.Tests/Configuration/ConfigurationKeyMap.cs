using System.Collections;
using System.ComponentModel;
using System.Reflection;
using CctvMask.Grains.Hosting;
using CctvMask.Server.Auth;
using CctvMask.Server.Hosting;
using CctvMask.Storage.Hosting;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Models;

namespace CctvMask.Deployment.Tests.Configuration;

/// <summary>
/// What the server actually reads, by reflection over its options classes: every class with a
/// <c>SectionName</c> constant binds that configuration section, and a handful of plain environment
/// variables are read by name (constants in the code, ASP.NET Core, Orleans' Kubernetes hosting).
/// A deployment variable that matches none of them is a typo or a renamed option.
/// </summary>
public static class ConfigurationKeyMap
{
    /// <summary>Framework configuration prefixes that have no options class of ours.</summary>
    private static readonly string[] FrameworkPrefixes = ["Logging:LogLevel:", "Serilog:", "Kestrel:"];

    /// <summary>Section path (e.g. "Cctv:Batching") → the options types bound to it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Type>> Sections { get; } = FindSections();

    /// <summary>Variables read by name rather than through a section.</summary>
    public static IReadOnlySet<string> NamedVariables { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ModelLocator.EnvironmentVariable,
        DataDirectory.EnvironmentVariable,
        AuthExtensions.AdminKeyVariable,
        AuthExtensions.ViewerKeyVariable,
        // ASP.NET Core / .NET host.
        "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_URLS", "ASPNETCORE_ENVIRONMENT", "DOTNET_SHUTDOWNTIMEOUTSECONDS",
        // Orleans' Kubernetes hosting (UseKubernetesHosting).
        "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID",
    };

    /// <summary>
    /// Null when <paramref name="variable"/> is something the server reads (and <paramref name="value"/>,
    /// when given, converts to the property's type); otherwise why not.
    /// </summary>
    public static string? Problem(string variable, string? value)
    {
        if (!variable.Contains("__", StringComparison.Ordinal))
            return NamedVariables.Contains(variable) ? null : $"{variable}: not a configuration key (Section__Key) nor a variable the server reads";

        var key = variable.Replace("__", ":", StringComparison.Ordinal);
        if (FrameworkPrefixes.Any(p => key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            return null;
        var section = Sections.Keys
            .Where(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(s => s.Length)
            .FirstOrDefault();
        if (section is null)
            return $"{variable}: no options class binds a section that {key} falls in";
        var path = key[(section.Length + 1)..].Split(':');
        var problems = new List<string>();
        foreach (var type in Sections[section])
        {
            var problem = CheckPath(type, path, value);
            if (problem is null) return null;
            problems.Add($"{type.Name}: {problem}");
        }
        return $"{variable}: {string.Join("; ", problems)}";
    }

    private static string? CheckPath(Type type, IReadOnlyList<string> path, string? value)
    {
        var current = type;
        for (var i = 0; i < path.Count; i++)
        {
            if (IsDictionary(current, out var valueType))
            {
                current = valueType;
                continue;
            }
            var property = current.GetProperty(path[i], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
                return $"no property {path[i]} on {current.Name}";
            current = property.PropertyType;
            bool leaf = i == path.Count - 1;
            if (leaf)
            {
                if (!property.CanWrite)
                    return $"{current.Name}.{property.Name} is read-only";
                return value is null ? null : CheckValue(property, value);
            }
            if (current == typeof(string) || current.IsValueType)
                return $"{property.Name} is a value, it has no {path[i + 1]}";
        }
        return null;
    }

    private static string? CheckValue(PropertyInfo property, string value)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (type == typeof(string) || value.Length == 0)
            return null;
        if (type.IsEnum)
            return Enum.TryParse(type, value, ignoreCase: true, out var parsed) && Enum.IsDefined(type, parsed!)
                ? null
                : $"'{value}' is not one of {string.Join(", ", Enum.GetNames(type))} ({property.Name})";
        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            return $"'{value}' does not convert to {type.Name} ({property.Name})";
        }
    }

    private static bool IsDictionary(Type type, out Type valueType)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        valueType = dictionary?.GetGenericArguments()[1] ?? typeof(object);
        return dictionary is not null && typeof(IEnumerable).IsAssignableFrom(type);
    }

    private static Dictionary<string, IReadOnlyList<Type>> FindSections()
    {
        Assembly[] assemblies =
        [
            typeof(OrleansHostingOptions).Assembly,            // Server
            typeof(StorageOptions).Assembly,                   // Storage
            typeof(CctvGrainsExtensions).Assembly,             // Grains
            typeof(TwoPhaseDetectorOptions).Assembly,          // Vision
            typeof(Video.Ingest.IngestOptions).Assembly,       // Video
            typeof(Dashboard.Hosting.DashboardOptions).Assembly, // Dashboard
        ];
        var sections = new Dictionary<string, List<Type>>(StringComparer.OrdinalIgnoreCase);
        void Add(string section, Type type)
        {
            if (!sections.TryGetValue(section, out var list))
                sections[section] = list = [];
            list.Add(type);
        }
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            var field = type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static);
            if (field is { IsLiteral: true } && field.FieldType == typeof(string) && field.GetRawConstantValue() is string name)
                Add(name, type);
        }
        // The detector options are bound from a section named in the Grains host extensions.
        Add(CctvGrainsExtensions.DetectorSectionName, typeof(TwoPhaseDetectorOptions));
        return sections.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Type>)kv.Value, StringComparer.OrdinalIgnoreCase);
    }
}
