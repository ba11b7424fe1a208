using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SkillHub.Functions.Infrastructure.Sql;

namespace SkillHub.Functions.Backups;

/// <summary>The header and schema block of a postgres.sql, as read.</summary>
public sealed record ScriptHeader(string AppVersion, string SchemaVersion, IReadOnlyList<string> Migrations);

/// <summary>One statement of a postgres.sql after its schema block.</summary>
public abstract record ScriptStatement;

/// <summary><c>COPY table (columns) FROM stdin;</c>: the rows follow, up to <c>\.</c>.</summary>
public sealed record CopyStatement(string Table, string ColumnList) : ScriptStatement;

/// <summary>The journal's own sequence set to its highest id (a fixed statement).</summary>
public sealed record JournalSequenceStatement : ScriptStatement;

/// <summary><c>SELECT setval('sequence', value, is_called);</c></summary>
public sealed record SequenceStatement(string Sequence, long Value, bool IsCalled) : ScriptStatement;

/// <summary><c>COMMIT;</c>, the last line.</summary>
public sealed record EndOfScript : ScriptStatement;

/// <summary>
/// The one grammar of postgres.sql, written by <see cref="PostgresExport"/> and read by
/// <see cref="PostgresImport"/>: the header, the schema block of the migrations it names (exactly the
/// text this build embeds), one COPY block per table of <see cref="PostgresExport.Tables"/> in that
/// order, the sequence positions, COMMIT. Reading refuses any other line (<see cref="InvalidDataException"/>
/// naming the line number), so no SQL from the file is ever run: the importer runs its own.
/// </summary>
public sealed partial class PostgresBackupScript : IDisposable
{
    public const string SchemaBegin = "-- skillhub:schema:begin";
    public const string SchemaEnd = "-- skillhub:schema:end";
    public const string SchemaVersionPrefix = "-- Schema version: ";
    public const string AppVersionPrefix = "-- App version: ";
    public const string EndOfCopy = "\\.";
    public const string Commit = "COMMIT;";

    /// <summary>A row longer than this is not one the exporter wrote (every text the app stores is bounded far below).</summary>
    private const int MaxLineChars = 16 * 1024 * 1024;

    private static readonly string[] Title =
    [
        "-- SkillHub PostgreSQL backup: restore with",
        "--   psql -v ON_ERROR_STOP=1 -d <empty database> -f postgres.sql",
    ];

    private static readonly string[] Preamble = ["\\set ON_ERROR_STOP on", "SET client_encoding = 'UTF8';", "BEGIN;", SchemaBegin];

    /// <summary>
    /// The journal table as DbUp creates it (DbUp.Postgresql's journal), so the app finds its
    /// migrations applied after a restore and adds only newer ones.
    /// </summary>
    private const string JournalDefinition =
        """
        CREATE TABLE schema_versions (
            schemaversionsid serial NOT NULL,
            scriptname character varying(255) NOT NULL,
            applied timestamp without time zone NOT NULL,
            CONSTRAINT "PK_schema_versions_Id" PRIMARY KEY (schemaversionsid)
        );
        """;

    public static string JournalSequenceSql { get; } =
        $"SELECT setval(pg_get_serial_sequence('{PostgresExport.JournalTable}', 'schemaversionsid'), (SELECT max(schemaversionsid) FROM {PostgresExport.JournalTable}));";

    private readonly StreamReader _reader;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _start;
    private int _end;
    private long _lineNumber;
    private int _nextTable;
    private int _nextSequence = -1;
    private bool _inCopy;
    private bool _headerRead;
    private bool _ended;

