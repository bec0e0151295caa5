using Xunit.Abstractions;
using Xunit.Sdk;

namespace MlRisk.Tests.Lake;

/// <summary>Creates <see cref="LakeStorageTestCase"/>s for <see cref="LakeStorageFactAttribute"/>.</summary>
public sealed class LakeStorageFactDiscoverer(IMessageSink diagnosticMessageSink) : FactDiscoverer(diagnosticMessageSink)
{
    protected override IXunitTestCase CreateTestCase(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute) =>
        new LakeStorageTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod);
}
