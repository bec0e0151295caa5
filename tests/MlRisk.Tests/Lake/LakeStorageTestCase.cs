using MlRisk.Tests.Lake.Blob;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MlRisk.Tests.Lake;

/// <summary>A conformance test case that skips when its concrete class needs Azurite and Azurite is not installed.</summary>
public sealed class LakeStorageTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer only.")]
    public LakeStorageTestCase()
    {
    }

    public LakeStorageTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, displayOptions, testMethod)
    {
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresAzuriteAttribute)).Any()
            ? AzuriteInstall.SkipReason ?? base.GetSkipReason(factAttribute)
            : base.GetSkipReason(factAttribute);
}