    public PostgresBackupScript(Stream script)
    {
        ArgumentNullException.ThrowIfNull(script);
        _reader = new StreamReader(script, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
    }

    public void Dispose() => _reader.Dispose();

    /// <summary>The lines before the schema block.</summary>
    public static IEnumerable<string> HeaderLines(string appVersion, string schemaVersion) =>
        [.. Title, AppVersionPrefix + appVersion, SchemaVersionPrefix + schemaVersion, .. Preamble];

    /// <summary>
    /// The schema block's text for these applied migrations (without its begin and end markers):
    /// each migration as this build embeds it, then the journal table. The exporter writes it and the
    /// importer runs it; a script whose block differs by one character is refused.
    /// </summary>
    public static string SchemaText(IEnumerable<string> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var text = new StringBuilder();
        foreach (var migration in migrations)
        {
            text.Append("-- ").Append(migration).Append('\n').Append(MigrationText(migration)).Append('\n');
        }

        return text.Append(JournalDefinition.ReplaceLineEndings("\n")).Append('\n').ToString();
    }

    public static string CopyLine(string table, string columnList) => $"COPY {table} ({columnList}) FROM stdin;";

    public static string SequenceLine(string sequence, long value, bool isCalled) =>
        string.Create(CultureInfo.InvariantCulture, $"SELECT setval('{sequence}', {value}, {(isCalled ? "true" : "false")});");

    /// <summary>Reads the whole script without a database, rows included; returns its header.</summary>
    public static async Task<ScriptHeader> VerifyAsync(Stream script, CancellationToken cancellationToken)
    {
        using var reader = new PostgresBackupScript(script);
        var header = await reader.ReadHeaderAsync(cancellationToken);
        ScriptStatement statement;
        while ((statement = await reader.ReadStatementAsync(cancellationToken)) is not EndOfScript)
        {
            // Statements are checked as read; only COPY blocks carry anything more, each row checked as it is read.
            while (statement is CopyStatement && await reader.ReadRowAsync(cancellationToken) is not null)
            {
            }
        }

        return header;
    }

    /// <summary>The header and the schema block, which must be exactly <see cref="SchemaText"/> of the migrations up to the named version.</summary>
    public async Task<ScriptHeader> ReadHeaderAsync(CancellationToken cancellationToken)
    {
        if (_headerRead)
        {
            throw new InvalidOperationException("The header was already read.");
        }

        _headerRead = true;
        foreach (var expected in Title)
        {
            await ExpectAsync(expected, "the SkillHub backup title", cancellationToken);
        }

        var appVersion = await RequireLineAsync(cancellationToken);
        if (!appVersion.StartsWith(AppVersionPrefix, StringComparison.Ordinal) || appVersion.Any(char.IsControl))
        {
            throw Refused("the app version line");
        }

        var schemaLine = await RequireLineAsync(cancellationToken);
        if (!schemaLine.StartsWith(SchemaVersionPrefix, StringComparison.Ordinal))
        {
            throw Refused("the schema version line");
        }

        var schemaVersion = schemaLine[SchemaVersionPrefix.Length..];
        var index = Migrator.ScriptNames.ToList().IndexOf(schemaVersion);
        if (index < 0)
        {
            throw new InvalidDataException($"The script is at schema version {schemaVersion}, which this build does not know.");
        }

        var migrations = Migrator.ScriptNames.Take(index + 1).ToList();
        foreach (var expected in Preamble)
        {
            await ExpectAsync(expected, $"'{expected}'", cancellationToken);
        }

        foreach (var expected in SchemaText(migrations).TrimEnd('\n').Split('\n'))
        {
            await ExpectAsync(expected, "the schema block exactly as this build writes it for the migrations it names", cancellationToken);
        }

        await ExpectAsync(SchemaEnd, "the end of the schema block", cancellationToken);
        return new ScriptHeader(appVersion[AppVersionPrefix.Length..], schemaVersion, migrations);
    }

    /// <summary>The next statement, which must be the one the exporter writes next; after a <see cref="CopyStatement"/>, read its rows first.</summary>
    public async Task<ScriptStatement> ReadStatementAsync(CancellationToken cancellationToken)
    {
        if (!_headerRead || _inCopy || _ended)
        {
            throw new InvalidOperationException("Read the header first, then every row of a COPY block, and nothing after the end.");
        }

        var line = await RequireLineAsync(cancellationToken);
        if (_nextTable < PostgresExport.Tables.Count)
        {
            var table = PostgresExport.Tables[_nextTable];
            var copy = CopyCommand().Match(line);
            if (!copy.Success || copy.Groups["table"].Value != table || !ColumnList().IsMatch(copy.Groups["columns"].Value))
            {
                throw Refused($"'COPY {table} (its columns) FROM stdin;'");
            }

            _nextTable++;
            _inCopy = true;
            return new CopyStatement(table, copy.Groups["columns"].Value);
        }

        if (_nextSequence < 0)
        {
            if (line != JournalSequenceSql)
            {
                throw Refused("the journal's setval statement");
            }

            _nextSequence = 0;
            return new JournalSequenceStatement();
        }

        if (_nextSequence < PostgresExport.Sequences.Count)
        {
            var sequence = PostgresExport.Sequences[_nextSequence];
            var setval = SetvalStatement().Match(line);
            if (!setval.Success || setval.Groups["sequence"].Value != sequence
                || !long.TryParse(setval.Groups["value"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw Refused($"'SELECT setval('{sequence}', <number>, true|false);'");
            }

            _nextSequence++;
            return new SequenceStatement(sequence, value, setval.Groups["called"].Value == "true");
        }

        if (line != Commit)
        {
            throw Refused("'COMMIT;'");
        }

        if (await NextLineAsync(cancellationToken) is not null)
        {
            throw Refused("the end of the script after COMMIT");
        }

        _ended = true;
        return new EndOfScript();
    }

    /// <summary>The next data line of the current COPY block, as COPY FROM STDIN takes it; null at <c>\.</c>.</summary>
    public async Task<string?> ReadRowAsync(CancellationToken cancellationToken)
    {
        if (!_inCopy)
        {
            throw new InvalidOperationException("No COPY block is being read.");
        }

        var line = await NextLineAsync(cancellationToken)
            ?? throw new InvalidDataException($"line {_lineNumber + 1}: the script ends inside a COPY block: it is truncated.");
        if (line == EndOfCopy)
        {
            _inCopy = false;
            return null;
        }

        return line;
    }

    private async Task ExpectAsync(string expected, string what, CancellationToken cancellationToken)
    {
        if (await RequireLineAsync(cancellationToken) != expected)
        {
            throw Refused(what);
        }
    }

    private async Task<string> RequireLineAsync(CancellationToken cancellationToken) =>
        await NextLineAsync(cancellationToken) ?? throw new InvalidDataException($"line {_lineNumber + 1}: the script ends early: it is truncated.");

    private InvalidDataException Refused(string expected) =>
        new($"line {_lineNumber}: expected {expected}; the line is not what a SkillHub backup writes there.");

    /// <summary>Lines end with '\n' only, as the exporter writes them; a carriage return or a last line without its newline is refused.</summary>
    private async Task<string?> NextLineAsync(CancellationToken cancellationToken)
    {
        StringBuilder? partial = null;
        while (true)
        {
            if (_start == _end)
            {
                try
                {
                    _end = await _reader.ReadAsync(_buffer, cancellationToken);
                }
                catch (DecoderFallbackException exception)
                {
                    throw new InvalidDataException($"line {_lineNumber + 1}: the script is not valid UTF-8.", exception);
                }

                _start = 0;
                if (_end == 0)
                {
                    return partial is null ? null : throw new InvalidDataException($"line {_lineNumber + 1}: the last line has no newline: the script is truncated.");
                }
            }

            var available = _buffer.AsSpan(_start, _end - _start);
            var stop = available.IndexOfAny('\n', '\r');
            if (stop >= 0 && available[stop] == '\r')
            {
                throw new InvalidDataException($"line {_lineNumber + 1}: a carriage return, which the exporter never writes.");
            }

            var taken = stop < 0 ? available : available[..stop];
            if ((partial?.Length ?? 0) + taken.Length > MaxLineChars)
            {
                throw new InvalidDataException($"line {_lineNumber + 1}: longer than any line the exporter writes.");
            }

            if (stop < 0)
            {
                (partial ??= new StringBuilder()).Append(taken);
                _start = _end;
                continue;
            }

            _start += stop + 1;
            _lineNumber++;
            return partial is null ? new string(taken) : partial.Append(taken).ToString();
        }
    }

    /// <summary>The text of a migration, exactly as the app embeds it.</summary>
    private static string MigrationText(string scriptName)
    {
        using var resource = typeof(Migrator).Assembly.GetManifestResourceStream(scriptName)
            ?? throw new InvalidOperationException($"Migration {scriptName} is not one this version of the app knows: use the version that applied it.");
        using var reader = new StreamReader(resource);
        return reader.ReadToEnd().ReplaceLineEndings("\n").TrimEnd('\n');
    }

    [GeneratedRegex(@"^COPY (?<table>[a-z_][a-z0-9_]*) \((?<columns>[^()]*)\) FROM stdin;$", RegexOptions.CultureInvariant)]
    private static partial Regex CopyCommand();

    /// <summary>Column names as <c>quote_ident</c> writes them, separated by ", ": identifiers and nothing else.</summary>
    [GeneratedRegex(@"^(?:[a-z_][a-z0-9_$]*|""(?:[^""]|"""")+"")(?:, (?:[a-z_][a-z0-9_$]*|""(?:[^""]|"""")+""))*$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnList();

    [GeneratedRegex(@"^SELECT setval\('(?<sequence>[a-z_][a-z0-9_]*)', (?<value>-?[0-9]{1,19}), (?<called>true|false)\);$", RegexOptions.CultureInvariant)]
    private static partial Regex SetvalStatement();
}
