namespace MlRisk.Tests.Lake.Blob;

/// <summary>A fact that needs the Azurite emulator; skips, saying how to install it, when node or the package is missing.</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        Skip = AzuriteInstall.SkipReason;
    }
}
