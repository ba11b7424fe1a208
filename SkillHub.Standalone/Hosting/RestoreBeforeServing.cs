namespace SkillHub.Standalone.Hosting;

/// <summary>
/// <c>--restore &lt;set-directory&gt; [--force]</c> on the standalone host: the set is verified and
/// restored by this very process before it serves, so that the in-memory document store (which no
/// other process can reach) holds the restored documents. <c>restore.sh --serve</c> uses it.
/// </summary>
public sealed record RestoreBeforeServing(string SetDirectory, bool Force)
{
    private const string RestoreOption = "--restore";
    private const string ForceOption = "--force";

    /// <summary>Takes the two options out of <paramref name="args"/>; the rest is the host's.</summary>
    public static RestoreBeforeServing? Take(ref string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var index = Array.IndexOf(args, RestoreOption);
        if (index < 0)
        {
            return null;
        }

        if (index + 1 >= args.Length || args[index + 1].StartsWith('-'))
        {
            throw new InvalidOperationException($"{RestoreOption} needs the backup set's folder.");
        }

        var set = args[index + 1];
        var force = args.Contains(ForceOption, StringComparer.Ordinal);
        args = args.Where((argument, i) => i != index && i != index + 1 && argument != ForceOption).ToArray();
        return new RestoreBeforeServing(set, force);
    }

    /// <summary>The <c>restore</c> verb's arguments for this request.</summary>
    public string[] VerbArguments => Force ? ["restore", SetDirectory, ForceOption] : ["restore", SetDirectory];
}
