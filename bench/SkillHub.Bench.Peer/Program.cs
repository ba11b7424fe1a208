using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using SkillHub.Bench.Peer;
using SkillHub.Functions;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Sql;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Workshops;
using SkillHub.Standalone.Hosting;

// The benchmark's peer: what a team would write with plain ASP.NET Core for the routes the bench
// measures. Minimal API endpoints and JwtBearer authentication in front of the app's own services
// and stores, composed as the app composes them, answering the same JSON; nothing of the app's
// function pipeline (its catalog and invoker, access policies, activity record, readiness gate,
// error mapping, security headers). The session check is JwtBearer's OnTokenValidated, as an
// ASP.NET Core team would add it. Two more prefixes serve the same routes with one piece left out,
// to price it: /peer/no-session (reads without the session check) and /peer/no-outbox
// (registrations whose notification is not written).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddStandIns(builder.Configuration);
builder.Services.AddSkillHub(builder.Configuration, builder.Environment);
builder.Services.TryAddSingleton<SilentRegistrations>();

var (jwt, key, _) = JwtOptions.Load(builder.Configuration, builder.Environment);
builder.Services
    .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
    .AddJwtBearer(options =>
    {
        options.MapInboundClaims = false;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            IssuerSigningKey = key,
            ValidIssuer = jwt.Issuer,
            ValidAudience = jwt.Audience,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = TokenClaims.Subject,
            RoleClaimType = TokenClaims.Role,
        };
        options.Events = new JwtBearerEvents { OnTokenValidated = PeerSessions.CheckAsync };
    });
builder.Services.AddAuthorization();

var app = builder.Build();
await app.Services.PrepareDatabasesAsync();
app.UseAuthentication();
app.UseAuthorization();

app.MapGet("/api/health", () => TypedResults.Ok());

var api = app.MapGroup("/api");
foreach (var group in new[] { api, app.MapGroup(PeerSessions.WithoutSessionCheck) })
{
    group.MapGet("/workshops", async Task<IResult> (HttpRequest request, IWorkshopStore store, IWorkshopViews views, CancellationToken cancellationToken) =>
    {
        var query = new QueryParameters(request.Query);
        var filters = new WorkshopQuery(query.Timestamp("from"), query.Timestamp("to"), null, query.Text("q", 100), null, WorkshopStatus.Published, false);
        var page = query.Paging();
        if (query.ToProblem() is { } problem)
        {
            return problem;
        }

        var caller = request.Caller();
        var (items, total) = await store.ListAsync(filters, caller, page, cancellationToken);
        return TypedResults.Ok(PageResponse.Create(page, await views.ShowAsync(items, caller, cancellationToken), total));
    });

    group.MapGet("/workshops/{id:guid}", async Task<IResult> (Guid id, HttpRequest request, WorkshopService workshops, IWorkshopViews views, CancellationToken cancellationToken) =>
    {
        var found = await workshops.GetAsync(id, request.Caller(), cancellationToken);
        if (found.Value is not { } workshop)
        {
            return found.Failure!.ToProblem();
        }

        request.HttpContext.Response.Headers.ETag = workshop.ETag;
        return TypedResults.Ok(await views.ShowAsync(workshop, request.Caller(), cancellationToken));
    });
}

api.MapPost("/workshops/{id:guid}/registrations", (Guid id, HttpRequest request, RegistrationService registrations, CancellationToken cancellationToken) =>
        RegisterAsync(id, request, registrations, cancellationToken))
    .RequireAuthorization(policy => policy.RequireRole(Roles.Participant));
app.MapPost("/peer/no-outbox/workshops/{id:guid}/registrations", (Guid id, HttpRequest request, SilentRegistrations silent, CancellationToken cancellationToken) =>
        RegisterAsync(id, request, silent.Service, cancellationToken))
    .RequireAuthorization(policy => policy.RequireRole(Roles.Participant));

await app.RunAsync();

static async Task<IResult> RegisterAsync(Guid id, HttpRequest request, RegistrationService registrations, CancellationToken cancellationToken) =>
    (await registrations.RegisterAsync(id, request.RequiredCaller(), cancellationToken))
        .Match(r => TypedResults.Created($"/api/workshops/{id}/registrations/{r.Id}", r));
