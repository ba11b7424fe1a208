using System.Text;
using Microsoft.AspNetCore.Http;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Json;
using SkillHub.Functions.Users;
using SkillHub.Functions.Tests.Infrastructure.Http;

namespace SkillHub.Functions.Tests.Infrastructure.Json;

public sealed class JsonBodyTests
{
    private const string Login = """{"email":"ann@example.test","password":"correct horse battery staple"}""";

    [Fact]
    public async Task Read_AWellFormedObject_GivesTheValue()
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request(Login), CancellationToken.None);

        Assert.True(body.IsValid);
        Assert.Equal(new LoginRequest("ann@example.test", "correct horse battery staple"), body.Value);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/merge-patch+json")]
    public async Task Read_WithAnotherJsonContentType_GivesTheValue(string contentType)
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request(Login, contentType), CancellationToken.None);

        Assert.True(body.IsValid);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Read_WithANonJsonContentType_Answers415(string contentType)
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request(Login, contentType), CancellationToken.None);

        (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(415);
    }

    [Fact]
    public async Task Read_WithoutAContentType_Answers415()
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request(Login, contentType: null), CancellationToken.None);

        (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(415);
    }

    [Fact]
    public async Task Read_WithAContentLengthOverOneMebibyte_Answers413()
    {
        var request = Request(Login);
        request.ContentLength = JsonBody.MaxBytes + 1;

        var body = await JsonBody.ReadAsync<LoginRequest>(request, CancellationToken.None);

        (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(413);
    }

    [Fact]
    public async Task Read_AChunkedBodyOverOneMebibyte_Answers413()
    {
        var json = $$"""{"email":"ann@example.test","password":"{{new string('x', JsonBody.MaxBytes)}}"}""";
        var request = Request(json);
        request.ContentLength = null;

        var body = await JsonBody.ReadAsync<LoginRequest>(request, CancellationToken.None);

        (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(413);
    }

    [Fact]
    public async Task Read_ABodyOfExactlyOneMebibyte_IsRead()
    {
        var prefix = """{"email":"ann@example.test","password":" """.TrimEnd();
        var json = prefix + new string('x', JsonBody.MaxBytes - prefix.Length - 2) + "\"}";
        Assert.Equal(JsonBody.MaxBytes, Encoding.UTF8.GetByteCount(json));
        var request = Request(json);
        request.ContentLength = null;

        var body = await JsonBody.ReadAsync<LoginRequest>(request, CancellationToken.None);

        Assert.True(body.IsValid);
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{'email':'ann@example.test'}")]
    public async Task Read_MalformedJson_Answers400(string json)
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request(json), CancellationToken.None);

        (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(400);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"email\":\"ann@example.test\"}]")]
    [InlineData("\"ann@example.test\"")]
    [InlineData("null")]
    public async Task Read_JsonThatIsNotAnObject_Answers400(string json)
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request(json), CancellationToken.None);

        (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(400);
    }

    [Fact]
    public async Task Read_UnknownProperties_Answers422NamingEachOfThem()
    {
        var json = """{"email":"ann@example.test","password":"correct horse battery staple","role":"admin","Id":"x"}""";

        var body = await JsonBody.ReadAsync<RegisterRequest>(Request(json), CancellationToken.None);

        var problem = (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(422);
        var errors = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["Id", "role"], errors);
    }

    [Fact]
    public async Task Read_APropertyInAnotherCase_IsAnUnknownProperty()
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request("""{"Email":"ann@example.test","password":"x"}"""), CancellationToken.None);

        var problem = (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Email", out _));
    }

    [Theory]
    [InlineData("""{"email":42,"password":"x"}""", "email")]
    [InlineData("""{"email":"ann@example.test","password":["x"]}""", "password")]
    public async Task Read_AValueOfTheWrongType_Answers422NamingTheField(string json, string field)
    {
        var body = await JsonBody.ReadAsync<LoginRequest>(Request(json), CancellationToken.None);

        var problem = (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(422);
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Read_ABooleanGivenAsAString_Answers422NamingTheField()
    {
        var body = await JsonBody.ReadAsync<UpdateUserRequest>(Request("""{"disabled":"true"}"""), CancellationToken.None);

        var problem = (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("disabled", out _));
    }

    [Fact]
    public async Task Read_ADuplicatedProperty_IsRefused()
    {
        var json = """{"email":"ann@example.test","password":"first","password":"second"}""";

        var body = await JsonBody.ReadAsync<LoginRequest>(Request(json), CancellationToken.None);

        var problem = (await ExecutedResult.ExecuteAsync(body.Problem)).AssertProblem(422);
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));
    }

    private static HttpRequest Request(string json, string? contentType = "application/json")
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.ContentType = contentType;
        http.Request.ContentLength = bytes.Length;
        http.Request.Body = new MemoryStream(bytes);
        return http.Request;
    }
}
