using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Bench.EndToEnd;
using MlRisk.Core;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;

namespace MlRisk.Bench.Micro;

/// <summary>
/// POST /predict without a socket: the app's own handler (<see cref="MlRiskApi.PredictAsync"/>: body parse and
/// validation, champion.json check, forecast with exact TreeSHAP) and its JSON response, over the ports the app
/// registers (<see cref="MlRiskServiceCollectionExtensions.AddMlRiskCore"/>) on a pipeline run's folders.
/// The body is the latest stored feature row, as a client would send it.
/// </summary>
public sealed class PredictCall : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IForecastReader _forecasts;
    private readonly IChampionModel _champion;

    private PredictCall(ServiceProvider services, IForecaster forecaster, FeatureRow row, byte[] body)
    {
        _services = services;
        _forecasts = services.GetRequiredService<IForecastReader>();
        _champion = services.GetRequiredService<IChampionModel>();
        Forecaster = forecaster;
        Row = row;
        Body = body;
    }

    public IForecaster Forecaster { get; }

    public FeatureRow Row { get; }

    /// <summary>The JSON body: <c>{"as_of_date": …, "feature_vector": {…14 features…}}</c>.</summary>
    public byte[] Body { get; }

    public static async Task<PredictCall> CreateAsync(LakeFolder lake, CancellationToken ct)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{LakeOptions.Section}:{nameof(LakeOptions.DataPath)}"] = lake.Data,
            [$"{PipelineOptions.Section}:{nameof(PipelineOptions.ArtifactsPath)}"] = lake.Artifacts,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddMlRiskCore(configuration).AddMlRiskServing().BuildServiceProvider();
        try
        {
            var features = await services.GetRequiredService<LakeReader>().ReadAllAsync(Datasets.FeaturesDaily, ct);
            if (features.Rows.Count == 0) throw new InvalidDataException($"{lake.Data}: features_daily is empty; the pipeline run did not get that far");
            var row = features.Rows.MaxBy(r => r.Date)!;
            var state = await services.GetRequiredService<IChampionModel>().GetAsync(ct);
            if (!state.HasChampion) throw new InvalidDataException($"{lake.Artifacts}: no champion to serve: {state.BlockedReason}");
            return new PredictCall(services, state.Forecaster, row, BodyOf(row));
        }
        catch
        {
            await services.DisposeAsync();
            throw;
        }
    }

    /// <summary>One request through the handler and the response writer; throws unless it answered 200.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = Body.Length;
        context.Request.Body = new MemoryStream(Body, writable: false);
        context.Response.Body = Stream.Null;

        var result = await MlRiskApi.PredictAsync(context.Request, _forecasts, _champion, ct);
        if (result.Result is not Ok<PredictResponse>)
        {
            throw new InvalidOperationException($"/predict answered {result.Result.GetType().Name} to the bench body {System.Text.Encoding.UTF8.GetString(Body)}");
        }
        await result.ExecuteAsync(context);
        return context.Response.StatusCode;
    }

    private static byte[] BodyOf(FeatureRow row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(PredictRequestReader.AsOfDate, row.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteStartObject(PredictRequestReader.FeatureVector);
            for (var i = 0; i < FeatureNames.Count; i++) json.WriteNumber(FeatureNames.All[i], row.Features[i]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public void Dispose() => _services.Dispose();
}
