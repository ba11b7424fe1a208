using SkillHub.Functions.Registrations;
using SkillHub.Standalone.Documents;
using SkillHub.Functions.Tests.Registrations;

namespace SkillHub.Functions.Tests.Standalone.Documents;

/// <summary>The registration store contract on the in-memory store: runs everywhere.</summary>
public sealed class MemoryRegistrationStoreTests : RegistrationStoreContract
{
    protected override IRegistrationStore Store { get; } = new MemoryRegistrationStore();
}
