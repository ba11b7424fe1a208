using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SkillHub.Functions.Infrastructure.Documents;

namespace SkillHub.Functions.Comments;

public static class CommentsModule
{
    /// <summary>The comments feature; ratings ask the registrations feature's store, which AddRegistrations provides.</summary>
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddDocumentCollection<ICommentStore, MongoCommentStore, MongoCommentStore.CommentDocument>(MongoCommentStore.CollectionName, _ => MongoCommentStore.Indexes());
        services.TryAddSingleton<IParticipationCheck, RegistrationParticipationCheck>();
        services.AddScoped<CommentService>();
        return services;
    }
}
