namespace MlRisk.Tests.Sources.Live;

/// <summary>
/// Hand-written responses in the real formats: Yahoo's v8 chart JSON for SPY and ^VIX over the sessions of
/// 2020-03-10..2020-03-16 (timestamps are the 09:30 New York session opens), and CBOE's VIX/VIX3M history CSVs.
/// Prices follow the real market of those days; the adjusted closes are those of the real SPY.csv.
/// </summary>
public static class LiveResponses
{
    public const string SpyChart = """
        {"chart":{"result":[{"meta":{"currency":"USD","symbol":"SPY","exchangeName":"PCX","fullExchangeName":"NYSEArca","instrumentType":"ETF","firstTradeDate":728317800,"regularMarketTime":1584388800,"hasPrePostMarketData":true,"gmtoffset":-14400,"timezone":"EDT","exchangeTimezoneName":"America/New_York","regularMarketPrice":239.85,"chartPreviousClose":274.23,"priceHint":2,"currentTradingPeriod":{"pre":{"timezone":"EDT","start":1584345600,"end":1584365400,"gmtoffset":-14400},"regular":{"timezone":"EDT","start":1584365400,"end":1584388800,"gmtoffset":-14400},"post":{"timezone":"EDT","start":1584388800,"end":1584403200,"gmtoffset":-14400}},"dataGranularity":"1d","range":"","validRanges":["1d","5d","1mo","3mo","6mo","1y","2y","5y","10y","ytd","max"]},
        "timestamp":[1583847000,1583933400,1584019800,1584106200,1584365400],
        "indicators":{"quote":[{"open":[284.64,280.7,255.94,263.09,241.18],"low":[273.46,270.88,247.68,248.52,237.36],"volume":[276444100,255316300,392220700,329566100,297240000],"close":[288.42,274.36,248.11,269.32,239.85],"high":[288.52,281.94,266.66,271.48,256.9]}],
        "adjclose":[{"adjclose":[265.8134765625,252.8554077148437,228.6629638671875,248.21051025390625,221.0504150390625]}]}}],"error":null}}
        """;

    public const string VixChart = """
        {"chart":{"result":[{"meta":{"currency":"USD","symbol":"^VIX","exchangeName":"CXI","fullExchangeName":"Cboe Indices","instrumentType":"INDEX","firstTradeDate":631290600,"regularMarketTime":1584391500,"gmtoffset":-14400,"timezone":"EDT","exchangeTimezoneName":"America/New_York","regularMarketPrice":82.69,"chartPreviousClose":53.9,"priceHint":2,"dataGranularity":"1d","range":""},
        "timestamp":[1583847000,1583933400,1584019800,1584106200,1584365400],
        "indicators":{"quote":[{"high":[55.66,55.82,76.83,77.57,83.56],"close":[47.3,53.9,75.47,57.83,82.69],"open":[49.68,52.24,61.46,71.31,57.83],"low":[43.56,49.98,59.91,55.17,57.83],"volume":[0,0,0,0,0]}],
        "adjclose":[{"adjclose":[47.3,53.9,75.47,57.83,82.69]}]}}],"error":null}}
        """;

    public const string NotFoundChart = """
        {"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}
        """;

    public const string VixHistory = """
        DATE,OPEN,HIGH,LOW,CLOSE
        03/09/2020,41.940000,62.119999,41.939999,54.459999
        03/10/2020,49.680000,55.660000,43.560001,47.299999
        03/11/2020,52.240002,55.820000,49.980000,53.900002
        03/12/2020,61.459999,76.830002,59.910000,75.470001
        03/13/2020,71.309998,77.570000,55.169998,57.830002
        03/16/2020,57.830002,83.559998,57.830002,82.690002

        """;

    public const string Vix3mHistory = """
        DATE,OPEN,HIGH,LOW,CLOSE
        03/10/2020,38.280000,44.020000,38.190000,39.440000
        03/11/2020,42.880000,45.690000,41.890000,44.370000
        03/12/2020,44.410000,57.740000,44.410000,57.240000
        03/13/2020,50.550000,58.810000,47.180000,48.310000
        03/16/2020,48.310000,68.710000,48.310000,67.700000

        """;

    public const string BlockedPage = """
        <!DOCTYPE html><html lang="en-us"><head><meta charset="utf-8"><title>Yahoo</title></head>
        <body><p>Sorry, we're unable to process your request at this time.</p></body></html>
        """;
}
