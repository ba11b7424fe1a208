using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Support;

/// <summary>An <see cref="ActivityRecorder"/> over the given log (a fresh in-memory one by default), reading the attributes of the test assembly's stand-in functions.</summary>
public static class TestActivity
{
    public static ActivityRecorder Recorder(IActivityLog? log = null, Assembly? assembly = null, TimeProvider? clock = null) =>
        new(
            new RecordedActivityCatalog(assembly ?? typeof(TestActivity).Assembly),
            log ?? new MemoryActivityLog(),
            new ClientAddress(trustForwardedFor: false),
            clock ?? TimeProvider.System,
            NullLogger<ActivityRecorder>.Instance);
}
