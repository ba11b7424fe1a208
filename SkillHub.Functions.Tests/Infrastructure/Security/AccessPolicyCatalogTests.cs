using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Security;

public sealed class AccessPolicyCatalogTests
{
    private readonly AccessPolicyCatalog _catalog = new();

    [Fact]
    public void For_Login_IsAnonymous()
    {
        var policy = _catalog.For("SkillHub.Functions.Auth.AuthFunctions.Login");

        Assert.Equal(AccessPolicy.Anonymous, policy);
    }

    [Fact]
    public void For_GetMe_RequiresACallerOfAnyRole()
    {
        var policy = _catalog.For("SkillHub.Functions.Users.UserFunctions.GetMe");

        Assert.True(policy.RequiresCaller);
        Assert.Empty(policy.Roles);
    }

    [Theory]
    [InlineData("SkillHub.Functions.Users.UserFunctions.ListUsers")]
    [InlineData("SkillHub.Functions.Users.UserFunctions.CreateUser")]
    [InlineData("SkillHub.Functions.Users.UserFunctions.UpdateUser")]
    public void For_UserManagement_AdmitsAdminsOnly(string entryPoint)
    {
        var policy = _catalog.For(entryPoint);

        Assert.True(policy.RequiresCaller);
        Assert.True(policy.Admits(Roles.Admin));
        Assert.False(policy.Admits(Roles.Trainer));
        Assert.False(policy.Admits(Roles.Participant));
    }

    [Theory]
    [InlineData("SkillHub.Functions.Auth.AuthFunctions.Register")]
    [InlineData("SkillHub.Functions.Auth.AuthFunctions.Refresh")]
    public void For_RegisterAndRefresh_AreAnonymous(string entryPoint)
    {
        Assert.Equal(AccessPolicy.Anonymous, _catalog.For(entryPoint));
    }

    [Fact]
    public void For_Logout_RequiresACaller()
    {
        Assert.True(_catalog.For("SkillHub.Functions.Auth.AuthFunctions.Logout").RequiresCaller);
    }

    [Fact]
    public void For_ACallerOptionalMethod_ReadsATokenWithoutRequiringOne()
    {
        var catalog = new AccessPolicyCatalog(typeof(GateTargets).Assembly);

        Assert.Equal(AccessPolicy.Optional, catalog.For(GateTargets.OptionalCaller));
    }

    [Theory]
    [InlineData("SkillHub.Functions.Auth.AuthFunctions.NoSuchMethod")]
    [InlineData("SkillHub.Functions.NoSuchClass.Login")]
    [InlineData("Login")]
    [InlineData("")]
    public void For_AnUnknownEntryPoint_Throws(string entryPoint)
    {
        Assert.Throws<InvalidOperationException>(() => _catalog.For(entryPoint));
    }

    [Fact]
    public void For_AMethodWithoutAccessAttribute_Throws()
    {
        var catalog = new AccessPolicyCatalog(typeof(GateTargets).Assembly);

        Assert.Throws<InvalidOperationException>(() => catalog.For(GateTargets.NoAttribute));
    }
}
