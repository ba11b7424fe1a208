using Xunit.Abstractions;
using Xunit.Sdk;

namespace SkillHub.Functions.Tests.Support;

/// <summary>
/// A test of a shared store contract, declared once on an abstract base class and run by xunit for
/// each concrete test class. It runs like a [Fact], except in a class marked
/// <see cref="RequiresMongoServerAttribute"/> while no MongoDB server is named: there it is reported
/// as skipped, with the reason, like a [MongoFact].
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("SkillHub.Functions.Tests.Support.StoreFactDiscoverer", "SkillHub.Functions.Tests")]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a test class whose <see cref="StoreFactAttribute"/> tests need a live MongoDB server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresMongoServerAttribute : Attribute;

/// <summary>Decides per test class, which a [Fact]'s own Skip cannot: the attribute sits on the shared base method.</summary>
public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var needsMongo = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresMongoServerAttribute)).Any();
        if (needsMongo && !MongoFactAttribute.HasServer)
        {
            // xunit's own test case for "skipped, with this reason": with no arguments it is a plain fact.
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, MongoFactAttribute.SkipReason)];
        }

        return [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)];
    }
}
