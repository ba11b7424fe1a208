using System.Net;
using System.Net.Sockets;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// The client address as throttles count it. One subscriber holds a whole IPv6 /64 (and can pick
/// any address in it), so IPv6 addresses are counted per /64; an IPv4 address is one key. The
/// activity log keeps the real address (<see cref="ClientAddress"/>), never this key.
/// </summary>
public static class AddressKey
{
    private const int Ipv6PrefixBytes = 8;

    public static string Of(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!IPAddress.TryParse(address, out var parsed) || parsed.AddressFamily != AddressFamily.InterNetworkV6 || parsed.IsIPv4MappedToIPv6)
        {
            return address;
        }

        var bytes = parsed.GetAddressBytes();
        Array.Clear(bytes, Ipv6PrefixBytes, bytes.Length - Ipv6PrefixBytes);
        return $"{new IPAddress(bytes)}/64";
    }
}
