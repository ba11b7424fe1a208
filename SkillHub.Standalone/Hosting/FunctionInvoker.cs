using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace SkillHub.Standalone.Hosting;

/// <summary>
/// Calls a function method the way the worker does: a fresh instance of its class from the request's
/// services, the request, route values by parameter name, the cancellation token.
/// </summary>
public sealed class FunctionInvoker
{
    private readonly FunctionDescriptor _function;
    private readonly ObjectFactory _factory;
    private readonly Func<InvocationArguments, object?>[] _binders;
    private readonly PropertyInfo? _taskResult;

    public FunctionInvoker(FunctionDescriptor function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _function = function;
        var method = function.Method;
        _factory = method.IsStatic ? ((_, _) => null!) : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        _binders = method.GetParameters().Select(BinderFor).ToArray();
        if (!IsSupportedReturnType(method.ReturnType))
        {
            throw new InvalidOperationException($"{function.EntryPoint} returns {method.ReturnType.Name}; the standalone host runs functions that return an IResult, a Task of one, or Task.");
        }

        _taskResult = AnsweredType(method.ReturnType) is null ? null : method.ReturnType.GetProperty(nameof(Task<IResult>.Result));
    }

    public async Task<IResult?> InvokeHttpAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var outcome = await InvokeAsync(http.RequestServices, new InvocationArguments(http, null, http.RequestAborted));
        return outcome as IResult;
    }

    public Task InvokeTimerAsync(IServiceProvider services, TimerInfo timer, CancellationToken cancellationToken) =>
        InvokeAsync(services, new InvocationArguments(null, timer, cancellationToken));

    private async Task<object?> InvokeAsync(IServiceProvider services, InvocationArguments arguments)
    {
        var instance = _factory(services, null);
        try
        {
            var values = _binders.Select(bind => bind(arguments)).ToArray();
            object? returned;
            try
            {
                returned = _function.Method.Invoke(instance, values);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
                throw;
            }

            if (returned is Task task)
            {
                await task;
                return _taskResult?.GetValue(task);
            }

            return returned;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private Func<InvocationArguments, object?> BinderFor(ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        var name = parameter.Name!;
        return type switch
        {
            _ when type == typeof(HttpRequest) => args => args.Http?.Request ?? throw new InvalidOperationException("No HTTP request in a timer invocation."),
            _ when type == typeof(CancellationToken) => args => args.CancellationToken,
            _ when type == typeof(TimerInfo) => args => args.Timer ?? throw new InvalidOperationException("No timer information in an HTTP invocation."),
            _ when _function.Http is not null && (type == typeof(string) || type == typeof(Guid) || type == typeof(int)) => RouteValue(name, TypeDescriptor.GetConverter(type)),
            _ => throw new InvalidOperationException($"{_function.EntryPoint}: parameter '{name}' of type {type.Name} cannot be bound by the standalone host."),
        };
    }

    private Func<InvocationArguments, object?> RouteValue(string name, TypeConverter converter) =>
        args => args.Http!.Request.RouteValues.TryGetValue(name, out var raw) && raw is not null
            ? converter.ConvertFromInvariantString(Convert.ToString(raw, CultureInfo.InvariantCulture)!)
            : throw new InvalidOperationException($"Route value '{name}' is missing for {_function.EntryPoint}.");

    /// <summary>Any IResult, typed ones (<c>Results&lt;Ok&lt;T&gt;, ProblemResult&gt;</c>) included, as the worker's ASP.NET Core integration executes.</summary>
    private static bool IsSupportedReturnType(Type type) =>
        type == typeof(Task) || typeof(IResult).IsAssignableFrom(AnsweredType(type) ?? type);

    private static Type? AnsweredType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>) ? type.GetGenericArguments()[0] : null;

    private sealed record InvocationArguments(HttpContext? Http, TimerInfo? Timer, CancellationToken CancellationToken);
}
