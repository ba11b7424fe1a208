using System.Text.Json;
using static SkillHub.Functions.Tests.Artefacts.OpenApi.OpenApiSpec;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>The checker the live tests rely on finds what it must: it would be no guard if it passed everything.</summary>
public sealed class DocumentedSchemaTests
{
    private const string Comment = """
        {"id":"0193a0a0-0000-7000-8000-000000000001","workshopId":"0193a0a0-0000-7000-8000-000000000002",
         "author":{"id":"0193a0a0-0000-7000-8000-000000000003","displayName":"Ada"},
         "body":"Bien.","rating":null,"createdAt":"2026-12-01T13:05:00.123Z","updatedAt":"2026-12-01T13:05:00Z"}
        """;

    [Fact]
    public void ADocumentedAnswer_HasNoViolation()
    {
        Assert.Empty(DocumentedSchema.Violations(Schema("Comment"), Parse(Comment)));
    }

    [Theory]
    [InlineData("\"rating\":null,", "", "$.rating is required by the document but missing")]
    [InlineData("\"rating\":null", "\"rating\":null,\"hidden\":true", "$.hidden is answered but not documented")]
    [InlineData("\"rating\":null", "\"rating\":\"5\"", "$.rating is \"5\", not an integer")]
    [InlineData("\"rating\":null", "\"rating\":9", "$.rating is 9, outside the documented bounds")]
    [InlineData("\"displayName\":\"Ada\"", "\"displayName\":null", "$.author.displayName is null, which its schema does not allow")]
    [InlineData("\"2026-12-01T13:05:00Z\"", "\"1 December 2026\"", "$.updatedAt is \"1 December 2026\", not a date-time")]
    [InlineData("\"id\":\"0193a0a0-0000-7000-8000-000000000001\"", "\"id\":\"42\"", "$.id is \"42\", not a uuid")]
    public void AnAnswerThatDrifted_IsReported(string original, string drifted, string violation)
    {
        var json = Parse(Comment.Replace(original, drifted, StringComparison.Ordinal));

        Assert.Contains(violation, DocumentedSchema.Violations(Schema("Comment"), json));
    }

    [Fact]
    public void AnEnumValueOutsideTheDocumentedOnes_AndANullableReference_AreCheckedThroughRefAndAllOf()
    {
        var entry = Parse("""
            {"id":"0193a0a0-0000-7000-8000-000000000001","at":"2026-12-01T13:05:00Z","actor":{"id":"0193a0a0-0000-7000-8000-000000000003","role":"owner"},
             "action":"workshop.publish","target":{"type":"workshop","id":null},"ip":null,"traceId":null,"details":{"status":200}}
            """);

        var violations = DocumentedSchema.Violations(Schema("ActivityEntry"), entry);

        Assert.Contains("$.actor.role is \"owner\", not one of [admin, trainer, participant]", violations);
        Assert.Contains("$.details.status is Number, not a string", violations);
        Assert.Equal(2, violations.Count);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
