using Polly.Timeout;

namespace MlRisk.Core.Sources.Live;

/// <summary>
/// One GET through the resilient client, turned into the body text or a <see cref="MarketSourceException"/> that
/// names the symbol, the URL and what went wrong: a final error status, a timeout, a dropped connection, an empty
/// body or an HTML page where data was expected.
/// </summary>
internal static class MarketDataDownload
{
    public static async Task<string> GetTextAsync(
        HttpClient http, string url, string symbol, string expected, LiveSourceOptions options, CancellationToken ct)
    {
        string body;
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead, ct);
            body = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new MarketSourceException(symbol, url,
                    $"HTTP {(int)response.StatusCode} {response.ReasonPhrase} (408, 429 and 5xx are retried up to {options.MaxRetries} times): {Excerpt(body)}");
            }
        }
        catch (TimeoutRejectedException e)
        {
            throw new MarketSourceException(symbol, url,
                $"no answer in time (attempt timeout {options.AttemptTimeout}, total timeout {options.TotalTimeout}, {options.MaxRetries} retries); "
                + $"raise {LiveSourceOptions.Section}:AttemptTimeout or TotalTimeout if the service is slow", e);
        }
        catch (HttpRequestException e)
        {
            throw new MarketSourceException(symbol, url, $"request failed after up to {options.MaxRetries} retries: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new MarketSourceException(symbol, url, $"the response body was cut off: {e.Message}", e);
        }

        if (string.IsNullOrWhiteSpace(body))
        {
            throw new MarketSourceException(symbol, url, $"empty response body where {expected} was expected");
        }
        var start = body.AsSpan().TrimStart();
        if (start.StartsWith("<"))
        {
            throw new MarketSourceException(symbol, url,
                $"HTML instead of {expected} (body starts with '{Excerpt(body)}'); the service may be blocking the request or the URL is wrong");
        }
        return body;
    }

    private static string Excerpt(string body)
    {
        var text = body.Trim().ReplaceLineEndings(" ");
        return text.Length <= 120 ? text : text[..120] + "…";
    }
}
