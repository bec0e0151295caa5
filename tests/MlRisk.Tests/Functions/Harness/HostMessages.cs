using System.Globalization;
using System.Text.Json;
using MlRisk.Tests.Functions.Harness.Rpc;

namespace MlRisk.Tests.Functions.Harness;

/// <summary>
/// InvocationRequests as host 4.x builds them (ScriptInvocationContextExtensions.ToRpcInvocationRequest): the trigger
/// value on the trigger binding's name, and the trigger's binding data in trigger_metadata.
/// </summary>
public static class HostMessages
{
    /// <summary>The name of the function's trigger binding (the one binding of direction in whose type ends in Trigger).</summary>
    public static string TriggerBinding(RpcFunctionMetadata function, string type)
    {
        var trigger = function.Bindings.Where(b => b.Value.Direction == BindingInfo.Types.Direction.In && b.Value.Type == type).ToList();
        Assert.True(trigger.Count == 1,
            $"RpcFunctionMetadata.bindings of {function.Name} should have one '{type}' binding of direction in; it has: "
            + string.Join(", ", function.Bindings.Select(b => $"{b.Key}={b.Value.Type}/{b.Value.Direction}")));
        return trigger[0].Key;
    }

    /// <summary>
    /// A timer firing: the WebJobs TimerInfo serialized by Newtonsoft (PascalCase; ScheduleStatus from the schedule
    /// monitor), and the binding data the TimerTriggerBinding adds ("TimerTrigger", the firing time as text) plus "sys".
    /// </summary>
    public static InvocationRequest Timer(RpcFunctionMetadata function, bool isPastDue, DateTimeOffset now)
    {
        var status = new
        {
            Schedule = new { AdjustForDST = true },
            ScheduleStatus = new
            {
                Last = now.AddDays(-7).ToString("o", CultureInfo.InvariantCulture),
                Next = now.AddDays(7).ToString("o", CultureInfo.InvariantCulture),
                LastUpdated = now.AddDays(-7).ToString("o", CultureInfo.InvariantCulture),
            },
            IsPastDue = isPastDue,
        };
        var request = New(function);
        request.InputData.Add(new ParameterBinding
        {
            Name = TriggerBinding(function, "timerTrigger"),
            Data = new TypedData { Json = JsonSerializer.Serialize(status) },
        });
        request.TriggerMetadata["TimerTrigger"] = new TypedData { String = now.ToString(CultureInfo.InvariantCulture) };
        return request;
    }

    /// <summary>
    /// An HTTP request the host forwards to the worker's HttpUri: with HttpUri reported (and no RequiresRouteParameters),
    /// the host sends an empty RpcHttp on the trigger binding and the request itself over HTTP.
    /// </summary>
    public static InvocationRequest ProxiedHttp(RpcFunctionMetadata function, string invocationId)
    {
        var request = New(function, invocationId);
        request.InputData.Add(new ParameterBinding
        {
            Name = TriggerBinding(function, "httpTrigger"),
            Data = new TypedData { Http = new RpcHttp() },
        });
        return request;
    }

    private static InvocationRequest New(RpcFunctionMetadata function, string? invocationId = null)
    {
        var request = new InvocationRequest
        {
            InvocationId = invocationId ?? Guid.NewGuid().ToString(),
            FunctionId = function.FunctionId,
            TraceContext = new RpcTraceContext { TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01" },
        };
        request.TriggerMetadata["sys"] = new TypedData
        {
            Json = JsonSerializer.Serialize(new
            {
                MethodName = function.Name,
                UtcNow = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture),
                RandGuid = Guid.NewGuid().ToString(),
            }),
        };
        return request;
    }
}
