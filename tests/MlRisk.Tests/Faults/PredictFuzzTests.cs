using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Contracts;
using MlRisk.Functions.Hosting;

namespace MlRisk.Tests.Faults;

/// <summary>
/// POST /predict on the standalone host over real HTTP (127.0.0.1), serving the clean run's champion, under
/// thousands of random bodies: never a 5xx or a hang; every 4xx a problem-details body; every 200 a forecast.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class PredictFuzzTests(CleanRunFixture clean)
{
    public const int Cases = 10_000;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(20);

    private static string Show(double d) => d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Finite extremes: the largest doubles, subnormals, negative zero, and for every feature its bounds and the
    /// next double outside each (the values an outside fuzz run found to reach the model).
    /// </summary>
    private static readonly string[] Extremes =
    [
        "1e308", "-1e308", "1.7976931348623157e308", "-1.7976931348623157e308", "4.9e-324", "-4.9e-324",
        "2.2250738585072014e-308", "-0.0", "-0", "0",
        .. FeatureDomain.Bounds.SelectMany(b => new[]
        {
            Show(b.Lower), Show(b.Upper), Show(Math.BitDecrement(b.Lower)), Show(Math.BitIncrement(b.Upper)),
            Show(Math.BitIncrement(b.Lower)), Show(Math.BitDecrement(b.Upper)),
        }),
    ];

    private static readonly Gen<string> Extreme = Gen.Int[0, Extremes.Length - 1].Select(i => Extremes[i]);

    private static readonly Gen<string> Number = Gen.OneOf(
        Extreme,
        Gen.Double[-5, 5].Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e400"),
        Gen.OneOf(Gen.Const("0"), Gen.Const("-0"), Gen.Const("1e308"), Gen.Const("-1e308"), Gen.Const("1e309"), Gen.Const("4.9e-324"),
            Gen.Const("-1e-320"), Gen.Const("123456789012345678901234567890"), Gen.Const("0.1"), Gen.Const("-0.05")));

    private static readonly Gen<string> Scalar = Gen.OneOf(
        Number,
        Gen.OneOf(Gen.Const("null"), Gen.Const("true"), Gen.Const("false"), Gen.Const("\"NaN\""), Gen.Const("NaN"), Gen.Const("Infinity"), Gen.Const("\"\"")),
        Gen.String[0, 12].Select(s => JsonSerializer.Serialize(s)));

    private static readonly Gen<string> Value = Gen.OneOf(
        Scalar,
        Scalar.Array[0, 4].Select(a => "[" + string.Join(",", a) + "]"),
        Gen.Select(Gen.String[0, 6], Scalar).Array[0, 3].Select(o => "{" + string.Join(",", o.Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}"));

    private static readonly Gen<string> FeatureName = Gen.OneOf(
        Gen.Int[0, FeatureNames.All.Count - 1].Select(i => FeatureNames.All[i]),
        Gen.Int[0, FeatureNames.All.Count - 1].Select(i => FeatureNames.All[i]).Select(n => n.ToUpperInvariant()),
        Gen.String[0, 10]);

    /// <summary>A market the domain accepts (vix_term = vix3m / vix) with up to three members set to finite extremes.</summary>
    private static readonly Gen<string> MarketWithExtremes = Gen.Select(
        Gen.Double[-0.05, 0.05], Gen.Double[0.005, 0.2], Gen.Double[9, 80], Gen.Double[0.7, 1.3],
        Gen.Select(Gen.Int[0, FeatureNames.All.Count - 1], Extreme).Array[0, 3],
        (ret, vol, vix, term, extremes) =>
        {
            string[] values =
            [
                Show(ret), Show(ret * 2), Show(ret * 3), Show(vol), Show(vol * 1.4), Show(vol * 2), Show(Math.Abs(ret) * 4),
                Show(vix), Show(vix * term), Show(vix * term / vix), "55", "-0.3", "0.7", Show(ret / 10),
            ];
            foreach (var (feature, value) in extremes) values[feature] = value;
            return "{" + string.Join(",", FeatureNames.All.Select((n, i) => JsonSerializer.Serialize(n) + ":" + values[i])) + "}";
        });

    /// <summary>The 14 features with plausible values, some replaced, dropped or joined by strangers.</summary>
    private static readonly Gen<string> FeatureVector = Gen.OneOf(
        MarketWithExtremes,
        Gen.Select(Gen.Double[0.01, 0.6].Array[FeatureNames.All.Count], Gen.Int[0, FeatureNames.All.Count], Gen.Int[0, 3], Value,
            (values, drop, extra, odd) =>
            {
                var members = FeatureNames.All.Select((n, i) => JsonSerializer.Serialize(n) + ":" + values[i].ToString("R", CultureInfo.InvariantCulture)).ToList();
                if (drop < members.Count && extra == 0) members[drop] = JsonSerializer.Serialize(FeatureNames.All[drop]) + ":" + odd;
                else if (drop < members.Count && extra == 1) members.RemoveAt(drop);
                else if (extra == 2) members.Add("\"surprise\":" + odd);
                return "{" + string.Join(",", members) + "}";
            }),
        Gen.Select(FeatureName, Value).Array[0, 18].Select(m => "{" + string.Join(",", m.Select(p => JsonSerializer.Serialize(p.Item1) + ":" + p.Item2)) + "}"),
        Value);

    private static readonly Gen<string> Date = Gen.OneOf(
        Gen.OneOf(Gen.Const("\"2021-06-01\""), Gen.Const("\"2024-02-30\""), Gen.Const("\"1900-01-01\""), Gen.Const("\"9999-12-31\""),
            Gen.Const("20240701"), Gen.Const("null"), Gen.Const("\"\"")),
        Gen.Date.Select(d => "\"" + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "\""),
        Value);

    private static readonly Gen<string> Json = Gen.OneOf(
        Gen.Select(Date, FeatureVector, (date, vector) => $"{{\"as_of_date\":{date},\"feature_vector\":{vector}}}"),
        Gen.Select(Date, (date) => $"{{\"as_of_date\":{date}}}"),
        Gen.Select(FeatureVector, Value, (vector, extra) => $"{{\"feature_vector\":{vector},\"extra\":{extra}}}"),
        Value);

    /// <summary>JSON text as UTF-8, sometimes truncated, sometimes with invalid UTF-8 bytes spliced in.</summary>
    private static readonly Gen<byte[]> Body = Gen.Select(Json, Gen.Int[0, 3], Gen.Int[0, 10_000], (json, mangle, at) =>
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var cut = bytes.Length == 0 ? 0 : at % bytes.Length;
        return mangle switch
        {
            1 => bytes[..cut],
            2 => [.. bytes[..cut], 0xC3, 0x28, 0xFF, 0xFE, .. bytes[cut..]],
            _ => bytes,
        };
    });

    [Fact]
    public async Task Random_bodies_never_get_a_5xx_or_a_hang_and_every_4xx_is_problem_details()
    {
        await using var app = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0", clean.Data, clean.Artifacts), builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(AppProcess.Clock);
        });
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = RequestTimeout };
        var sent = 0;
        var forecasts = 0;
        var outOfDomain = 0;

        await Body.SampleAsync(async body =>
        {
            Interlocked.Increment(ref sent);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/predict", content);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"{status} for {Encoding.UTF8.GetString(body)}: {text}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                Interlocked.Increment(ref forecasts);
                using var forecast = JsonDocument.Parse(text);
                var rv = forecast.RootElement.GetProperty("rv_5d_hat").GetDouble();
                Assert.True(double.IsFinite(rv) && rv > 0, $"rv_5d_hat {rv} for {Encoding.UTF8.GetString(body)}");
                Assert.Equal(3, forecast.RootElement.GetProperty("top_drivers").GetArrayLength());
                return;
            }
            Assert.True(status >= 400, $"{status} for {Encoding.UTF8.GetString(body)}");
            if (status == 422) Interlocked.Increment(ref outOfDomain);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(text);
            Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()), text);
            Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        }, iter: Cases, threads: 2);

        Assert.Equal(Cases, sent);
        Assert.InRange(forecasts, 1, Cases - 1);
        Assert.InRange(outOfDomain, 1, Cases - 1);
    }
}
