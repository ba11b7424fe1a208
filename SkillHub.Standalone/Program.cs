using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Standalone.Hosting;

// SkillHub where the Functions host or MongoDB is missing: the product's functions, served by Kestrel
// (scripts/start.sh), or as a worker behind a host that speaks its protocol (the tests' gRPC host),
// on MongoDB or, named by SkillHub__DocumentStore=memory, on the in-memory store.
try
{
    if (BackupCommands.Handles(args))
    {
        // `backup` / `restore` / `export-demo`: the command-line verbs, without HTTP (see backup.sh and restore.sh).
        return await BackupCommands.RunAsync(args, Console.Out, Console.Error);
    }

    return FunctionsHost.IsPresent(args)
        ? await StandaloneWorker.RunAsync(args)
        : await StandaloneHost.RunAsync(args);
}
catch (InvalidOperationException exception)
{
    // A setting or a database that start-up cannot do without: say which, without a stack trace.
    await Console.Error.WriteLineAsync(StartupFailures.Describe(exception));
    return 1;
}
