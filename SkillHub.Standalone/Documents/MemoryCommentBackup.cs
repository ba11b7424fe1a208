using SkillHub.Functions.Comments;

namespace SkillHub.Standalone.Documents;

/// <summary>The in-memory comments in a backup, as <see cref="MongoCommentStore.CommentDocument"/>s.</summary>
internal sealed class MemoryCommentBackup(MemoryCommentStore store)
    : MemoryCollectionBackup<Comment, MongoCommentStore.CommentDocument>(
        MongoCommentStore.CollectionName, store, MongoCommentStore.CommentDocument.From, document => document.ToComment());
