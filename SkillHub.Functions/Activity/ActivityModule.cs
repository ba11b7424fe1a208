using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Activity;

public static class ActivityModule
{
    /// <summary>The activity log (its MongoDB collection) and its recorder, one of the filters in front of every HTTP function (<see cref="SkillHubPipeline"/>).</summary>
    public static IServiceCollection AddActivityLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton((configuration.GetSection(ActivityOptions.Section).Get<ActivityOptions>() ?? new ActivityOptions()).Validate());
        services.AddDocumentCollection<IActivityLog, MongoActivityLog, MongoActivityLog.ActivityDocument>(
            MongoActivityLog.CollectionName, provider => MongoActivityLog.IndexesFor(provider.GetRequiredService<ActivityOptions>().Retention));
        services.AddSingleton<RecordedActivityCatalog>();
        services.AddSingleton<ActivityRecorder>();
        return services;
    }
}
