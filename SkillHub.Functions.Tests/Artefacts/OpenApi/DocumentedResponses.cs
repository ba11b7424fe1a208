using System.Collections.Concurrent;
using System.Text.Json;
using SkillHub.Functions.Tests.Support;
using YamlDotNet.RepresentationModel;
using static SkillHub.Functions.Tests.Artefacts.OpenApi.OpenApiSpec;

namespace SkillHub.Functions.Tests.Artefacts.OpenApi;

/// <summary>
/// Sits between a test's HttpClient and the app and checks every answer against the document:
/// the operation is documented, so is the status, the media type is the documented one, and the
/// body fits the documented schema (every property answered is documented, every required one is
/// there). Tests read <see cref="Violations"/> and <see cref="Checked"/> when their scenario is done.
/// </summary>
internal sealed class DocumentedResponses : DelegatingHandler
{
    /// <summary>The response headers the document promises where they are answered, and only there.</summary>
    private static readonly string[] CheckedHeaders = ["ETag", "Location", "Retry-After"];

    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<(string OperationId, int Status)> _checked = new();

    public DocumentedResponses()
        : base(new HttpClientHandler())
    {
    }

    public IReadOnlyList<string> Violations => [.. _violations];

    /// <summary>Every operation answered, with the status it answered.</summary>
    public IReadOnlyList<(string OperationId, int Status)> Checked => [.. _checked];

    /// <summary>A client for <paramref name="app"/> whose answers this handler checks.</summary>
    public HttpClient ClientFor(AppFixture app, string? accessToken = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        return ClientFor(app.BaseAddress, accessToken);
    }

    /// <summary>A client for the app at <paramref name="baseAddress"/> whose answers this handler checks.</summary>
    public HttpClient ClientFor(Uri baseAddress, string? accessToken = null)
    {
        var client = new HttpClient(this, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>Fails unless every answer so far fitted the document and each operation named was answered with a 2xx at least once.</summary>
    public void AssertDocumented(params string[] operationIds)
    {
        Assert.True(_violations.IsEmpty, "Answers that disagree with openapi.yaml:" + Environment.NewLine + string.Join(Environment.NewLine, _violations));
        var succeeded = Checked.Where(c => c.Status is >= 200 and < 300).Select(c => c.OperationId).ToHashSet(StringComparer.Ordinal);
        var missing = operationIds.Where(id => !succeeded.Contains(id)).ToList();
        Assert.True(missing.Count == 0, "No successful answer was checked for: " + Describe(missing));
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (Find(request.Method.Method, request.RequestUri!.AbsolutePath)?.OperationId is { } operationId)
        {
            _checked.Enqueue((operationId, (int)response.StatusCode));
        }

        foreach (var violation in Check(request.Method.Method, request.RequestUri.AbsolutePath, response, body))
        {
            _violations.Enqueue($"{request.Method} {request.RequestUri.PathAndQuery} -> {(int)response.StatusCode}: {violation}");
        }

        return response;
    }

    /// <summary>How an answer disagrees with the document (nothing when it agrees).</summary>
    public static IEnumerable<string> Check(string method, string path, HttpResponseMessage response, string body)
    {
        ArgumentNullException.ThrowIfNull(response);
        var operation = Find(method, path);
        if (operation is null)
        {
            yield return "no documented operation";
            yield break;
        }

        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses.TryGetValue(status, out var documented))
        {
            yield return $"{operation.OperationId} does not document {status} ({Shorten(body)})";
            yield break;
        }

        foreach (var header in CheckedHeaders)
        {
            var answered = response.Headers.Contains(header);
            var declared = Child(documented, "headers") is YamlMappingNode headers && Child(headers, header) is not null;
            if (answered != declared)
            {
                yield return $"{operation.OperationId} {status}: the {header} header is {(answered ? "answered" : "not answered")} but {(declared ? "documented" : "not documented")}";
            }
        }

        if (Child(documented, "content") is not YamlMappingNode content)
        {
            if (body.Length > 0)
            {
                yield return $"{operation.OperationId} documents no content for {status}, but the answer has a body";
            }

            yield break;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || Child(content, mediaType) is not YamlMappingNode media)
        {
            yield return $"{operation.OperationId} {status} is {mediaType ?? "(no content type)"}, documented as {Describe(content.Children.Keys.Select(k => ((YamlScalarNode)k).Value!))}";
            yield break;
        }

        if (!mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            yield break;
        }

        if (Child(media, "schema") is not YamlMappingNode schema)
        {
            yield return $"{operation.OperationId} {status} {mediaType} has no schema";
            yield break;
        }

        JsonElement json;
        string? unparsable = null;
        try
        {
            json = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException exception)
        {
            json = default;
            unparsable = exception.Message;
        }

        if (unparsable is not null)
        {
            yield return $"the body is not JSON: {unparsable}";
            yield break;
        }

        foreach (var violation in DocumentedSchema.Violations(schema, json))
        {
            yield return $"{operation.OperationId} {status}: {violation}";
        }
    }

    private static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + "…";
}
