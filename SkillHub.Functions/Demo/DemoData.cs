using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SkillHub.Functions.Auth;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Demo;

/// <summary>
/// Seeds the demo dataset named by <c>SkillHub__DemoData</c> (data/demo.json): accounts that do not
/// exist yet, and, on a database without workshops, the workshops published over the coming weeks.
/// </summary>
public sealed class DemoData(
    IConfiguration configuration,
    AccountService accounts,
    IUserStore users,
    IWorkshopStore workshops,
    TimeProvider clock,
    ILogger<DemoData> logger)
{
    public const string Setting = "SkillHub:DemoData";

    public async Task SeedIfRequestedAsync(CancellationToken cancellationToken)
    {
        var path = configuration[Setting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        var dataset = JsonSerializer.Deserialize<DemoDataset>(await File.ReadAllTextAsync(path, cancellationToken), DatasetJson)
            ?? throw new InvalidOperationException($"{path} holds no demo dataset.");
        var created = 0;
        foreach (var account in dataset.Accounts)
        {
            if (await users.FindByEmailAsync(account.Email, cancellationToken) is not null)
            {
                continue;
            }

            var outcome = await accounts.CreateAsync(account.Email, account.Password, account.DisplayName, account.Role, cancellationToken);
            created += outcome.Succeeded ? 1 : 0;
        }

        var admin = await users.FindByEmailAsync(dataset.Accounts.First(a => a.Role == Roles.Admin).Email, cancellationToken)
            ?? throw new InvalidOperationException("The demo admin is missing.");
        var caller = new Caller(admin.Id, Roles.Admin);
        var (existing, _) = await workshops.ListAsync(new WorkshopQuery(null, null, null, null, null, null, false), caller, new(1, 1), cancellationToken);
        if (existing.Count > 0)
        {
            logger.LogInformation("Demo data: {Created} accounts created; workshops exist already", created);
            return;
        }

        var today = clock.GetUtcNow().UtcDateTime.Date;
        foreach (var item in dataset.Workshops)
        {
            var trainer = await users.FindByEmailAsync(item.Trainer, cancellationToken)
                ?? throw new InvalidOperationException($"Demo workshop '{item.Title}' names an unknown trainer.");
            var startsAt = today.AddDays(item.InDays).AddHours(item.StartHourUtc);
            var details = new WorkshopDetails(item.Title, item.Description, startsAt, startsAt.AddHours(item.Hours), item.Location, item.Capacity);
            var workshop = await workshops.InsertAsync(Guid.CreateVersion7(), trainer.Id, details, cancellationToken);
            await workshops.PublishAsync(workshop.Id, caller, cancellationToken);
        }

        logger.LogInformation("Demo data: {Created} accounts and {Workshops} published workshops created", created, dataset.Workshops.Count);
    }

    private static readonly JsonSerializerOptions DatasetJson = new(JsonSerializerDefaults.Web);

    private sealed record DemoDataset(IReadOnlyList<DemoAccount> Accounts, IReadOnlyList<DemoWorkshop> Workshops);

    private sealed record DemoAccount(string Email, string Password, string DisplayName, string Role);

    private sealed record DemoWorkshop(string Trainer, string Title, string Description, string Location, int Capacity, int InDays, int StartHourUtc, int Hours);
}
