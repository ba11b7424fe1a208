namespace SkillHub.Standalone.Hosting;

/// <summary>Tells whether the Azure Functions host started this process.</summary>
public static class FunctionsHost
{
    /// <summary>
    /// The host starts its worker with the address of its gRPC channel, as a command-line switch
    /// (<c>--functions-uri</c>) or as configuration (<c>Functions:Worker:HostEndpoint</c>); without it
    /// the worker cannot run, and the app serves itself instead.
    /// </summary>
    public static bool IsPresent(string[] args, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        environment ??= Environment.GetEnvironmentVariable;
        return args.Any(arg => arg.StartsWith("--functions-uri", StringComparison.Ordinal))
            || !string.IsNullOrEmpty(environment("Functions__Worker__HostEndpoint"));
    }
}
