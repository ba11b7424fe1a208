using MongoDB.Driver;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Telemetry;

/// <summary>
/// The driver's own spans (MongoDB.Driver 3.7 and later trace through an ActivitySource) under our
/// document-store span, on a live server: runs when SKILLHUB_TEST_MONGODB names one, skipped otherwise.
/// </summary>
[RequiresMongoServer]
public sealed class MongoTracingLiveTests(MongoTestDatabase mongo) : IClassFixture<MongoTestDatabase>
{
    [MongoFact]
    public async Task AStoreOperation_HasTheDriversCommandSpansUnderIt_WithTheConventionsAttributes_AndNoCommandText()
    {
        using var listened = new ListenedSpans(SkillHubTelemetry.Name, MongoTelemetry.ActivitySourceName);
        var spans = listened.Stopped;
        var store = DocumentSpans.Around<IRegistrationStore>(
            new MongoRegistrationStore(mongo.Database), MongoRegistrationStore.CollectionName, new DocumentStoreSpans(DocumentStoreSpans.MongoDb, mongo.Name));
        var userId = Guid.NewGuid();

        Assert.Null(await store.FindAsync(Guid.NewGuid(), userId, CancellationToken.None));

        var ours = Assert.Single(spans, span => span.DisplayName == "Find registrations" && span.GetTagItem("db.namespace") as string == mongo.Name);
        var commands = spans.Where(span => span.Source.Name == MongoTelemetry.ActivitySourceName && span.TraceId == ours.TraceId).ToList();
        Assert.NotEmpty(commands);
        Assert.All(commands, span =>
        {
            Assert.Equal("mongodb", Spans.Tag(span, "db.system.name"));
            Assert.Equal(mongo.Name, Spans.Tag(span, "db.namespace"));
            Assert.Null(span.GetTagItem("db.query.text"));
            Assert.DoesNotContain(span.TagObjects, tag => (tag.Value?.ToString() ?? "").Contains(userId.ToString(), StringComparison.OrdinalIgnoreCase));
        });
        Assert.Contains(commands, span => Spans.Tag(span, "db.collection.name") == MongoRegistrationStore.CollectionName);
    }
}
