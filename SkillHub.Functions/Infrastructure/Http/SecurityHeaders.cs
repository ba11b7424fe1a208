using Microsoft.AspNetCore.Http;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>The headers every answer of a function carries, whatever it answers: refusals and problems too.</summary>
public sealed class SecurityHeaders : IFunctionFilter
{
    public Task<IResult?> InvokeAsync(FunctionCall invocation, Func<Task<IResult?>> proceed)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(proceed);
        var headers = invocation.Http.Response.Headers;
        // JSON bodies carry user text (comments, names) verbatim: never let a browser sniff them as HTML.
        headers.XContentTypeOptions = "nosniff";
        // Answers carry tokens, e-mail addresses, registrations or what this caller may see: no
        // browser, proxy or shared cache keeps a copy.
        headers.CacheControl = "no-store";
        // Links in user text lead elsewhere: the API's addresses (ids, feed tokens) never go with them.
        headers["Referrer-Policy"] = "no-referrer";
        return proceed();
    }
}
