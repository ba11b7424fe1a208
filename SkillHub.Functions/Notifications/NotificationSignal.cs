using System.Threading.Channels;

namespace SkillHub.Functions.Notifications;

/// <summary>
/// Wakes the sender when a message was written, for the immediate pass after a request. Wakes that
/// come while a pass is waiting to start make one pass; a missed wake costs only the timer's delay.
/// </summary>
public sealed class NotificationSignal
{
    private readonly Channel<bool> _wakes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _wakes.Writer.TryWrite(true);

    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _wakes.Reader.WaitToReadAsync(cancellationToken);

    public void Consume() => _wakes.Reader.TryRead(out _);
}
