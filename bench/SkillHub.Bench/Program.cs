using SkillHub.Bench;

var options = BenchOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(BenchOptions.Usage);
    return args.Contains("--help") || args.Contains("-h") ? 0 : 2;
}

var admin = Environment.GetEnvironmentVariable("SKILLHUB_BENCH_POSTGRES");
if (string.IsNullOrEmpty(admin))
{
    await Console.Error.WriteLineAsync("SKILLHUB_BENCH_POSTGRES is not set: run scripts/bench.sh, which sets it.");
    return 2;
}

var bench = new Bench(options, admin);
try
{
    var markdown = await bench.RunAsync();
    Console.WriteLine();
    Console.WriteLine(markdown);
    await File.WriteAllTextAsync(options.Output, markdown);
    Console.WriteLine($"Written to {options.Output}");
    return 0;
}
finally
{
    await bench.DropDatabasesAsync();
}
