using SkillHub.Functions.Comments;
using SkillHub.Standalone.Documents;
using SkillHub.Functions.Tests.Comments;

namespace SkillHub.Functions.Tests.Standalone.Documents;

/// <summary>The comment store contract on the in-memory store: runs everywhere.</summary>
public sealed class MemoryCommentStoreTests : CommentStoreContract
{
    protected override ICommentStore Store { get; } = new MemoryCommentStore();
}
