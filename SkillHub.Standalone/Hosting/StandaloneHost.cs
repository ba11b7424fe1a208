using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillHub.Functions;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Standalone.Documents;

namespace SkillHub.Standalone.Hosting;

/// <summary>
/// Serves the app without the Functions host: every HTTP function of functions.metadata at its route
/// (with the host.json prefix) and methods on Kestrel, through the same <see cref="FunctionPipeline"/>,
/// and every timer function on its schedule.
/// </summary>
public static class StandaloneHost
{
    public const string DefaultUrl = "http://localhost:7071";

    /// <summary>Serves until stopped; <c>--restore &lt;set&gt; [--force]</c> first restores a backup set into this very process.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var restore = RestoreBeforeServing.Take(ref args);
        await using var app = Build(args);
        if (restore is not null)
        {
            // Restored by this process, before the start-up steps (a bootstrap admin would make the stores non-empty),
            // over the saved documents (refused without --force, as over MongoDB's), which the first step then saves.
            await app.Services.LoadSavedDocumentsAsync(CancellationToken.None);
            var restored = await BackupCommands.ExecuteAsync(restore.VerbArguments, app.Services, Console.Out, Console.Error, CancellationToken.None);
            if (restored != BackupCommands.Success)
            {
                return restored;
            }
        }

        await app.Services.PrepareDatabasesAsync();
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT"),
        });

        LocalSettings.AddBelowAll(builder.Configuration, SkillHubServices.Defaults.Concat(TimerSchedules.Defaults));
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = JsonBody.MaxBytes + 1);
        configure?.Invoke(builder);

        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory, typeof(SkillHubServices).Assembly);
        builder.Services.AddStandIns(builder.Configuration);
        builder.Services.AddSkillHub(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(catalog);
        var timers = catalog.TimerFunctions.Select(f => ScheduledTimer.Resolve(f, builder.Configuration)).ToList();
        builder.Services.AddSingleton<IReadOnlyList<ScheduledTimer>>(timers);
        builder.Services.AddHostedService<TimerScheduler>();

        var app = builder.Build();
        app.UseStatusCodePages(async context =>
        {
            var problem = context.HttpContext.Response.StatusCode switch
            {
                StatusCodes.Status404NotFound => Problems.NotFound("No resource at this address."),
                StatusCodes.Status405MethodNotAllowed => Problems.MethodNotAllowed(),
                var status => Problems.Create(status, "Error", "The request could not be served."),
            };
            await problem.ExecuteAsync(context.HttpContext);
        });
        MapHttpFunctions(app, catalog);
        return app;
    }

    private static void MapHttpFunctions(WebApplication app, FunctionCatalog catalog)
    {
        var pipeline = app.Services.GetRequiredService<FunctionPipeline>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StandaloneHost));
        foreach (var function in catalog.HttpFunctions)
        {
            // Fail at start-up, not at the first request, when a function cannot be served.
            pipeline.Check(function.EntryPoint);
            var invoker = new FunctionInvoker(function);
            var entryPoint = function.EntryPoint;
            RequestDelegate serve = http => ServeAsync(http, pipeline, entryPoint, invoker);
            app.MapMethods(catalog.PathOf(function), function.Http!.Methods, serve).WithName(function.Name);
            logger.LogDebug("Serving {Function} at {Methods} {Path}", function.Name, function.Http.Methods, catalog.PathOf(function));
        }
    }

    private static async Task ServeAsync(HttpContext http, FunctionPipeline pipeline, string entryPoint, FunctionInvoker invoker)
    {
        var result = await pipeline.InvokeAsync(http, entryPoint, () => invoker.InvokeHttpAsync(http))
            ?? throw new InvalidOperationException($"{entryPoint} returned no result.");
        await result.ExecuteAsync(http);
    }
}
