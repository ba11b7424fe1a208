using System.Collections.Concurrent;
using System.Threading.Channels;
using Grpc.Core;
using SkillHub.Functions.Tests.Support.GrpcHost.Protocol;

namespace SkillHub.Functions.Tests.Support.GrpcHost;

/// <summary>
/// The host's end of the worker's event stream: the worker dials in and opens one bidirectional
/// stream, says who it is (<c>StartStream</c>), then answers each request the host sends with a
/// message carrying the same request id; it sends its logs on the same stream whenever it likes.
/// </summary>
public sealed class WorkerChannel : FunctionRpc.FunctionRpcBase
{
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<StreamingMessage>> _pending = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource<string> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The worker id the worker announced when it opened its stream.</summary>
    public Task<string> Started => _started.Task;

    private int _streamsOpened;

    /// <summary>How many event streams the worker opened (one, unless it restarted its connection).</summary>
    public int StreamsOpened => _streamsOpened;

    public override async Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
    {
        Interlocked.Increment(ref _streamsOpened);
        ArgumentNullException.ThrowIfNull(requestStream);
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var writing = WriteAsync(responseStream, stop.Token);
        try
        {
            await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
            {
                Receive(message);
            }
        }
        catch (IOException)
        {
            // The worker process went away mid-stream, as a killed worker does.
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            await stop.CancelAsync();
            await writing;
            foreach (var waiting in _pending.Values)
            {
                waiting.TrySetException(new InvalidOperationException("The worker closed its event stream before answering."));
            }
        }
    }

    /// <summary>Sends a request and waits for the worker's answer to it (the message with the same request id).</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage request, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.RequestId = Guid.NewGuid().ToString();
        var answer = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[request.RequestId] = answer;
        try
        {
            await _outbound.Writer.WriteAsync(request);
            return await answer.Task.WaitAsync(timeout);
        }
        finally
        {
            _pending.TryRemove(request.RequestId, out _);
        }
    }

    /// <summary>Sends a message the worker does not answer (worker terminate).</summary>
    public ValueTask SendAsync(StreamingMessage message) => _outbound.Writer.WriteAsync(message);

    private void Receive(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                _started.TrySetResult(message.StartStream.WorkerId);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                // A log answers no request; the tests read what the worker prints instead.
                break;
            default:
                if (_pending.TryGetValue(message.RequestId, out var waiting))
                {
                    waiting.TrySetResult(message);
                }

                break;
        }
    }

    private async Task WriteAsync(IServerStreamWriter<StreamingMessage> responseStream, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(cancellationToken))
            {
                await responseStream.WriteAsync(message, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (InvalidOperationException)
        {
            // The call has completed: nothing more can be written to it.
        }
    }
}
