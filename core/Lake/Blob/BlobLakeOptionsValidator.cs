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
        if (!ContainerName().IsMatch(options.Container ?? ""))
        {
            failures.Add($"{Key(nameof(BlobLakeOptions.Container))} '{options.Container}' is not a valid container name: "
                + "3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }
        if (options.LeaseSeconds is < 15 or > 60)
        {
            failures.Add($"{Key(nameof(BlobLakeOptions.LeaseSeconds))} is {options.LeaseSeconds}: a blob lease lasts 15 to 60 seconds.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string Key(string property) => $"{BlobLakeOptions.Section}:{property}";

    [GeneratedRegex("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex ContainerName();
}
