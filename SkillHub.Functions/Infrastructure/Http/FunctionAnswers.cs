using Microsoft.AspNetCore.Http;

namespace SkillHub.Functions.Infrastructure.Http;

/// <summary>What a function's answer is, whether typed (<c>Results&lt;Ok&lt;T&gt;, ProblemResult&gt;</c>) or not.</summary>
public static class FunctionAnswers
{
    /// <summary>The answer a typed result wraps, or the answer itself.</summary>
    public static IResult Innermost(IResult result) => result is INestedHttpResult nested ? Innermost(nested.Result) : result;

    /// <summary>The status the answer is sent with: 200 unless it says otherwise; no answer at all is a 500.</summary>
    public static int StatusOf(IResult? result) => result is null
        ? StatusCodes.Status500InternalServerError
        : (Innermost(result) as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
}
