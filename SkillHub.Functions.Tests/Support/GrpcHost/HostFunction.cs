using System.Text.Json;
using SkillHub.Functions.Tests.Support.GrpcHost.Protocol;

namespace SkillHub.Functions.Tests.Support.GrpcHost;

/// <summary>An HTTP trigger as the host reads it: the parameter that receives the request, its route (without the prefix), its methods.</summary>
public sealed record HttpTriggerBinding(string ParameterName, string Route, IReadOnlyList<string> Methods);

/// <summary>A timer trigger as the host reads it, before it resolves a <c>%Setting%</c> schedule.</summary>
public sealed record TimerTriggerBinding(string ParameterName, string Schedule);

/// <summary>
/// One function of the build's <c>functions.metadata</c>, the file the host indexes an isolated
/// app from, with the id the host gives it for this run.
/// </summary>
public sealed record HostFunction(
    string Id,
    string Name,
    string EntryPoint,
    string ScriptFile,
    string Language,
    IReadOnlyList<JsonElement> Bindings,
    IReadOnlyDictionary<string, string> Properties,
    HttpTriggerBinding? Http,
    TimerTriggerBinding? Timer)
{
    public static IReadOnlyList<HostFunction> ReadAll(string appDirectory)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "functions.metadata")));
        return [.. document.RootElement.EnumerateArray().Select(Read)];
    }

    /// <summary>The load request the host sends for this function: its metadata, and one binding info per binding.</summary>
    public FunctionLoadRequest ToLoadRequest(string appDirectory)
    {
        var metadata = new RpcFunctionMetadata
        {
            FunctionId = Id,
            Name = Name,
            Directory = appDirectory,
            ScriptFile = ScriptFile,
            EntryPoint = EntryPoint,
            Language = Language,
            IsProxy = false,
        };
        foreach (var (name, value) in Properties)
        {
            metadata.Properties[name] = value;
        }

        foreach (var binding in Bindings)
        {
            metadata.RawBindings.Add(binding.GetRawText());
            metadata.Bindings[binding.GetProperty("name").GetString()!] = new BindingInfo
            {
                Type = binding.GetProperty("type").GetString(),
                Direction = DirectionOf(binding),
                DataType = DataTypeOf(binding),
            };
        }

        return new FunctionLoadRequest { FunctionId = Id, Metadata = metadata };
    }

    private static HostFunction Read(JsonElement function)
    {
        var bindings = function.GetProperty("bindings").EnumerateArray().Select(binding => binding.Clone()).ToList();
        HttpTriggerBinding? http = null;
        TimerTriggerBinding? timer = null;
        foreach (var binding in bindings)
        {
            var name = binding.GetProperty("name").GetString()!;
            switch (binding.GetProperty("type").GetString())
            {
                case "httpTrigger":
                    http = new HttpTriggerBinding(
                        name,
                        binding.TryGetProperty("route", out var route) ? route.GetString()! : function.GetProperty("name").GetString()!,
                        binding.TryGetProperty("methods", out var methods) ? [.. methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant())] : []);
                    break;
                case "timerTrigger":
                    timer = new TimerTriggerBinding(name, binding.GetProperty("schedule").GetString()!);
                    break;
            }
        }

        var properties = function.TryGetProperty("properties", out var bag)
            ? bag.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : [];
        return new HostFunction(
            Guid.NewGuid().ToString(),
            function.GetProperty("name").GetString()!,
            function.GetProperty("entryPoint").GetString()!,
            function.GetProperty("scriptFile").GetString()!,
            function.GetProperty("language").GetString()!,
            bindings,
            properties,
            http,
            timer);
    }

    private static BindingInfo.Types.Direction DirectionOf(JsonElement binding) =>
        Enum.Parse<BindingInfo.Types.Direction>(binding.GetProperty("direction").GetString()!, ignoreCase: true);

    private static BindingInfo.Types.DataType DataTypeOf(JsonElement binding) =>
        binding.TryGetProperty("dataType", out var dataType) && Enum.TryParse<BindingInfo.Types.DataType>(dataType.GetString(), ignoreCase: true, out var parsed)
            ? parsed
            : BindingInfo.Types.DataType.Undefined;
}
