using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace MlRisk.Tests.Functions;

/// <summary>What makes the dashboard cheap to load again: compression, cache lifetimes and a conditional /predictions.</summary>
public sealed class HttpCachingTests(StandaloneHostFixture host) : IClassFixture<StandaloneHostFixture>
{
    [Fact]
    public async Task Predictions_answers_304_without_a_body_when_if_none_match_names_its_etag()
    {
        var first = await host.Client.GetAsync("/predictions?from=2024-06-03");
        var tag = first.Headers.ETag;
        Assert.NotNull(tag);
        Assert.True(tag.IsWeak, $"{tag} should be weak: compression sends the same body as other bytes");
        Assert.Equal("no-cache", first.Headers.CacheControl?.ToString());

        var again = await SendAsync("/predictions?from=2024-06-03", r => r.Headers.IfNoneMatch.Add(tag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(tag, again.Headers.ETag);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        // A strong copy of the same tag matches too (weak comparison), and so does "*".
        var strong = await SendAsync("/predictions?from=2024-06-03", r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(tag.Tag)));
        Assert.Equal(HttpStatusCode.NotModified, strong.StatusCode);
        var any = await SendAsync("/predictions?from=2024-06-03", r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any));
        Assert.Equal(HttpStatusCode.NotModified, any.StatusCode);
    }

    [Fact]
    public async Task Another_range_has_another_etag_and_a_stale_tag_gets_the_whole_answer()
    {
        var year = await host.Client.GetAsync("/predictions?from=2024-06-03");
        var stale = await SendAsync("/predictions?from=2024-06-10", r => r.Headers.IfNoneMatch.Add(year.Headers.ETag!));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.NotEqual(year.Headers.ETag, stale.Headers.ETag);
        var body = JsonDocument.Parse(await stale.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2024-06-10", body.GetProperty("from").GetString());
        Assert.Equal(body.GetProperty("points").GetArrayLength(), body.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("/vendor/chart.umd.js", "public, max-age=31536000, immutable")]
    [InlineData("/", "no-cache")]
    [InlineData("/app.js", "no-cache")]
    [InlineData("/style.css", "no-cache")]
    [InlineData("/favicon.svg", "no-cache")]
    public async Task Vendor_files_are_kept_for_a_year_and_the_page_is_revalidated(string path, string cacheControl)
    {
        var response = await host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(cacheControl, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/app.js")]
    [InlineData("/vendor/chart.umd.js")]
    public async Task Dashboard_files_carry_a_weak_etag_that_revalidates_to_304_also_when_compressed(string path)
    {
        var first = await SendAsync(path, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br")));
        var tag = first.Headers.ETag!;

        var again = await SendAsync(path, r =>
        {
            r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
            r.Headers.IfNoneMatch.Add(tag);
        });

        Assert.True(tag.IsWeak, $"{path} has the strong ETag {tag}, yet compression sends it as other bytes");
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
    }

    [Fact]
    public void The_page_asks_for_the_chart_js_of_the_lockfile_so_a_year_long_cache_never_serves_an_old_one()
    {
        var lockfile = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("web/package-lock.json"))).RootElement;
        var version = lockfile.GetProperty("packages").GetProperty("node_modules/chart.js").GetProperty("version").GetString();
        var page = File.ReadAllText(RepositoryFiles.Path("web/index.html"));

        Assert.Contains($"<script src=\"vendor/chart.umd.js?v={version}\" defer></script>", page);
    }

    [Theory]
    [InlineData("br", "/vendor/chart.umd.js")]
    [InlineData("gzip", "/vendor/chart.umd.js")]
    [InlineData("br", "/predictions")]
    [InlineData("gzip", "/")]
    [InlineData("br", "/model")]
    public async Task Dashboard_files_and_json_are_compressed_to_the_same_bytes(string encoding, string path)
    {
        var identity = await (await host.Client.GetAsync(path)).Content.ReadAsByteArrayAsync();
        var response = await SendAsync(path, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding)));

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var compressed = await response.Content.ReadAsByteArrayAsync();
        Assert.True(compressed.Length < identity.Length / 2, $"{path}: {compressed.Length} bytes as {encoding} of {identity.Length}");
        await using var decoder = encoding == "br"
            ? (Stream)new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decoded = new MemoryStream();
        await decoder.CopyToAsync(decoded);
        Assert.Equal(identity, decoded.ToArray());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, Action<HttpRequestMessage> configure)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure(request);
        return await host.Client.SendAsync(request);
    }
}
