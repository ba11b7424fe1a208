using SkillHub.Functions.Backups;

namespace SkillHub.Functions.Activity;

/// <summary>The in-memory activity log in a backup, as <see cref="MongoActivityLog.ActivityDocument"/>s.</summary>
internal sealed class MemoryActivityLogBackup(MemoryActivityLog store)
    : MemoryCollectionBackup<ActivityEntry, MongoActivityLog.ActivityDocument>(
        MongoActivityLog.CollectionName, store, MongoActivityLog.ActivityDocument.From, document => document.ToEntry());
