using SkillHub.Functions.Activity;

namespace SkillHub.Standalone.Documents;

/// <summary>The in-memory activity log in a backup, as <see cref="MongoActivityLog.ActivityDocument"/>s.</summary>
internal sealed class MemoryActivityLogBackup(MemoryActivityLog store)
    : MemoryCollectionBackup<ActivityEntry, MongoActivityLog.ActivityDocument>(
        MongoActivityLog.CollectionName, store, MongoActivityLog.ActivityDocument.From, document => document.ToEntry());
