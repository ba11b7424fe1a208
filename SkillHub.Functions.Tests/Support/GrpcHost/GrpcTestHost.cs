using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Tests.Support.GrpcHost.Protocol;
using Yarp.ReverseProxy.Forwarder;

namespace SkillHub.Functions.Tests.Support.GrpcHost;

/// <summary>What the host saw of one invocation: the function, and the worker's status for it.</summary>
public sealed record Invocation(string FunctionName, string InvocationId, StatusResult.Types.Status Status);

/// <summary>
/// A stand-in for the Azure Functions host, as far as its worker can tell: it serves the worker's
/// gRPC event stream, launches the built app as the host launches a dotnet-isolated worker, waits
/// for the stream within the host's start-up window, initialises the worker, loads every function
/// of <c>functions.metadata</c>, and invokes them. HTTP requests arrive at its own front door, are
/// matched against the functions' routes (method included), and are proxied as the host does with
/// the ASP.NET Core integration: forwarded with YARP to the address the worker reported
/// (<c>HttpUri</c>), correlated by the <c>x-ms-invocation-id</c> header with an invocation request
/// whose HTTP input is empty.
/// </summary>
public sealed class GrpcTestHost : IAsyncDisposable
{
    /// <summary>The host's <c>ProcessStartupTimeout</c>: a worker that has not opened its stream by then is killed.</summary>
    public static readonly TimeSpan StartupWindow = TimeSpan.FromSeconds(60);

    private const string CorrelationHeader = "x-ms-invocation-id";
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _front;
    private readonly WorkerChannel _channel;
    private readonly ConcurrentQueue<Invocation> _invocations = new();
    private WorkerProcess? _worker;
    private Uri? _workerHttp;

