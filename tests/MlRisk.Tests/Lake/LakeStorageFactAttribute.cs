using MlRisk.Tests.Lake.Blob;
using Xunit.Sdk;

namespace MlRisk.Tests.Lake;

/// <summary>
/// A fact of <see cref="LakeStorageConformanceTests"/>. The same inherited test runs once per storage subclass, so
/// whether it can run depends on the subclass: one marked <see cref="RequiresAzuriteAttribute"/> skips when Azurite
/// is missing, which a plain Skip on the base method cannot express.
/// </summary>
[XunitTestCaseDiscoverer("MlRisk.Tests.Lake.LakeStorageFactDiscoverer", "MlRisk.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class LakeStorageFactAttribute : FactAttribute;
