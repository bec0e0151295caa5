namespace MlRisk.Tests.Lake.Blob;

/// <summary>
/// Marks a test class whose inherited <see cref="LakeStorageFactAttribute"/> tests run against Azurite, so they
/// skip with <see cref="AzuriteInstall.SkipReason"/> when it is not installed.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresAzuriteAttribute : Attribute;
