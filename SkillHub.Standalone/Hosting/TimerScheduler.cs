using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Telemetry;

namespace SkillHub.Standalone.Hosting;

/// <summary>A timer function with its schedule resolved the way the Functions host resolves it.</summary>
public sealed record ScheduledTimer(FunctionDescriptor Function, CrontabSchedule Schedule)
{
    /// <summary>Resolved as the Functions host would (<see cref="TimerSchedules.Resolve"/>).</summary>
    public static ScheduledTimer Resolve(FunctionDescriptor function, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new ScheduledTimer(function, TimerSchedules.Resolve(function.Name, function.Timer!.Schedule, configuration));
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
        // Each run is a trace of its own, whatever was current when the host started.
        Activity.Current = null;
        var last = clock.GetUtcNow().UtcDateTime;
        logger.LogInformation("Timer {Function} scheduled; next run at {Next:o}", timer.Function.Name, timer.Schedule.GetNextOccurrence(last));
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = timer.Schedule.GetNextOccurrence(last);
            var delay = next - clock.GetUtcNow().UtcDateTime;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, clock, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            if (stoppingToken.IsCancellationRequested)
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
            using var span = StartSpan(timer.Function.Name);
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
                SkillHubTelemetry.Failed(span, exception);
                logger.LogError(exception, "Timer {Function} failed", timer.Function.Name);
            }
        }
    }

    /// <summary>A timer run's root span, where the Functions host would have started the worker's invocation span.</summary>
    private static Activity? StartSpan(string function)
    {
        var span = SkillHubTelemetry.Source.StartActivity($"timer {function}", ActivityKind.Internal);
        span?.SetTag("faas.trigger", "timer");
        span?.SetTag("faas.name", function);
        return span;
    }
}
