using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SkillHub.Bench;

/// <summary>
/// The app as its own process (the standalone host: Kestrel), so start-up time and resident memory
/// are the real ones. Settings go through the environment, never the command line.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private bool _stopped;

    private AppProcess(Process process, Uri baseAddress, TimeSpan startUp)
    {
        _process = process;
        BaseAddress = baseAddress;
        StartUp = startUp;
    }

    public Uri BaseAddress { get; }

    /// <summary>From process start to the first 200 of /api/health.</summary>
    public TimeSpan StartUp { get; }

    public int Id => _process.Id;

    public static async Task<AppProcess> StartAsync(string appDll, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { appDll, "--urls", baseAddress.ToString().TrimEnd('/') },
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var health = new Uri(baseAddress, "api/health");
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with {process.ExitCode}:\n{output}");
            }

            try
            {
                using var response = await probe.GetAsync(health);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return new AppProcess(process, baseAddress, Stopwatch.GetElapsedTime(started));
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but too busy starting to answer within the probe's time-out: ask again.
            }

            await Task.Delay(5);
        }

        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException($"The app gave no 200 on /api/health within 60 s:\n{output}");
    }

    /// <summary>VmRSS of the process, in MB (Linux).</summary>
    public double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kilobytes = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(System.Text.StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
