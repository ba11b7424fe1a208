using SkillHub.Functions.Registrations;

namespace SkillHub.Standalone.Documents;

/// <summary>The in-memory registrations in a backup, as <see cref="RegistrationDocument"/>s.</summary>
internal sealed class MemoryRegistrationBackup(MemoryRegistrationStore store)
    : MemoryCollectionBackup<Registration, RegistrationDocument>(
        MongoRegistrationStore.CollectionName, store, MongoRegistrationStore.ToDocument, MongoRegistrationStore.ToRegistration);
