using System.Collections.Concurrent;
using System.Diagnostics;

namespace SkillHub.Functions.Tests.Support.GrpcHost;

/// <summary>
/// The built app started as the host starts a dotnet-isolated worker: <c>dotnet SkillHub.Functions.dll</c>
/// in the app's directory, with the host's command-line switches (both the old names and the
/// <c>--functions-</c> ones) and the environment the host gives its workers on top of its own.
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    /// <summary>The host's default <c>grpcMaxMessageLength</c>.</summary>
    public const int MaxMessageLength = int.MaxValue;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, line) => Keep(line.Data);
        _process.ErrorDataReceived += (_, line) => Keep(line.Data);
    }

    public string WorkerId { get; private init; } = "";

    /// <summary>Everything the worker printed so far (the host shows it in its own console).</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static WorkerProcess Start(string appDirectory, Uri hostEndpoint, IReadOnlyDictionary<string, string?> appSettings)
    {
        ArgumentNullException.ThrowIfNull(hostEndpoint);
        ArgumentNullException.ThrowIfNull(appSettings);
        var workerId = Guid.NewGuid().ToString();
        var requestId = Guid.NewGuid().ToString();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("SkillHub.Functions.dll");
        foreach (var argument in new[]
        {
            "--host", hostEndpoint.Host, "--port", hostEndpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", workerId, "--requestId", requestId, "--grpcMaxMessageLength", MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--functions-uri", hostEndpoint.AbsoluteUri, "--functions-worker-id", workerId, "--functions-request-id", requestId,
            "--functions-grpc-max-message-length", MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        start.Environment["FUNCTIONS_WORKER_DIRECTORY"] = appDirectory;
        start.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = appDirectory;
        start.Environment["AzureWebJobsScriptRoot"] = appDirectory;

        var process = new Process { StartInfo = start };
        var worker = new WorkerProcess(process) { WorkerId = workerId };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
