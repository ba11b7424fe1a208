using SkillHub.Functions.Demo;
using SkillHub.Functions.Tests.Artefacts.RequestsHttp;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Support.GrpcHost;

namespace SkillHub.Functions.Tests.Worker;

/// <summary>The README's walk-through, requests.http, replayed on the worker behind the gRPC test host, over the demo data.</summary>
public sealed class RequestsHttpWorkerTests(RequestsHttpWorkerTests.DemoWorker worker) : IClassFixture<RequestsHttpWorkerTests.DemoWorker>
{
    public sealed class DemoWorker : WorkerHostFixture
    {
        public override IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>(base.AppSettings)
        {
            [DemoData.Setting.Replace(":", "__", StringComparison.Ordinal)] = Repository.DemoDataset,
        };
    }

    [Fact]
    public Task TheRequests_SentInOrderThroughTheHost_GetTheAnnouncedStatuses_AndDocumentedAnswers() =>
        RequestsHttpTests.ReplayAsync(worker.Host.BaseAddress);
}
