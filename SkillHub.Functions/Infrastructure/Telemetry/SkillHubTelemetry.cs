using System.Diagnostics;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SkillHub.Functions.Infrastructure.Telemetry;

/// <summary>
/// Traces and metrics, declared once for both hosts. They are composed only when they have somewhere
/// to go: an OTLP endpoint, Application Insights, or an exporter registered before the app's services
/// (a test's in-memory one). Otherwise nothing listens, and nothing is recorded or exported.
/// </summary>
public static class SkillHubTelemetry
{
    /// <summary>The service name, the name of our ActivitySource and of our Meter.</summary>
    public const string Name = "SkillHub";

    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    private const string ServiceNameSetting = "OTEL_SERVICE_NAME";

    /// <summary>Our own spans: document-store operations, and the standalone host's timer runs.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>The 32-hex W3C trace id of the running span, the one a trace backend finds the trace by; null outside any.</summary>
    public static string? CurrentTraceId() => System.Diagnostics.Activity.Current?.TraceId.ToHexString();

    /// <summary>Marks a span failed with the exception's type: never its message, which may quote a value.</summary>
    public static void Failed(System.Diagnostics.Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        activity?.SetStatus(ActivityStatusCode.Error);
        activity?.SetTag("error.type", exception.GetType().FullName);
    }

    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration, bool behindFunctionsHost)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddMetrics();
        services.AddSingleton<SkillHubMetrics>();

        var otlp = IsSet(configuration, OtlpEndpointSetting);
        var azureMonitor = IsSet(configuration, AzureMonitorSetting);
        var registeredBefore = services.Any(s => s.ServiceType == typeof(TracerProvider) || s.ServiceType == typeof(MeterProvider));
        if (!otlp && !azureMonitor && !registeredBefore)
        {
            return services;
        }

        var telemetry = services.AddOpenTelemetry()
            .WithTracing(tracing =>
            {
                // Npgsql's spans carry the statement as sent: placeholders, never parameter values. The
                // driver's leave the command out (TracingOptions.QueryTextMaxLength is 0 unless set).
                tracing.AddSource(Name, MongoTelemetry.ActivitySourceName).AddNpgsql();
                if (!behindFunctionsHost)
                {
                    tracing.AddAspNetCoreInstrumentation(options => options.EnrichWithHttpResponse = (activity, response) => RedactUrl(activity, response.HttpContext));
                }
            })
            .WithMetrics(metrics => metrics.AddMeter(SkillHubMetrics.MeterName));
        if (!IsSet(configuration, ServiceNameSetting))
        {
            telemetry.ConfigureResource(resource => resource.AddService(Name));
        }

        if (behindFunctionsHost)
        {
            // The worker's invocation span, a child of the host's trace context, as the worker documents it.
            telemetry.UseFunctionsWorkerDefaults();
        }

        if (otlp)
        {
            telemetry.UseOtlpExporter();
        }

        if (azureMonitor)
        {
            telemetry.UseAzureMonitorExporter();
        }

        return services;
    }

    /// <summary>
    /// The span names its route template, never the path itself: a path can hold a secret (the
    /// calendar feed's token), and the query string is left out entirely.
    /// </summary>
    private static void RedactUrl(System.Diagnostics.Activity activity, HttpContext http)
    {
        var route = (http.GetEndpoint() as Microsoft.AspNetCore.Routing.RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", route);
        activity.SetTag("url.query", null);
        if (route is not null)
        {
            activity.DisplayName = $"{http.Request.Method} {route}";
        }
    }

    private static bool IsSet(IConfiguration configuration, string setting) => !string.IsNullOrWhiteSpace(configuration[setting]);
}
