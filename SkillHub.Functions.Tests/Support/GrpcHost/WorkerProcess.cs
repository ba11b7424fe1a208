using System.Diagnostics;
using System.Globalization;

namespace SkillHub.Functions.Tests.Support.GrpcHost;

/// <summary>
/// A built worker started as the host starts a dotnet-isolated worker: <c>dotnet &lt;entry assembly&gt;</c>
/// in the app's directory, with the host's command-line switches (both the old names and the
/// <c>--functions-</c> ones) and the environment the host gives its workers on top of its own.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>The host's default <c>grpcMaxMessageLength</c>.</summary>
    public const int MaxMessageLength = int.MaxValue;

    private readonly ScriptProcess _process;

    private WorkerProcess(ScriptProcess process, string workerId)
    {
        _process = process;
        WorkerId = workerId;
    }

    public string WorkerId { get; }

    /// <summary>Everything the worker printed so far (the host shows it in its own console).</summary>
    public string Output => _process.Output;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static WorkerProcess Start(WorkerApp app, Uri hostEndpoint, IReadOnlyDictionary<string, string?> appSettings)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(hostEndpoint);
        ArgumentNullException.ThrowIfNull(appSettings);
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var port = hostEndpoint.Port.ToString(CultureInfo.InvariantCulture);
        var maxLength = MaxMessageLength.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = app.Directory };
        foreach (var argument in new[]
        {
            app.EntryAssembly,
            "--host", hostEndpoint.Host, "--port", port, "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", maxLength,
            "--functions-uri", hostEndpoint.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", maxLength,
        })
        {
            start.ArgumentList.Add(argument);
        }

        // The host's app settings are its environment, which its workers inherit; it adds where the app is.
        foreach (var (name, value) in appSettings)
        {
            start.Environment[name] = value;
        }

        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = app.Directory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = app.Directory;
        start.Environment["AzureWebJobsScriptRoot"] = app.Directory;
        return new WorkerProcess(ScriptProcess.Launch(start), workerId);
    }

    public Task<bool> WaitForExitAsync(TimeSpan timeout) => _process.TryWaitForExitAsync(timeout);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
