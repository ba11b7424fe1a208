using System.Net;
using Microsoft.AspNetCore.Http;
using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

public sealed class ClientAddressTests
{
    private const string Peer = "10.1.2.3";

    [Fact]
    public void Of_WhenForwardedForIsNotTrusted_IsTheSocketPeer()
    {
        var request = Request("203.0.113.7");

        Assert.Equal(Peer, new ClientAddress(trustForwardedFor: false).Of(request));
    }

    [Fact]
    public void Of_WhenForwardedForIsTrusted_IsItsLastEntry()
    {
        var request = Request("198.51.100.1, 192.0.2.44, 203.0.113.7");

        Assert.Equal("203.0.113.7", new ClientAddress(trustForwardedFor: true).Of(request));
    }

    [Fact]
    public void Of_WhenForwardedForIsTrusted_IgnoresAPortAfterTheAddress()
    {
        var request = Request("198.51.100.1, 203.0.113.7:51234");

        Assert.Equal("203.0.113.7", new ClientAddress(trustForwardedFor: true).Of(request));
    }

    [Fact]
    public void Of_WhenForwardedForIsTrusted_ReadsABareIpv6Address()
    {
        var request = Request("2001:db8::7");

        Assert.Equal("2001:db8::7", new ClientAddress(trustForwardedFor: true).Of(request));
    }

    [Fact]
    public void Of_WhenForwardedForIsTrusted_ReadsABracketedIpv6AddressWithAPort()
    {
        var request = Request("[2001:db8::7]:51234");

        Assert.Equal("2001:db8::7", new ClientAddress(trustForwardedFor: true).Of(request));
    }

    [Fact]
    public void Of_WhenTheLastForwardedEntryIsNotAnAddress_IsTheSocketPeer()
    {
        var request = Request("203.0.113.7, not-an-address");

        Assert.Equal(Peer, new ClientAddress(trustForwardedFor: true).Of(request));
    }

    [Fact]
    public void Of_AnIpv4MappedPeer_IsWrittenAsIpv4()
    {
        var request = Request(forwardedFor: null, peer: IPAddress.Parse(Peer).MapToIPv6());

        Assert.Equal(Peer, new ClientAddress(trustForwardedFor: false).Of(request));
    }

    [Fact]
    public void Of_WithoutAPeerAddress_IsUnknown()
    {
        var http = new DefaultHttpContext();

        Assert.Equal("unknown", new ClientAddress(trustForwardedFor: true).Of(http.Request));
    }

    private static HttpRequest Request(string? forwardedFor, IPAddress? peer = null)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = peer ?? IPAddress.Parse(Peer);
        if (forwardedFor is not null)
        {
            http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }

        return http.Request;
    }
}
