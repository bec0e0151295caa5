using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Lake.Blob;

/// <summary>Rejects settings the blob service would reject later, naming the configuration key and the fix.</summary>
internal sealed partial class BlobLakeOptionsValidator : IValidateOptions<BlobLakeOptions>
{
    public ValidateOptionsResult Validate(string? name, BlobLakeOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{Key(nameof(BlobLakeOptions.ConnectionString))} is empty: set it to the storage account's connection string.");
        }
        else
        {
            try
            {
                _ = new BlobServiceClient(options.ConnectionString);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                failures.Add($"{Key(nameof(BlobLakeOptions.ConnectionString))} is not a valid Azure Storage connection string: {e.Message}");
            }
        }
        var lakeContainerValid = ContainerName().IsMatch(options.Container ?? "");
        if (!lakeContainerValid)
        {
            failures.Add($"{Key(nameof(BlobLakeOptions.Container))} '{options.Container}' is not a valid container name: " + ContainerRule + ".");
        }
        // The default is derived from the lake's container, so it is judged only when that one is valid (one failure, not two).
        if (!ContainerName().IsMatch(options.EffectiveArtifactsContainer))
        {
            if (lakeContainerValid || !string.IsNullOrEmpty(options.ArtifactsContainer))
            {
                failures.Add($"{Key(nameof(BlobLakeOptions.ArtifactsContainer))} '{options.EffectiveArtifactsContainer}' is not a valid container name: "
                    + ContainerRule
                    + (string.IsNullOrEmpty(options.ArtifactsContainer) ? $" (the default, {Key(nameof(BlobLakeOptions.Container))} + '-artifacts'; set it)." : "."));
            }
        }
        else if (options.EffectiveArtifactsContainer == options.Container)
        {
            failures.Add($"{Key(nameof(BlobLakeOptions.ArtifactsContainer))} is the lake's container '{options.Container}': give the artifacts a container of their own.");
        }
        if (options.LeaseSeconds is < 15 or > 60)
        {
            failures.Add($"{Key(nameof(BlobLakeOptions.LeaseSeconds))} is {options.LeaseSeconds}: a blob lease lasts 15 to 60 seconds.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private const string ContainerRule = "3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit";

    private static string Key(string property) => $"{BlobLakeOptions.Section}:{property}";

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}
