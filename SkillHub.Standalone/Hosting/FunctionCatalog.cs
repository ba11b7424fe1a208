using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using SkillHub.Functions.Infrastructure.Security;

namespace SkillHub.Standalone.Hosting;

/// <summary>One function as the build's functions.metadata describes it.</summary>
public sealed record FunctionDescriptor(string Name, string EntryPoint, MethodInfo Method, HttpTriggerInfo? Http, TimerTriggerInfo? Timer);

public sealed record HttpTriggerInfo(string Route, IReadOnlyList<string> Methods, string AuthLevel);

public sealed record TimerTriggerInfo(string Schedule, string ParameterName);

/// <summary>
/// Reads functions.metadata, the file the Functions SDK writes next to the app and the real host
/// reads, so the standalone host serves exactly what the Functions host would.
/// </summary>
public sealed class FunctionCatalog
{
    public const string FileName = "functions.metadata";

    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions, string routePrefix)
    {
        Functions = functions;
        RoutePrefix = routePrefix;
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public string RoutePrefix { get; }

    public IEnumerable<FunctionDescriptor> HttpFunctions => Functions.Where(f => f.Http is not null);

    public IEnumerable<FunctionDescriptor> TimerFunctions => Functions.Where(f => f.Timer is not null);

    /// <summary>The public path of an HTTP function: the host.json route prefix, then its route.</summary>
    public string PathOf(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var route = function.Http?.Route ?? throw new ArgumentException($"{function.Name} is not an HTTP function.", nameof(function));
        return string.IsNullOrEmpty(RoutePrefix) ? "/" + route : $"/{RoutePrefix}/{route}";
    }

    public static FunctionCatalog Load(string directory, Assembly assembly)
    {
        var metadataPath = Path.Combine(directory, FileName);
        if (!File.Exists(metadataPath))
        {
            throw new InvalidOperationException($"{metadataPath} is missing: build the project with the Functions SDK (dotnet build) before starting it.");
        }

        var entries = JsonSerializer.Deserialize<List<MetadataEntry>>(File.ReadAllText(metadataPath), MetadataJson)
            ?? throw new InvalidOperationException($"{metadataPath} is empty.");
        var functions = entries.Select(entry => Describe(entry, assembly)).ToList();
        return new FunctionCatalog(functions, ReadRoutePrefix(Path.Combine(directory, "host.json")));
    }

    private static FunctionDescriptor Describe(MetadataEntry entry, Assembly assembly)
    {
        var method = AccessPolicyCatalog.FindMethod(assembly, entry.EntryPoint);
        var trigger = entry.Bindings.SingleOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Function {entry.Name} has no trigger binding.");
        return trigger.Type switch
        {
            "httpTrigger" => new FunctionDescriptor(entry.Name, entry.EntryPoint, method,
                new HttpTriggerInfo(
                    trigger.Route ?? entry.Name,
                    (trigger.Methods ?? ["get", "post", "put", "patch", "delete", "head", "options"]).Select(m => m.ToUpperInvariant()).ToList(),
                    trigger.AuthLevel ?? "Function"),
                null),
            "timerTrigger" => new FunctionDescriptor(entry.Name, entry.EntryPoint, method, null,
                new TimerTriggerInfo(trigger.Schedule ?? throw new InvalidOperationException($"Timer {entry.Name} has no schedule."), trigger.Name)),
            _ => throw new InvalidOperationException($"Function {entry.Name} uses a {trigger.Type}, which the standalone host does not run."),
        };
    }

    private static string ReadRoutePrefix(string hostJsonPath)
    {
        const string DefaultPrefix = "api";
        if (!File.Exists(hostJsonPath))
        {
            return DefaultPrefix;
        }

        var configuration = new ConfigurationBuilder().AddJsonFile(hostJsonPath, optional: false).Build();
        return configuration["extensions:http:routePrefix"]?.Trim('/') ?? DefaultPrefix;
    }

    private static readonly JsonSerializerOptions MetadataJson = new(JsonSerializerDefaults.Web);

    private sealed record MetadataEntry(string Name, string EntryPoint, List<MetadataBinding> Bindings);

    private sealed record MetadataBinding(
        string Name,
        string Type,
        string? Route,
        List<string>? Methods,
        string? AuthLevel,
        string? Schedule);
}
