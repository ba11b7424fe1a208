namespace SkillHub.Functions.Infrastructure.Hosting;

/// <summary>
/// Whether the databases are prepared (<see cref="Sql.DatabasePreparation"/>), and if not, what start-up is
/// waiting for. The gate, the health check and the timers read it; only the preparation writes it.
/// </summary>
public sealed class StartupReadiness
{
    private volatile State _state = new("starting", Ready: false, Failure: null);

    public bool IsReady => _state.Ready;

    /// <summary>What start-up does or waits for now, e.g. "waiting for PostgreSQL (attempt 4): ConnectionRefused"; "ready" once done.</summary>
    public string Status => _state.Status;

    /// <summary>Why start-up gave up, once it has (the process then stops with exit code 1); null otherwise.</summary>
    public string? Failure => _state.Failure;

    internal void Report(string status) => _state = new(status, Ready: false, Failure: null);

    internal void MarkReady() => _state = new("ready", Ready: true, Failure: null);

    internal void MarkFailed(string failure) => _state = new("failed", Ready: false, Failure: failure);

    private sealed record State(string Status, bool Ready, string? Failure);
}

/// <summary>A function that answers while start-up is still preparing the databases: the health check, which says so, and the OpenAPI document, which needs none.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ServesWhileStartingAttribute : Attribute;
