using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SkillHub.Functions.Tests.Support;

/// <summary>The repository these tests were built from: its root, the app's build output, a free port.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The product's build output (same configuration and framework as the tests), where its runtimeconfig and functions.metadata are.</summary>
    public static string AppDirectory => BuildDirectory("SkillHub.Functions");

    /// <summary>The build's copy of data/ (the test project links it there): the demo dump and the dataset.</summary>
    public static string DataDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "data");

    /// <summary>data/demo.json, the dataset scripts/start.sh loads.</summary>
    public static string DemoDataset { get; } = Path.Combine(DataDirectory, "demo.json");

    /// <summary>A project's build output, in the configuration and framework of this test build.</summary>
    public static string BuildDirectory(string project)
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        return Path.Combine(Root, project, "bin", testDirectory.Parent!.Name, testDirectory.Name);
    }

    private static readonly ConcurrentDictionary<int, bool> HandedOut = new();

    /// <summary>
    /// A port free now and never handed out before in this test run: a port given to one test and
    /// bound only later (a relay that brings a database back) must not be given to another meanwhile.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            if (HandedOut.TryAdd(port, true))
            {
                return port;
            }
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SkillHub.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No SkillHub.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>
/// A child process of the tests, its output collected: one of the repository's shell scripts, run
/// with bash as a user would, or the app as a host launches it (<see cref="Launch"/>); disposing kills
/// whatever it still runs (the app it may have started included).
/// </summary>
public sealed class ScriptProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ScriptProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Standard output and standard error so far, interleaved as they came.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <param name="environment">Variables to set; a null value removes the variable.</param>
    public static ScriptProcess Start(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Repository.Root,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return Launch(start);
    }

    /// <summary>Starts <paramref name="start"/> with its output collected (standard output and error redirected here).</summary>
    public static ScriptProcess Launch(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        var process = new Process { StartInfo = start };
        var started = new ScriptProcess(process);
        process.OutputDataReceived += (_, line) => started.Append(line.Data);
        process.ErrorDataReceived += (_, line) => started.Append(line.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return started;
    }

    /// <summary>Runs a script to its end and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string script, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        await using var process = Start(script, arguments, environment);
        var code = await process.WaitForExitAsync(TimeSpan.FromMinutes(3));
        return (code, process.Output);
    }

    /// <summary>The exit code; fails the test if the script still runs after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        if (!await TryWaitForExitAsync(timeout))
        {
            Assert.Fail($"{_process.StartInfo.ArgumentList[0]} still ran after {timeout}:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Whether the process ended within <paramref name="timeout"/>.</summary>
    public async Task<bool> TryWaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public int ExitCode => _process.ExitCode;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
        }
    }
}

/// <summary>A folder of its own under the system's temporary folder, deleted with everything in it on dispose.</summary>
public sealed class ScratchDirectory(string purpose) : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"skillhub-{purpose}-{Guid.NewGuid():N}");

    /// <summary>A copy of the files of <paramref name="directory"/> (not its sub-folders), in a folder of the same name in here.</summary>
    public string CopyOf(string directory)
    {
        var copy = Directory.CreateDirectory(System.IO.Path.Combine(Path, System.IO.Path.GetFileName(directory))).FullName;
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            File.Copy(file, System.IO.Path.Combine(copy, System.IO.Path.GetFileName(file)));
        }

        return copy;
    }

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
