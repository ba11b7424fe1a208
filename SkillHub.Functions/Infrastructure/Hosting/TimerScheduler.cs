using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace SkillHub.Functions.Infrastructure.Hosting;

/// <summary>A timer function with its schedule resolved the way the Functions host resolves it.</summary>
public sealed record ScheduledTimer(FunctionDescriptor Function, CrontabSchedule Schedule)
{
    /// <summary>
    /// NCRONTAB with six fields, UTC. <c>%Name%</c> reads the flat setting <c>Name</c>, as the host's
    /// binding expressions do (nested names are not resolved there, so they are refused here too).
    /// </summary>
    public static ScheduledTimer Resolve(FunctionDescriptor function, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(configuration);
        var expression = function.Timer!.Schedule;
        if (SettingOf(function) is { } setting)
        {
            expression = configuration[setting]
                ?? throw new InvalidOperationException($"Timer {function.Name} reads its schedule from the setting '{setting}', which is not set.");
        }

        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
            ?? throw new InvalidOperationException($"Timer {function.Name}: '{expression}' is not an NCRONTAB expression with six fields (sec min hour day month day-of-week).");
        return new ScheduledTimer(function, schedule);
    }

    /// <summary>The setting a <c>%Name%</c> schedule names; null for a literal expression.</summary>
    public static string? SettingOf(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var expression = function.Timer!.Schedule;
        if (expression.Length <= 2 || expression[0] != '%' || expression[^1] != '%')
        {
            return null;
        }

        var setting = expression[1..^1];
        return setting.Contains(':', StringComparison.Ordinal) || setting.Contains("__", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"Timer {function.Name}: schedule setting '{setting}' must be a flat name.")
            : setting;
    }

    /// <summary>
    /// Under the Functions host: the host, not the worker, resolves <c>%Name%</c>, from its own app settings, where
    /// the worker's defaults never reach. Every schedule setting must be there, each a valid expression.
    /// </summary>
    public static void RequireUnderFunctionsHost(IEnumerable<FunctionDescriptor> timers, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(timers);
        ArgumentNullException.ThrowIfNull(configuration);
        var missing = timers.Select(SettingOf).OfType<string>().Distinct(StringComparer.Ordinal)
            .Where(setting => string.IsNullOrWhiteSpace(configuration[setting]))
            .ToList();
        if (missing.Count > 0)
        {
            var examples = string.Join(", ", missing.Select(s => $"\"{s}\": \"{SkillHubServices.ScheduleDefaults.GetValueOrDefault(s, "<sec min hour day month day-of-week>")}\""));
            throw new InvalidOperationException(
                $"The timer schedule setting(s) {string.Join(", ", missing)} are not set. The Functions host reads them from its app settings: " +
                $"add them to the Values of local.settings.json (func start), to the container's environment, or to the function app's settings, e.g. {examples}.");
        }

        foreach (var timer in timers)
        {
            _ = Resolve(timer, configuration);
        }
    }
}

/// <summary>Runs the timer functions on their schedules when the app serves itself.</summary>
public sealed class TimerScheduler(
    IReadOnlyList<ScheduledTimer> timers,
    TimerGate gate,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(timers.Select(timer => RunAsync(timer, stoppingToken)));

    private async Task RunAsync(ScheduledTimer timer, CancellationToken stoppingToken)
    {
        var invoker = new FunctionInvoker(timer.Function);
        var last = clock.GetUtcNow().UtcDateTime;
        logger.LogInformation("Timer {Function} scheduled; next run at {Next:o}", timer.Function.Name, timer.Schedule.GetNextOccurrence(last));
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = timer.Schedule.GetNextOccurrence(last);
            var delay = next - clock.GetUtcNow().UtcDateTime;
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var info = new TimerInfo
            {
                IsPastDue = now - next > TimeSpan.FromSeconds(30),
                ScheduleStatus = new ScheduleStatus { Last = last, Next = timer.Schedule.GetNextOccurrence(next), LastUpdated = now },
            };
            last = next;
            try
            {
                await gate.RunAsync(timer.Function.Name, async () =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await invoker.InvokeTimerAsync(scope.ServiceProvider, info, stoppingToken);
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failing run is logged; the timer keeps its schedule, as under the Functions host.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                logger.LogError(exception, "Timer {Function} failed", timer.Function.Name);
            }
        }
    }
}
