using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using SkillHub.Functions.Infrastructure.Hosting;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace SkillHub.Functions.OpenApi;

/// <summary>
/// The interactive reference of openapi.yaml at <c>/api/docs</c>: Swagger UI, its files read from the
/// Swashbuckle.AspNetCore.SwaggerUI assembly (upgrading the package upgrades the page), started by a
/// script of ours. Every file comes from this app: the page asks no other origin for anything.
/// </summary>
public sealed class ApiDocsFunction
{
    /// <summary>Only this app's own files, no inline script or style, no frame around the page, no form posted elsewhere.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    [Function("ApiDocs")]
    [Anonymous]
    [ServesWhileStarting]
    public FileContentHttpResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Serve(request, ApiDocsFiles.Page);
    }

    [Function("ApiDocsAsset")]
    [Anonymous]
    [ServesWhileStarting]
    public Results<FileContentHttpResult, ProblemResult> Asset(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "docs/{asset}")] HttpRequest request,
        string asset) =>
        ApiDocsFiles.Assets.TryGetValue(asset, out var file)
            ? Serve(request, file)
            : Problems.NotFound($"The API reference has no file named '{asset}'.");

    private static FileContentHttpResult Serve(HttpRequest request, ApiDocsFile file)
    {
        var headers = request.HttpContext.Response.Headers;
        // Unlike the API's answers (SecurityHeaders: no-store), nothing here is the caller's: a browser may
        // keep these files, but asks again with their ETag (a 304 then), since the package's file names carry
        // no version and an upgrade must show at once.
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(file.Content, file.ContentType, entityTag: file.ETag);
    }
}

/// <summary>One file of the reference, as it is answered.</summary>
internal sealed record ApiDocsFile(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

/// <summary>The page, its start-up script and the files of the package, read once from the assemblies.</summary>
internal static class ApiDocsFiles
{
    /// <summary>Where Swashbuckle embeds the files of the swagger-ui-dist npm package.</summary>
    private const string PackagePrefix = "Swashbuckle.AspNetCore.SwaggerUI.node_modules.swagger_ui_dist.";

    private const string StartScript = "skillhub-docs.js";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private static readonly Lazy<ApiDocsFile> PageFile = new(() => Read(typeof(ApiDocsFunction).Assembly, "api-docs.html", "index.html"));

    private static readonly Lazy<IReadOnlyDictionary<string, ApiDocsFile>> AssetFiles = new(() =>
    {
        var package = typeof(SwaggerUIOptions).Assembly;
        var files = package.GetManifestResourceNames()
            .Where(name => name.StartsWith(PackagePrefix, StringComparison.Ordinal))
            .ToDictionary(name => name[PackagePrefix.Length..], name => Read(package, name, name[PackagePrefix.Length..]), StringComparer.Ordinal);
        files[StartScript] = Read(typeof(ApiDocsFunction).Assembly, "api-docs.js", StartScript);
        return files;
    });

    public static ApiDocsFile Page => PageFile.Value;

    /// <summary>By the name the page asks for: only names the package ships, and the start-up script.</summary>
    public static IReadOnlyDictionary<string, ApiDocsFile> Assets => AssetFiles.Value;

    private static ApiDocsFile Read(Assembly assembly, string resource, string fileName)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The {resource} resource is missing from {assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = Decompressed(copy.ToArray());
        var type = ContentTypes.TryGetContentType(fileName, out var known) ? known : "application/octet-stream";
        var contentType = type.StartsWith("text/", StringComparison.Ordinal) ? type + "; charset=utf-8" : type;
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..20]}\"");
        return new ApiDocsFile(content, contentType, etag);
    }

    /// <summary>Swashbuckle embeds its files gzipped (and unzips them as it serves them): so do we, once.</summary>
    private static byte[] Decompressed(byte[] content)
    {
        if (content is not [0x1f, 0x8b, ..])
        {
            return content;
        }

        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }
}
