using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using SkillHub.Functions.Infrastructure.Documents;
using SkillHub.Functions.Tests.Support;
using YamlDotNet.RepresentationModel;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Artefacts.Docker;

/// <summary>
/// The Dockerfile, docker-compose.yml and .env.example, checked statically: no Docker engine runs
/// on the development machines, so these files are read here, never run.
/// </summary>
public sealed partial class DockerFilesTests
{
    private const string SdkImage = "mcr.microsoft.com/dotnet/sdk:10.0";
    private const string RuntimeImage = "mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0";
    private const string ScriptRoot = "/home/site/wwwroot";

    private static readonly string[] ServiceNames = ["postgres", "mongo", "azurite", "mail", "app"];

    /// <summary>Secrets compose must refuse to start without (<c>${VAR:?message}</c>).</summary>
    private static readonly string[] RequiredSecrets = ["POSTGRES_PASSWORD", "APP_DB_PASSWORD", "MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "JWT_SIGNING_KEY", "BACKUP_SIGNING_KEY", "BOOTSTRAP_ADMIN_PASSWORD"];

    /// <summary>Variables of .env.example that hold secrets: empty there, or an obvious placeholder.</summary>
    private static readonly string[] SecretVariables = ["POSTGRES_PASSWORD", "APP_DB_PASSWORD", "MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "JWT_SIGNING_KEY", "BACKUP_SIGNING_KEY", "BACKUP_PREVIOUS_SIGNING_KEY", "BOOTSTRAP_ADMIN_PASSWORD"];

    /// <summary>Settings the app cannot run without in the container (README, "Configuration").</summary>
    private static readonly string[] RequiredAppSettings =
    [
        "ConnectionStrings__Postgres", "ConnectionStrings__MongoDB", "SkillHub__DocumentStore",
        "Jwt__SigningKey", "Backup__SigningKey", "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME",
    ];

    private const string InitFolder = "/docker-entrypoint-initdb.d";

    private static readonly string Root = Repository.Root;

    private static readonly Lazy<YamlMappingNode> Compose = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(Root, "docker-compose.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    });

    [Fact]
    public void TheComposeFile_ParsesAsYaml_AndDeclaresPostgresMongoAzuriteTheMailCatcherAndTheApp()
    {
        var services = Mapping(Compose.Value, "services");

        Assert.Equal(ServiceNames.Order(StringComparer.Ordinal), services.Children.Keys.Select(Text).Order(StringComparer.Ordinal));
        Assert.Equal("postgres:16", Scalar(Service("postgres"), "image"));
        Assert.Equal("mongo:7", Scalar(Service("mongo"), "image"));
        Assert.Equal("mcr.microsoft.com/azure-storage/azurite", Scalar(Service("azurite"), "image"));
        Assert.Equal("maildev/maildev:2.2.1", Scalar(Service("mail"), "image"));
        Assert.Equal(".", Scalar(Service("app"), "build"));
    }

    [Fact]
    public void EveryNamedVolumeAServiceMounts_IsDeclaredUnderTheTopLevelVolumes()
    {
        var declared = Compose.Value.Children.TryGetValue(new YamlScalarNode("volumes"), out var node) && node is YamlMappingNode volumes
            ? volumes.Children.Keys.Select(Text).ToHashSet(StringComparer.Ordinal)
            : [];

        var mounted = new List<(string Service, string Volume)>();
        foreach (var (name, service) in Mapping(Compose.Value, "services").Children)
        {
            if (((YamlMappingNode)service).Children.TryGetValue(new YamlScalarNode("volumes"), out var list))
            {
                mounted.AddRange(((YamlSequenceNode)list).Children.Select(NamedVolume).OfType<string>().Select(v => (Text(name), v)));
            }
        }

        foreach (var service in new[] { "postgres", "mongo", "azurite" })
        {
            Assert.Contains(mounted, m => m.Service == service);
        }

        Assert.All(mounted, m => Assert.True(declared.Contains(m.Volume), $"{m.Service} mounts the undeclared volume {m.Volume}."));
    }

    [Fact]
    public void TheApp_WaitsForHealthyPostgresAndMongo_AndForAzuriteToStart()
    {
        var dependsOn = Mapping(Service("app"), "depends_on");

        Assert.Equal("service_healthy", Scalar(Mapping(dependsOn, "postgres"), "condition"));
        Assert.Equal("service_healthy", Scalar(Mapping(dependsOn, "mongo"), "condition"));
        Assert.Equal("service_started", Scalar(Mapping(dependsOn, "azurite"), "condition"));
    }

    [Fact]
    public void PostgresMongoAndTheApp_HaveHealthchecks_OnPgIsReadyAPingAndApiHealth()
    {
        Assert.Contains("pg_isready", HealthcheckCommand("postgres"), StringComparison.Ordinal);
        Assert.Contains("mongosh", HealthcheckCommand("mongo"), StringComparison.Ordinal);
        Assert.Contains("ping", HealthcheckCommand("mongo"), StringComparison.Ordinal);
        Assert.Contains("/api/health", HealthcheckCommand("app"), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryVariableTheComposeFileReads_IsDefinedInEnvExample()
    {
        var used = Scalars(Compose.Value)
            .SelectMany(s => ComposeVariable().Matches(s).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);
        var defined = EnvExample().Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Contains("JWT_SIGNING_KEY", used);
        Assert.Empty(used.Except(defined).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheRequiredSecrets_MakeComposeRefuseToStart_WhenTheyAreNotSet()
    {
        var references = Scalars(Compose.Value).SelectMany(s => ComposeReference().Matches(s)).ToList();

        foreach (var secret in RequiredSecrets)
        {
            var uses = references.Where(m => m.Groups["name"].Value == secret).ToList();
            Assert.NotEmpty(uses);
            Assert.All(uses, m => Assert.True(m.Groups["rest"].Value.StartsWith(":?", StringComparison.Ordinal),
                $"${{{secret}{m.Groups["rest"].Value}}} lets compose start without {secret}; use ${{{secret}:?message}}."));
        }
    }

    [Fact]
    public void TheAppContainer_IsGivenEverySettingTheAppRequires_PointingAtTheComposeServices()
    {
        var environment = AppEnvironment();

        foreach (var setting in RequiredAppSettings)
        {
            Assert.True(environment.TryGetValue(setting, out var value) && !string.IsNullOrWhiteSpace(value), $"The app container lacks {setting}.");
        }

        Assert.Equal("dotnet-isolated", environment["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("mongodb", environment["SkillHub__DocumentStore"]);
        Assert.StartsWith("Host=postgres;", environment["ConnectionStrings__Postgres"], StringComparison.Ordinal);
        Assert.StartsWith("mongodb://", environment["ConnectionStrings__MongoDB"], StringComparison.Ordinal);
        Assert.Equal("mongo", new MongoDB.Driver.MongoUrl(Resolve(environment["ConnectionStrings__MongoDB"])).Server.Host);
        Assert.Contains("BlobEndpoint=http://azurite:10000/devstoreaccount1", environment["AzureWebJobsStorage"], StringComparison.Ordinal);
    }

    [Fact]
    public void TheAppContainer_IsGivenTheFlatScheduleSettingOfEveryTimerFunction()
    {
        var environment = AppEnvironment();

        Assert.All(TimerScheduleSettings(), s => Assert.True(
            environment.TryGetValue(s, out var value) && !string.IsNullOrWhiteSpace(value),
            $"The Functions host resolves %{s}% from the app settings, and the app container does not set {s}."));
    }

    [Fact]
    public void TheExampleLocalSettings_GiveTheFlatScheduleSettingOfEveryTimerFunction()
    {
        var settings = LocalSettings.Read(Path.Combine(Root, "local.settings.example.json"));

        Assert.All(TimerScheduleSettings(), s => Assert.True(
            settings.TryGetValue(s, out var value) && !string.IsNullOrWhiteSpace(value),
            $"func start hands the host the Values of local.settings.json, and local.settings.example.json does not set {s}."));
    }

    [Fact]
    public void TheExampleLocalSettings_NameADocumentStoreTheWorkerAccepts()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(LocalSettings.Read(Path.Combine(Root, "local.settings.example.json")))
            .Build();

        var services = new ServiceCollection().AddDocumentStore(configuration);

        Assert.Contains(services, service => service.ServiceType == typeof(MongoDB.Driver.IMongoClient));
    }

    [Fact]
    public void TheAppContainer_KeepsOneHostIdAcrossRecreations_SoTimersKeepTheirState()
    {
        var environment = AppEnvironment();

        Assert.True(
            environment.TryGetValue("AzureFunctionsWebHost__hostid", out var hostId) && !string.IsNullOrWhiteSpace(hostId),
            "Without AzureFunctionsWebHost__hostid the host id derives from the container's name, and timer state is lost at every recreate.");
        Assert.Matches("^[a-z0-9-]{1,32}$", hostId);
    }

    /// <summary>The flat settings the timer functions' <c>%Name%</c> schedules name.</summary>
    private static List<string> TimerScheduleSettings()
    {
        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory, typeof(SkillHubServices).Assembly);
        var settings = catalog.TimerFunctions
            .Select(f => AppSettingName().Match(f.Timer!.Schedule))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value)
            .ToList();
        Assert.Equal(["BackupSchedule", "NotificationSchedule", "PurgeSchedule", "ReconcileSchedule"], settings.Order(StringComparer.Ordinal));
        return settings;
    }

    [Fact]
    public void TheDockerfile_BuildsOnTheSdkImage_AndRunsOnTheOfficialIsolatedFunctionsImage()
    {
        var images = Instructions("FROM").Select(a => a.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(t => !t.StartsWith("--", StringComparison.Ordinal))).ToList();

        Assert.Equal(2, images.Count);
        Assert.Equal(SdkImage, images[0]);
        Assert.Equal(RuntimeImage, images[^1]);
    }

    [Fact]
    public void EveryCopySourceOfTheDockerfile_ExistsInTheRepository()
    {
        var sources = Instructions("COPY")
            .Select(CopyArguments)
            .Where(a => !a.Any(t => t.StartsWith("--from", StringComparison.Ordinal)))
            .SelectMany(a => a.Where(t => !t.StartsWith("--", StringComparison.Ordinal)).SkipLast(1))
            .ToList();

        Assert.Contains("SkillHub.Functions/SkillHub.Functions.csproj", sources);
        Assert.Contains("SkillHub.Standalone/SkillHub.Standalone.csproj", sources);
        Assert.All(sources, s =>
        {
            var path = Path.Combine(Root, s.TrimEnd('/'));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY {s}: no such file or folder in the repository.");
        });
        Assert.DoesNotContain(sources, s => s.StartsWith("SkillHub.Functions.Tests", StringComparison.Ordinal) || s == ".");
    }

    [Fact]
    public void TheDockerfile_PublishesOnlyTheAppToTheScriptRoot_AndBakesInNoSetting()
    {
        var runs = Instructions("RUN").ToList();
        Assert.Contains(runs, r => r.Contains($"dotnet publish SkillHub.Functions -c Release -o {ScriptRoot}", StringComparison.Ordinal));
        Assert.DoesNotContain(runs, r => r.Contains("dotnet test", StringComparison.Ordinal));
        Assert.Contains(Instructions("COPY"), c => c.StartsWith("--from=build", StringComparison.Ordinal) && c.Contains(ScriptRoot, StringComparison.Ordinal));

        var environment = Instructions("ENV")
            .SelectMany(e => e.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        Assert.Equal(ScriptRoot, environment["AzureWebJobsScriptRoot"]);
        Assert.Equal("true", environment["AzureFunctionsJobHost__Logging__Console__IsEnabled"]);

        var baked = environment.Keys.Concat(Instructions("ARG").Select(a => a.Split('=')[0].Trim()));
        Assert.DoesNotContain(baked, k => SecretSettingName().IsMatch(k));
    }

    [Fact]
    public void DotEnvAndLocalSettings_AreGitIgnored_AndKeptOutOfTheDockerBuildContext()
    {
        var gitIgnored = IgnoreEntries(".gitignore");
        var dockerIgnored = IgnoreEntries(".dockerignore");

        Assert.Contains(".env", gitIgnored);
        Assert.Contains("local.settings.json", gitIgnored);
        foreach (var entry in new[] { ".env", "local.settings.json", ".git", "**/bin/", "**/obj/", "SkillHub.Functions.Tests/" })
        {
            Assert.Contains(entry, dockerIgnored);
        }
    }

    [Fact]
    public void TheEnvExample_LeavesEverySecretEmptyOrAnObviousPlaceholder_AndHoldsNoRealLookingValue()
    {
        var values = EnvExample();

        foreach (var secret in SecretVariables)
        {
            Assert.True(values.TryGetValue(secret, out var value), $".env.example does not name {secret}.");
            Assert.True(value.Length == 0 || Placeholder().IsMatch(value), $".env.example gives {secret} a value that is not an obvious placeholder.");
        }

        Assert.All(values, pair => Assert.False(LooksRandom(pair.Value), $".env.example: {pair.Key} looks like a real secret."));
        Assert.Contains("openssl rand -base64 48", File.ReadAllText(Path.Combine(Root, ".env.example")), StringComparison.Ordinal);
    }

    [Fact]
    public void TheApp_ConnectsAsItsOwnRole_WhichTheInitScriptCreatesWithoutSuperuserPowers_AndWhichOwnsTheSchema()
    {
        var postgres = Mapping(Service("postgres"), "environment").Children.ToDictionary(c => Text(c.Key), c => Resolve(Text(c.Value)), StringComparer.Ordinal);
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(Resolve(AppEnvironment()["ConnectionStrings__Postgres"]));
        var init = ((YamlSequenceNode)Service("postgres").Children[new YamlScalarNode("volumes")]).Children.Select(Text)
            .Single(v => v.Split(':')[1] == InitFolder).Split(':')[0];
        var scripts = Directory.GetFiles(Path.Combine(Root, init));
        var sql = string.Join('\n', scripts.Select(File.ReadAllText));

        Assert.Equal("skillhub_app", connection.Username);
        Assert.NotEqual(postgres["POSTGRES_USER"], connection.Username);
        Assert.Equal(connection.Username, postgres["APP_DB_USER"]);
        Assert.Contains("${APP_DB_PASSWORD:?", AppEnvironment()["ConnectionStrings__Postgres"], StringComparison.Ordinal);
        Assert.DoesNotContain("POSTGRES_PASSWORD", AppEnvironment()["ConnectionStrings__Postgres"], StringComparison.Ordinal);
        var create = Assert.Single(sql.Split('\n'), l => l.StartsWith("CREATE ROLE", StringComparison.Ordinal));
        foreach (var attribute in new[] { "LOGIN", "NOSUPERUSER", "NOCREATEDB", "NOCREATEROLE" })
        {
            Assert.Contains($" {attribute} ", create, StringComparison.Ordinal);
        }

        Assert.Contains(@"\getenv app_user APP_DB_USER", sql, StringComparison.Ordinal);
        Assert.Contains(@"\getenv app_password APP_DB_PASSWORD", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("$APP_DB_PASSWORD", sql, StringComparison.Ordinal);
        Assert.Contains("ALTER SCHEMA public OWNER TO :\"app_user\";", sql, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var script in scripts)
            {
                Assert.True((File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{script} is not executable: the postgres image would source it.");
            }
        }
    }

    [Fact]
    public void MongoRunsWithAuthentication_AndTheAppConnectsAsItsOwnUser_WithReadWriteOnTheAppDatabaseOnly()
    {
        var mongo = Mapping(Service("mongo"), "environment").Children.ToDictionary(c => Text(c.Key), c => Text(c.Value), StringComparer.Ordinal);
        var url = new MongoDB.Driver.MongoUrl(Resolve(AppEnvironment()["ConnectionStrings__MongoDB"], new() { ["MONGO_APP_PASSWORD"] = "0123456789abcdef" }));
        var init = ((YamlSequenceNode)Service("mongo").Children[new YamlScalarNode("volumes")]).Children.Select(Text)
            .Single(v => v.Split(':')[1] == InitFolder).Split(':')[0];
        var script = string.Join('\n', Directory.GetFiles(Path.Combine(Root, init), "*.js").Select(File.ReadAllText));

        Assert.Contains("${MONGO_ROOT_PASSWORD:?", mongo["MONGO_INITDB_ROOT_PASSWORD"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(Resolve(mongo["MONGO_INITDB_ROOT_USERNAME"])), "Without a root user the mongo image leaves authentication off.");
        Assert.Equal(Resolve(mongo["MONGO_APP_USER"]), url.Username);
        Assert.NotEqual(Resolve(mongo["MONGO_INITDB_ROOT_USERNAME"]), url.Username);
        Assert.Equal(Resolve(mongo["MONGO_INITDB_DATABASE"]), url.DatabaseName);
        Assert.Equal(url.DatabaseName, url.AuthenticationSource);
        Assert.Equal(url.DatabaseName, Resolve(AppEnvironment()["MongoDB__Database"]));
        Assert.Contains("${MONGO_APP_PASSWORD:?", AppEnvironment()["ConnectionStrings__MongoDB"], StringComparison.Ordinal);
        Assert.DoesNotContain("MONGO_ROOT", AppEnvironment()["ConnectionStrings__MongoDB"], StringComparison.Ordinal);

        Assert.Contains("user: process.env.MONGO_APP_USER", script, StringComparison.Ordinal);
        Assert.Contains("pwd: process.env.MONGO_APP_PASSWORD", script, StringComparison.Ordinal);
        var roles = MongoRole().Matches(script).Select(m => (Role: m.Groups["role"].Value, Db: m.Groups["db"].Value)).ToList();
        Assert.Equal([("readWrite", "database"), ("skillhubCollMod", "database")], roles);
        Assert.Contains("const database = db.getName();", script, StringComparison.Ordinal);
        Assert.Contains("actions: ['collMod']", script, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStack_HasABootstrapAdminToSignInWith_AndLoadsTheDemoDatasetBakedIntoTheImage_OnlyWhenAskedTo()
    {
        var environment = AppEnvironment();
        var copies = Instructions("COPY").Select(CopyArguments).Where(a => !a.Any(t => t.StartsWith("--", StringComparison.Ordinal))).ToList();

        Assert.Contains("${BOOTSTRAP_ADMIN_EMAIL:?", environment["Bootstrap__AdminEmail"], StringComparison.Ordinal);
        Assert.Contains("${BOOTSTRAP_ADMIN_PASSWORD:?", environment["Bootstrap__AdminPassword"], StringComparison.Ordinal);
        Assert.Equal("false", Resolve(environment["SkillHub__SeedDemoData"]));
        Assert.Equal("false", EnvExample()["SEED_DEMO_DATA"]);
        Assert.Equal("${SEED_DEMO_DATA:-false}", environment["SkillHub__SeedDemoData"]);
        Assert.Contains(copies, c => c.SequenceEqual(["data/demo.json", environment["SkillHub__DemoData"]]));
    }

    [Fact]
    public void OnlyTheAppAndTheMailInboxArePublished_OnTheLoopbackAddressByDefault_AzuriteAndTheDatabasesNotAtAll()
    {
        var published = Mapping(Compose.Value, "services").Children
            .Where(s => ((YamlMappingNode)s.Value).Children.ContainsKey(new YamlScalarNode("ports")))
            .ToDictionary(s => Text(s.Key), s => ((YamlSequenceNode)((YamlMappingNode)s.Value).Children[new YamlScalarNode("ports")]).Children.Select(p => Resolve(Text(p))).ToList(), StringComparer.Ordinal);

        Assert.Equal(["app", "mail"], published.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["127.0.0.1:7071:80"], published["app"]);
        Assert.Equal(["127.0.0.1:1080:1080"], published["mail"]);
        Assert.Equal("127.0.0.1", EnvExample()["APP_BIND"]);
    }

    /// <summary>A compose value with each <c>${NAME:-default}</c> and <c>${NAME:?message}</c> replaced as compose would with .env.example as .env (<paramref name="filled"/>: secrets filled in).</summary>
    private static string Resolve(string value, Dictionary<string, string>? filled = null)
    {
        var example = EnvExample();
        foreach (var (name, secret) in filled ?? [])
        {
            example[name] = secret;
        }

        return ComposeReference().Replace(value, m =>
        {
            var defined = example.GetValueOrDefault(m.Groups["name"].Value, "");
            var rest = m.Groups["rest"].Value;
            return rest.StartsWith(":-", StringComparison.Ordinal) && defined.Length == 0 ? rest[2..] : defined;
        });
    }

    private static YamlMappingNode Service(string name) => Mapping(Mapping(Compose.Value, "services"), name);

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) =>
        Assert.IsType<YamlMappingNode>(node.Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlMappingNode node, string key) =>
        Assert.IsType<YamlScalarNode>(node.Children[new YamlScalarNode(key)]).Value ?? "";

    private static string Text(YamlNode node) => Assert.IsType<YamlScalarNode>(node).Value ?? "";

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? ""],
        YamlSequenceNode sequence => sequence.Children.SelectMany(Scalars),
        YamlMappingNode mapping => mapping.Children.SelectMany(c => Scalars(c.Key).Concat(Scalars(c.Value))),
        _ => [],
    };

    private static string HealthcheckCommand(string service)
    {
        var test = Mapping(Service(service), "healthcheck").Children[new YamlScalarNode("test")];
        return string.Join(' ', Scalars(test));
    }

    /// <summary>The volume name of a mount, or null for a bind mount or an anonymous volume.</summary>
    private static string? NamedVolume(YamlNode mount)
    {
        if (mount is YamlMappingNode longSyntax)
        {
            return Scalar(longSyntax, "type") == "volume" && longSyntax.Children.ContainsKey(new YamlScalarNode("source"))
                ? Scalar(longSyntax, "source")
                : null;
        }

        var parts = Text(mount).Split(':');
        return parts.Length > 1 && !parts[0].StartsWith('.') && !parts[0].StartsWith('/') && !parts[0].StartsWith('~') ? parts[0] : null;
    }

    private static Dictionary<string, string> AppEnvironment() =>
        Mapping(Service("app"), "environment").Children.ToDictionary(c => Text(c.Key), c => Text(c.Value), StringComparer.Ordinal);

    private static Dictionary<string, string> EnvExample()
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(Root, ".env.example")).Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            Assert.True(equals > 0, $".env.example: '{line}' is not NAME=value.");
            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
            {
                value = value[1..^1];
            }

            values[line[..equals].Trim()] = value;
        }

        return values;
    }

    /// <summary>The arguments of each Dockerfile instruction of that name, continuation lines joined.</summary>
    private static IEnumerable<string> Instructions(string name)
    {
        var text = File.ReadAllText(Path.Combine(Root, "Dockerfile")).Replace("\\\n", " ", StringComparison.Ordinal);
        return text.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase))
            .Select(l => l[(name.Length + 1)..].Trim());
    }

    private static List<string> CopyArguments(string arguments)
    {
        var flags = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).TakeWhile(t => t.StartsWith("--", StringComparison.Ordinal)).ToList();
        var rest = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(flags.Count);
        var joined = string.Join(' ', rest);
        var paths = joined.StartsWith('[')
            ? JsonSerializer.Deserialize<List<string>>(joined) ?? []
            : joined.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        return [.. flags, .. paths];
    }

    private static HashSet<string> IgnoreEntries(string file) =>
        File.ReadLines(Path.Combine(Root, file))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>A long run of letters, digits and symbols with no word in it: a generated key or password.</summary>
    private static bool LooksRandom(string value)
    {
        if (value.Length < 16 || value.Any(char.IsWhiteSpace) || Placeholder().IsMatch(value))
        {
            return false;
        }

        var classes = new[] { value.Any(char.IsUpper), value.Any(char.IsLower), value.Any(char.IsDigit), value.Any(c => !char.IsLetterOrDigit(c)) };
        return classes.Count(c => c) >= 3;
    }

    /// <summary>A compose variable read: <c>${NAME...}</c> or <c>$NAME</c>, not the escaped <c>$$</c>.</summary>
    [GeneratedRegex(@"(?<!\$)\$(?:\{(?<name>[A-Za-z_][A-Za-z0-9_]*)|(?<name>[A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex ComposeVariable();

    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<rest>[^}]*)\}")]
    private static partial Regex ComposeReference();

    /// <summary>A role granted in the mongo init script: <c>{ role: 'readWrite', db: database }</c>.</summary>
    [GeneratedRegex(@"\{\s*role:\s*'(?<role>[^']+)',\s*db:\s*(?<db>[^\s}]+)\s*\}")]
    private static partial Regex MongoRole();

    [GeneratedRegex("^%(?<name>[^%]+)%$")]
    private static partial Regex AppSettingName();

    [GeneratedRegex("ConnectionStrings|Jwt|Password|Secret|Bootstrap|AzureWebJobsStorage", RegexOptions.IgnoreCase)]
    private static partial Regex SecretSettingName();

    [GeneratedRegex("change-?me|replace|placeholder|example", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
