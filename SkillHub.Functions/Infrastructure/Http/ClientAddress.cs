using System.Net;
using Microsoft.AspNetCore.Http;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// Where a request comes from, for throttling and the activity log. Behind the Functions host (or
/// another proxy named trusted by <c>SkillHub__TrustForwardedFor</c>) the socket peer is the proxy,
/// so the address the proxy appended last to X-Forwarded-For is used; a client can forge the
/// entries before it, never that one.
/// </summary>
public sealed class ClientAddress(bool trustForwardedFor)
{
    public const string Setting = "SkillHub:TrustForwardedFor";

    public string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (trustForwardedFor && request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var last = forwarded.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
            if (last is not null && IPAddress.TryParse(StripPort(last), out var address))
            {
                return Normalize(address);
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress is { } remote ? Normalize(remote) : "unknown";
    }

    // "203.0.113.7:51234", "[2001:db8::7]:51234", "[2001:db8::7]" and bare addresses, as proxies write them.
    private static string StripPort(string value)
    {
        if (value.StartsWith('['))
        {
            var end = value.IndexOf(']', StringComparison.Ordinal);
            return end > 1 ? value[1..end] : value;
        }

        return value.Count(c => c == ':') == 1 ? value[..value.IndexOf(':', StringComparison.Ordinal)] : value;
    }

    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
}
