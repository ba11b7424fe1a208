using Microsoft.AspNetCore.Http;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>The headers every answer of a function carries, whatever it answers.</summary>
public static class SecurityHeaders
{
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        // JSON bodies carry user text (comments, names) verbatim: never let a browser sniff them as HTML.
        response.Headers.XContentTypeOptions = "nosniff";
        // Answers carry tokens, e-mail addresses, registrations or what this caller may see: no
        // browser, proxy or shared cache keeps a copy.
        response.Headers.CacheControl = "no-store";
        // Links in user text lead elsewhere: the API's addresses (ids, feed tokens) never go with them.
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
