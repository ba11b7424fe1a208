using SkillHub.Functions.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Http;

public sealed class AddressKeyTests
{
    [Fact]
    public void Of_TwoIpv6AddressesOfOneSlash64_IsOneKey()
    {
        Assert.Equal(AddressKey.Of("2001:db8:1:2::7"), AddressKey.Of("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        Assert.Equal("2001:db8:1:2::/64", AddressKey.Of("2001:db8:1:2:abcd::1"));
    }

    [Fact]
    public void Of_Ipv6AddressesOfTwoSlash64s_AreTwoKeys()
    {
        Assert.NotEqual(AddressKey.Of("2001:db8:1:2::7"), AddressKey.Of("2001:db8:1:3::7"));
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("unknown")]
    public void Of_AnIpv4AddressOrNoAddress_IsItself(string address)
    {
        Assert.Equal(address, AddressKey.Of(address));
    }

    [Fact]
    public void Of_TwoIpv4AddressesOfOneNetwork_AreTwoKeys()
    {
        Assert.NotEqual(AddressKey.Of("203.0.113.7"), AddressKey.Of("203.0.113.8"));
    }
}
