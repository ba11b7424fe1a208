using System.Security.Cryptography;
using System.Text;
using Dapper;
using Microsoft.Extensions.Time.Testing;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Auth;

public sealed class RefreshTokenStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private readonly RefreshTokenStore _store = new(database.DataSource, TimeProvider.System);

    [Fact]
    public async Task Rotate_AFreshToken_NamesItsOwnerAndGivesASuccessorThatWorks()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var family = Guid.NewGuid();
        var first = await _store.IssueAsync(user.Id, family, Lifetime, CancellationToken.None);

        var rotated = await _store.RotateAsync(first, Lifetime, CancellationToken.None);

        Assert.NotNull(rotated);
        Assert.Equal(new SpentRefreshToken(family, user.Id, Roles.Participant, false), rotated.Value.Owner);
        Assert.NotEqual(first, rotated.Value.Successor);
        Assert.NotNull(await _store.RotateAsync(rotated.Value.Successor, Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_ATokenAlreadySpent_ReturnsNull()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var first = await _store.IssueAsync(user.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);
        Assert.NotNull(await _store.RotateAsync(first, Lifetime, CancellationToken.None));

        var replayed = await _store.RotateAsync(first, Lifetime, CancellationToken.None);

        Assert.Null(replayed);
    }

    [Fact]
    public async Task Rotate_ATokenAlreadySpent_RevokesItsSuccessorToo()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var first = await _store.IssueAsync(user.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);
        var successor = (await _store.RotateAsync(first, Lifetime, CancellationToken.None))!.Value.Successor;

        await _store.RotateAsync(first, Lifetime, CancellationToken.None);

        Assert.Null(await _store.RotateAsync(successor, Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_ATokenAlreadySpent_LeavesTheUsersOtherSessionsAlone()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var stolen = await _store.IssueAsync(user.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);
        var otherDevice = await _store.IssueAsync(user.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);
        await _store.RotateAsync(stolen, Lifetime, CancellationToken.None);

        await _store.RotateAsync(stolen, Lifetime, CancellationToken.None);

        Assert.NotNull(await _store.RotateAsync(otherDevice, Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_AnExpiredToken_IsRefused()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var twoDaysAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-2));
        var token = await new RefreshTokenStore(database.DataSource, twoDaysAgo).IssueAsync(user.Id, Guid.NewGuid(), TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Null(await _store.RotateAsync(token, Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_ATokenOfADisabledUser_IsRefused()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant, disabled: true);
        var token = await _store.IssueAsync(user.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);

        Assert.Null(await _store.RotateAsync(token, Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task Rotate_AnUnknownToken_IsRefused()
    {
        Assert.Null(await _store.RotateAsync(RefreshTokenStore.NewToken(), Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task EndSession_OfTheOwnersToken_RevokesEveryTokenOfTheFamily()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var first = await _store.IssueAsync(user.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);
        var successor = (await _store.RotateAsync(first, Lifetime, CancellationToken.None))!.Value.Successor;

        await _store.EndSessionAsync(user.Id, Guid.NewGuid(), first, CancellationToken.None);

        Assert.Null(await _store.RotateAsync(successor, Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task EndSession_WithAnotherUsersToken_LeavesThatTokenUsable()
    {
        var owner = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var someoneElse = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);
        var token = await _store.IssueAsync(owner.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);

        await _store.EndSessionAsync(someoneElse.Id, Guid.NewGuid(), token, CancellationToken.None);

        Assert.NotNull(await _store.RotateAsync(token, Lifetime, CancellationToken.None));
    }

    [Fact]
    public async Task Issue_StoresOnlyTheSha256OfTheToken()
    {
        var user = await StoredUsers.InsertAsync(database.DataSource, Roles.Participant);

        var token = await _store.IssueAsync(user.Id, Guid.NewGuid(), Lifetime, CancellationToken.None);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var hashes = (await connection.QueryAsync<byte[]>("SELECT token_hash FROM refresh_tokens WHERE user_id = @id", new { id = user.Id })).ToList();
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(token)), Assert.Single(hashes));
        var rowsShowingTheToken = await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM refresh_tokens t WHERE strpos(t::text, @token) > 0 OR strpos(encode(t.token_hash, 'escape'), @token) > 0",
            new { token });
        Assert.Equal(0, rowsShowingTheToken);
    }

    [Fact]
    public void NewToken_Is32RandomBytesInBase64Url()
    {
        var token = RefreshTokenStore.NewToken();

        Assert.Equal(43, token.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotEqual(token, RefreshTokenStore.NewToken());
    }
}
