using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Standalone.Documents;

namespace SkillHub.Standalone.Hosting;

public static class StandInServices
{
    /// <summary>
    /// What this process puts in place of what the machine lacks, before the product's own services
    /// (which keep what is already registered): today the in-memory document store, when named, saved
    /// in the folder configuration names.
    /// </summary>
    public static IServiceCollection AddStandIns(this IServiceCollection services, IConfiguration configuration) =>
        MemoryDocuments.AreChosen(configuration) ? services.AddMemoryDocuments().AddSavedDocuments(configuration) : services;
}
