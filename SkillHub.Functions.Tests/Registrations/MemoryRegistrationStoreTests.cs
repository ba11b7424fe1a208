using SkillHub.Functions.Registrations;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>The registration store contract on the in-memory store: runs everywhere.</summary>
public sealed class MemoryRegistrationStoreTests : RegistrationStoreContract
{
    protected override IRegistrationStore Store { get; } = new MemoryRegistrationStore();
}
