namespace SkillHub.Functions.Backups;

/// <summary>Where backup sets go and how many are kept (settings <c>Backup__Directory</c>, <c>Backup__Keep</c>).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>
    /// The folder that holds one sub-folder per set. Unset: <c>SkillHub/backups</c> under the user's
    /// local application data (<c>$HOME/.local/share</c> on Linux), which is writable wherever the
    /// app runs and, on Azure, lies on the persistent <c>/home</c> share.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Also copy every set to the blob container <c>backups</c> of the <c>AzureWebJobsStorage</c> account (setting <c>Backup__Blob</c>).</summary>
    public bool Blob { get; set; }

    /// <summary>How many of the newest sets retention keeps.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Fills the default and refuses what cannot work, naming the setting.</summary>
    public BackupOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(Directory))
        {
            Directory = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "SkillHub", "backups");
        }

        if (!Path.IsPathFullyQualified(Directory))
        {
            throw new InvalidOperationException($"Backup__Directory must be an absolute path, not '{Directory}'.");
        }

        if (Keep is < 1 or > 10_000)
        {
            throw new InvalidOperationException($"Backup__Keep must be a whole number from 1 to 10000 (the number of backup sets kept), not {Keep}.");
        }

        return this;
    }
}
