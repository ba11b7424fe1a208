namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>
/// The Functions host refuses every function route that starts with "admin" or "runtime", whatever
/// the route prefix: they are its own management API (ScriptHost.ValidateHttpFunction, the error
/// "The specified route conflicts with one or more built in routes"). Admin routes therefore start
/// with a parameter that admits only "admin": the public path stays /api/admin/..., and both the
/// host and the standalone host serve it.
/// </summary>
public static class AdminRoute
{
    public const string Prefix = "{area:regex(^admin$)}";
}
