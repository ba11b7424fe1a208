using Microsoft.Azure.Functions.Worker.Builder;
using SkillHub.Functions;
using SkillHub.Functions.Infrastructure.Sql;

// The isolated worker that the Functions host starts: `func start`, the official container, Azure.
// Without the host (these machines), SkillHub.Standalone serves the same functions.
try
{
    var builder = SkillHubWorker.CreateBuilder(args);
    builder.ConfigureFunctionsWebApplication();
    builder.UseSkillHubMiddleware();
    builder.Services.AddSkillHub(builder.Configuration, builder.Environment, behindFunctionsHost: true);
    return await SkillHubWorker.RunAsync(builder);
}
catch (InvalidOperationException exception)
{
    // A setting or a database that start-up cannot do without: say which, without a stack trace.
    await Console.Error.WriteLineAsync(StartupFailures.Describe(exception));
    return 1;
}
