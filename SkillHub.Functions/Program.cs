using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SkillHub.Functions;
using SkillHub.Functions.Backups;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Sql;

if (BackupCommands.Handles(args))
{
    // `backup` / `restore`: the command-line verbs, without HTTP (see backup.sh and restore.sh).
    return await BackupCommands.RunAsync(args, Console.Out, Console.Error);
}

try
{
    if (FunctionsHost.IsPresent(args))
    {
        // Under `func start` or the official container: an ordinary isolated worker.
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = SkillHubServices.Defaults });
        ScheduledTimer.RequireUnderFunctionsHost(FunctionCatalog.Load(AppContext.BaseDirectory, typeof(FunctionCatalog).Assembly).TimerFunctions, builder.Configuration);
        builder.ConfigureFunctionsWebApplication();
        builder.UseWhen<HttpGateMiddleware>(HttpGateMiddleware.AppliesTo);
        builder.UseWhen<TimerGateMiddleware>(TimerGateMiddleware.AppliesTo);
        builder.Services.AddSkillHub(builder.Configuration, builder.Environment, behindFunctionsHost: true);
        using var host = builder.Build();
        var readiness = host.Services.GetRequiredService<StartupReadiness>();

        // The worker connects to the host first (it must within a minute); the databases are prepared meanwhile.
        // RunAsync disposes the host's services: what start-up found is read from the readiness taken before.
        await host.RunAsync();
        if (readiness.Failure is { } failure)
        {
            await Console.Error.WriteLineAsync(failure);
            return 1;
        }
    }
    else
    {
        // Without the host (it is not installed here): the same functions served by Kestrel.
        var restore = RestoreBeforeServing.Take(ref args);
        await using var app = StandaloneHost.Build(args);
        if (restore is not null)
        {
            // Restored by this process, before the start-up steps (a bootstrap admin would make the stores non-empty).
            var restored = await BackupCommands.ExecuteAsync(restore.VerbArguments, app.Services, Console.Out, Console.Error, CancellationToken.None);
            if (restored != BackupCommands.Success)
            {
                return restored;
            }
        }

        await app.Services.PrepareDatabasesAsync();
        await app.RunAsync();
    }

    return 0;
}
catch (InvalidOperationException exception)
{
    // A setting or a database that start-up cannot do without: say which, without a stack trace.
    await Console.Error.WriteLineAsync(StartupFailures.Describe(exception));
    return 1;
}
