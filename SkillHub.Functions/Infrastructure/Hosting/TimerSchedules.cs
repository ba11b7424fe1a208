using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace SkillHub.Functions.Infrastructure.Hosting;

/// <summary>
/// The timer functions' schedules: NCRONTAB with six fields, UTC, each read from a flat setting
/// (<c>%Name%</c>), as the Functions host resolves binding expressions.
/// </summary>
public static class TimerSchedules
{
    /// <summary>
    /// The schedules when the app serves itself. Under the Functions host they do not apply: the host
    /// resolves <c>%PurgeSchedule%</c> from its own settings (<see cref="RequireUnderFunctionsHost"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["PurgeSchedule"] = "0 30 3 * * *",
        ["ReconcileSchedule"] = "0 */5 * * * *",
        ["BackupSchedule"] = "0 0 2 * * *",
        ["NotificationSchedule"] = "*/30 * * * * *",
    };

    /// <summary>The setting a <c>%Name%</c> schedule names; null for a literal expression. Nested names are not resolved by the host, so they are refused.</summary>
    public static string? SettingOf(string function, string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length <= 2 || expression[0] != '%' || expression[^1] != '%')
        {
            return null;
        }

        var setting = expression[1..^1];
        return setting.Contains(':', StringComparison.Ordinal) || setting.Contains("__", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"Timer {function}: schedule setting '{setting}' must be a flat name.")
            : setting;
    }

    /// <summary>The schedule of <paramref name="function"/>, its <c>%Name%</c> read from <paramref name="configuration"/>.</summary>
    public static CrontabSchedule Resolve(string function, string expression, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (SettingOf(function, expression) is { } setting)
        {
            expression = configuration[setting]
                ?? throw new InvalidOperationException($"Timer {function} reads its schedule from the setting '{setting}', which is not set.");
        }

        return CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"Timer {function}: '{expression}' is not an NCRONTAB expression with six fields (sec min hour day month day-of-week).");
    }

    /// <summary>Every timer function of <paramref name="assembly"/>: its name and its trigger's schedule expression.</summary>
    public static IReadOnlyList<(string Function, string Expression)> Declared(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. from type in assembly.GetTypes()
                   from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                   let function = method.GetCustomAttribute<FunctionAttribute>()
                   where function is not null
                   from parameter in method.GetParameters()
                   let trigger = parameter.GetCustomAttribute<TimerTriggerAttribute>()
                   where trigger is not null
                   select (function.Name, trigger.Schedule)];
    }

    /// <summary>
    /// Under the Functions host: the host, not the worker, resolves <c>%Name%</c>, from its own app settings, where
    /// the worker's defaults never reach. Every schedule setting must be there, each a valid expression.
    /// </summary>
    public static void RequireUnderFunctionsHost(IEnumerable<(string Function, string Expression)> timers, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(configuration);
        var all = timers.ToList();
        var missing = all.Select(timer => SettingOf(timer.Function, timer.Expression)).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(setting => string.IsNullOrWhiteSpace(configuration[setting]))
            .ToList();
        if (missing.Count > 0)
        {
            var examples = string.Join(", ", missing.Select(s => $"\"{s}\": \"{Defaults.GetValueOrDefault(s, "<sec min hour day month day-of-week>")}\""));
            throw new InvalidOperationException(
                $"The timer schedule setting(s) {string.Join(", ", missing)} are not set. The Functions host reads them from its app settings: " +
                $"add them to the Values of local.settings.json (func start), to the container's environment, or to the function app's settings, e.g. {examples}.");
        }

        foreach (var (function, expression) in all)
        {
            _ = Resolve(function, expression, configuration);
        }
    }
}