    private GrpcTestHost(WebApplication front, WorkerChannel channel, IReadOnlyList<HostFunction> functions, Uri baseAddress)
    {
        _front = front;
        _channel = channel;
        Functions = functions;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(90) };
    }

    public IReadOnlyList<HostFunction> Functions { get; }

    /// <summary>The host's front door (what a client of the Functions app calls).</summary>
    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public WorkerProcess Worker => _worker ?? throw new InvalidOperationException("The worker is not started.");

    /// <summary>The functions the worker indexed itself, as it answers a functions-metadata request.</summary>
    public IReadOnlyList<RpcFunctionMetadata> WorkerIndexedFunctions { get; private set; } = [];

    /// <summary>
    /// The first invocation of a function the worker has answered: a client may read the proxied
    /// response a moment before the worker's invocation response arrives on the stream.
    /// </summary>
    public async Task<Invocation?> AnsweredInvocationAsync(string functionName, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var answered = _invocations.FirstOrDefault(i => i.FunctionName == functionName);
            if (answered is not null || DateTime.UtcNow > deadline)
            {
                return answered;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>
    /// Starts the host, launches the worker and waits until it has opened its stream; with
    /// <paramref name="initialise"/>, also initialises it and loads every function, as the host does next.
    /// Without it, a worker that stops before opening its stream (a start-up failure it reports at once)
    /// is handed back as it is, for the caller to read its exit.
    /// </summary>
    /// <param name="app">The worker to start; by default the one whose documents can live in memory (<see cref="WorkerApp.Standalone"/>).</param>
    public static async Task<GrpcTestHost> StartAsync(IReadOnlyDictionary<string, string?> appSettings, bool initialise = true, WorkerApp? app = null)
    {
        app ??= WorkerApp.Standalone;
        var appDirectory = app.Directory;
        var functions = HostFunction.ReadAll(appDirectory);
        var routePrefix = RoutePrefix(appDirectory);
        var grpcPort = Repository.FreePort();
        var frontPort = Repository.FreePort();
        var channel = new WorkerChannel();

        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, grpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, frontPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddGrpc(options => options.MaxReceiveMessageSize = null);
        builder.Services.AddSingleton(channel);
        builder.Services.AddHttpForwarder();
        var front = builder.Build();
        var host = new GrpcTestHost(front, channel, functions, new Uri($"http://127.0.0.1:{frontPort}/"));
        host.Map(routePrefix, frontPort);
        front.MapGrpcService<WorkerChannel>().RequireHost($"*:{grpcPort}");
        await front.StartAsync();

        try
        {
            host._worker = WorkerProcess.Start(app, new Uri($"http://127.0.0.1:{grpcPort}/"), appSettings);
            await host.WaitForStreamAsync(exitMayComeFirst: !initialise);
            if (initialise)
            {
                await host.InitialiseAsync(appDirectory);
            }
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Worker init, the worker's own indexing, then one load request per function of <c>functions.metadata</c>.</summary>
    private async Task InitialiseAsync(string appDirectory)
    {
        var init = new WorkerInitRequest
        {
            HostVersion = "4.1000.0 (SkillHub gRPC test host)",
            WorkerDirectory = appDirectory,
            FunctionAppDirectory = appDirectory,
        };
        var initialised = (await _channel.RequestAsync(new StreamingMessage { WorkerInitRequest = init }, AnswerTimeout)).WorkerInitResponse;
        EnsureSuccess(initialised.Result, "worker init");
        _workerHttp = initialised.Capabilities.TryGetValue("HttpUri", out var httpUri)
            ? new Uri(httpUri)
            : throw new InvalidOperationException("The worker did not report its HttpUri: the ASP.NET Core integration is not on.");

        var indexed = (await _channel.RequestAsync(new StreamingMessage { FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = appDirectory } }, AnswerTimeout)).FunctionMetadataResponse;
        EnsureSuccess(indexed.Result, "functions metadata");
        WorkerIndexedFunctions = [.. indexed.FunctionMetadataResults];

        foreach (var function in Functions)
        {
            var loaded = (await _channel.RequestAsync(new StreamingMessage { FunctionLoadRequest = function.ToLoadRequest(appDirectory) }, AnswerTimeout)).FunctionLoadResponse;
            EnsureSuccess(loaded.Result, $"loading {function.Name}");
        }
    }

    /// <summary>Waits until the worker's health check passes: under the host it prepares its databases after connecting.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var health = await Client.GetAsync("api/health");
            if (health.IsSuccessStatusCode)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The worker still answers {(int)health.StatusCode} after {timeout.TotalSeconds:0} s: {await health.Content.ReadAsStringAsync()}{Environment.NewLine}{Worker.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Invokes a timer function as the host does when its schedule fires, in the host's trace <paramref name="traceParent"/> if given.</summary>
    public async Task<InvocationResponse> InvokeTimerAsync(string functionName, string? traceParent = null)
    {
        var function = Functions.Single(f => f.Name == functionName);
        var timer = function.Timer ?? throw new InvalidOperationException($"{functionName} is not a timer function.");
        var now = DateTime.UtcNow;
        var info = JsonSerializer.Serialize(new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new { Last = now.AddMinutes(-5), Next = now.AddMinutes(5), LastUpdated = now.AddMinutes(-5) },
            IsPastDue = false,
        });
        var request = NewInvocation(function, traceParent);
        request.InputData.Add(new ParameterBinding { Name = timer.ParameterName, Data = new TypedData { Json = info } });
        return await InvokeAsync(function, request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_worker is not null)
        {
            if (!_worker.HasExited && _channel.Started.IsCompletedSuccessfully)
            {
                await _channel.SendAsync(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromSeconds(5)) } });
                await _worker.WaitForExitAsync(TimeSpan.FromSeconds(10));
            }

            await _worker.DisposeAsync();
        }

        await _front.StopAsync();
        await _front.DisposeAsync();
    }

    private static string RoutePrefix(string appDirectory)
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(appDirectory, "host.json")));
        return hostJson.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("http", out var http)
            && http.TryGetProperty("routePrefix", out var prefix)
            ? prefix.GetString() ?? "api"
            : "api";
    }

    private static void EnsureSuccess(StatusResult result, string step)
    {
        if (result.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException($"The worker failed {step}: {result.Exception?.Message} {result.Result}".TrimEnd());
        }
    }

    private static InvocationRequest NewInvocation(HostFunction function, string? traceParent = null) => new()
    {
        InvocationId = Guid.NewGuid().ToString(),
        FunctionId = function.Id,
        TraceContext = new RpcTraceContext { TraceParent = traceParent ?? $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01" },
    };

    private async Task WaitForStreamAsync(bool exitMayComeFirst)
    {
        var exited = Worker.WaitForExitAsync(StartupWindow);
        if (await Task.WhenAny(_channel.Started, exited) != _channel.Started)
        {
            if (await exited && exitMayComeFirst)
            {
                return;
            }

            throw Worker.HasExited
                ? new InvalidOperationException($"The worker stopped with exit code {Worker.ExitCode} before opening its event stream. It printed:{Environment.NewLine}{Worker.Output}")
                : new TimeoutException($"The worker did not open its event stream within the host's {StartupWindow.TotalSeconds:0} s; the host would kill it. Streams opened: {_channel.StreamsOpened}. It printed:{Environment.NewLine}{Worker.Output}");
        }

        if (await _channel.Started != Worker.WorkerId)
        {
            throw new InvalidOperationException("The worker announced another worker id than the one it was started with.");
        }
    }

    /// <summary>One endpoint per HTTP function at the host's front door; anything else gets the host's own empty 404, method included.</summary>
    private void Map(string routePrefix, int frontPort)
    {
        var forwarder = _front.Services.GetRequiredService<IHttpForwarder>();
        var invoker = new HttpMessageInvoker(new ConnectionRetry(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false }));
        var forwarding = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(240) };

        _front.UseRouting();
        _front.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort == frontPort && context.GetEndpoint()?.Metadata.GetMetadata<HostFunction>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });

        foreach (var function in Functions.Where(f => f.Http is not null))
        {
            var route = string.IsNullOrEmpty(routePrefix) ? function.Http!.Route : $"{routePrefix}/{function.Http!.Route}";
            _front.MapMethods(route, function.Http.Methods, context => ProxyAsync(context, function, forwarder, invoker, forwarding))
                .RequireHost($"*:{frontPort}")
                .WithMetadata(function);
        }
    }

    /// <summary>
    /// As the host's channel does: start forwarding the request to the worker, then send the
    /// invocation whose HTTP input is empty and whose trigger metadata holds the route values; the
    /// worker pairs the two by invocation id and answers the forwarded request itself.
    /// </summary>
    private async Task ProxyAsync(HttpContext context, HostFunction function, IHttpForwarder forwarder, HttpMessageInvoker invoker, ForwarderRequestConfig forwarding)
    {
        var request = NewInvocation(function);
        context.Request.Headers[CorrelationHeader] = request.InvocationId;
        var forwarded = forwarder.SendAsync(context, _workerHttp!.ToString(), invoker, forwarding).AsTask();

        request.InputData.Add(new ParameterBinding { Name = function.Http!.ParameterName, Data = new TypedData { Http = new RpcHttp() } });
        foreach (var (name, value) in context.Request.RouteValues)
        {
            request.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        }

        request.TriggerMetadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString())) };
        request.TriggerMetadata["Headers"] = new TypedData { Json = JsonSerializer.Serialize(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString())) };

        var answered = await InvokeAsync(function, request);
        var error = await forwarded;
        if ((error != ForwarderError.None || answered.Result.Status != StatusResult.Types.Status.Success) && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private async Task<InvocationResponse> InvokeAsync(HostFunction function, InvocationRequest request)
    {
        var answer = (await _channel.RequestAsync(new StreamingMessage { InvocationRequest = request }, AnswerTimeout)).InvocationResponse;
        _invocations.Enqueue(new Invocation(function.Name, request.InvocationId, answer.Result.Status));
        return answer;
    }

    /// <summary>The host retries a forward that could not connect (its RetryProxyHandler): the worker's Kestrel may still be starting.</summary>
    private sealed class ConnectionRetry(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    return await base.SendAsync(request, cancellationToken);
                }
                catch (HttpRequestException exception) when (exception.InnerException is System.Net.Sockets.SocketException && attempt < 10)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
                }
            }
        }
    }
}
