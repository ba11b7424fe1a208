using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;

namespace SkillHub.Standalone.Hosting;

/// <summary>
/// Reads local.settings.json the way Core Tools passes it to a worker: each <c>Values</c> entry as a
/// setting (<c>__</c> for nesting) and each <c>ConnectionStrings</c> entry as a connection string.
/// Environment variables and the command line still win.
/// </summary>
public static class LocalSettings
{
    public static IDictionary<string, string?> Read(string path)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return settings;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (document.RootElement.TryGetProperty("Values", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var value in values.EnumerateObject())
            {
                settings[value.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)] = AsString(value.Value);
            }
        }

        if (document.RootElement.TryGetProperty("ConnectionStrings", out var connections) && connections.ValueKind == JsonValueKind.Object)
        {
            foreach (var connection in connections.EnumerateObject())
            {
                settings[ConfigurationPath.Combine("ConnectionStrings", connection.Name)] = AsString(connection.Value);
            }
        }

        return settings;
    }

    /// <summary>local.settings.json below every other source, as Core Tools' values are, and the app's defaults below it.</summary>
    public static void AddBelowAll(IConfigurationBuilder configuration, IEnumerable<KeyValuePair<string, string?>> defaults)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Read(Path.Combine(AppContext.BaseDirectory, "local.settings.json")) });
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = defaults });
    }

    private static string? AsString(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
}
