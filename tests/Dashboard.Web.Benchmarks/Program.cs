using System.Globalization;
using Dashboard.Web.Benchmarks.Infrastructure;
using Dashboard.Web.Benchmarks.Memory;
using Dashboard.Web.Benchmarks.MetricPath;
using Dashboard.Web.Benchmarks.Overhead;
using Dashboard.Web.Benchmarks.Pages;
using Dashboard.Web.Benchmarks.Storage;

const string Usage = """
    Usage: dotnet run -c Release --project tests/Dashboard.Web.Benchmarks -- COMMAND [options]

    Measures what the dashboard itself costs: the metric path from worker to subscriber, the tracking
    overhead in a worker, storage and page times at scale, and server memory with open run pages.

    Commands:
      all         every measurement below, in this order
      storage     BenchmarkDotNet: LiteDB metric append, reading a 1,000,000-point series, downsampling it
      metrics     end-to-end throughput and report-to-subscriber latency through a real server
      overhead    worker-side cost of reporting the backdoor study's metrics, as a share of an epoch
      pages       runs page with 10,000 runs, run page with a 1,000,000-point series, database size
      memory      server resident memory with open run pages in headless Chromium

    Options:
      --quick            shorter windows and fewer repeats (all: about 4 minutes)
      --out DIR          folder for results.json, results.md and BenchmarkDotNet's files
                         (default: a new folder under the system's temp folder)
      --epoch-seconds S  training seconds of one epoch for the overhead share (default 1.7, the backdoor
                         study's default configuration on a 2-core machine, see docs/benchmarks.md)
      --pages N          run pages opened for the memory measurement (default 10 quick, 50 full)
    """;

var commands = new Dictionary<string, Func<BenchmarkSettings, ResultReport, Task>>(StringComparer.Ordinal)
{
    [StorageBenchmarks.Command] = (settings, report) => Task.Run(() => StorageBenchmarks.Run(settings, report)),
    [MetricPathBenchmark.Command] = MetricPathBenchmark.RunAsync,
    [TrackingOverheadBenchmark.Command] = TrackingOverheadBenchmark.RunAsync,
    [PageBenchmark.Command] = PageBenchmark.RunAsync,
    [CircuitMemoryBenchmark.Command] = CircuitMemoryBenchmark.RunAsync,
};

if (args.Length == 0 || (args[0] != "all" && !commands.ContainsKey(args[0])))
{
    Console.Error.WriteLine(args.Length == 0 ? Usage : $"Unknown command '{args[0]}'.{Environment.NewLine}{Environment.NewLine}{Usage}");
    return 2;
}

bool quick = false;
string? output = null;
double epochSeconds = 1.7;
int pages = 0;
for (int i = 1; i < args.Length; i++)
{
    string option = args[i];
    if (option == "--quick")
    {
        quick = true;
        continue;
    }

    if (i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Option {option} needs a value.{Environment.NewLine}{Environment.NewLine}{Usage}");
        return 2;
    }

    string value = args[++i];
    switch (option)
    {
        case "--out":
            output = Path.GetFullPath(value);
            break;
        case "--epoch-seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0:
            epochSeconds = seconds;
            break;
        case "--pages" when int.TryParse(value, CultureInfo.InvariantCulture, out int count) && count > 0:
            pages = count;
            break;
        default:
            Console.Error.WriteLine($"Unknown option or invalid value: {option} {value}.{Environment.NewLine}{Environment.NewLine}{Usage}");
            return 2;
    }
}

output ??= Directory.CreateTempSubdirectory($"dashboard-web-benchmarks-{DateTime.UtcNow:yyyyMMdd-HHmmss}-").FullName;
var settings = new BenchmarkSettings(quick, output, epochSeconds, pages);
var report = new ResultReport(settings);
Console.WriteLine($"Mode: {(quick ? "quick" : "full")}. Machine: {MachineDescription.Describe()}. Results: {output}");

var selected = args[0] == "all" ? [.. commands.Keys] : new[] { args[0] };
int failures = 0;
foreach (string command in selected)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    Console.WriteLine();
    Console.WriteLine($"== {command} ==");
    try
    {
        await commands[command](settings, report);
    }
    catch (Exception exception) when (exception is not OutOfMemoryException)
    {
        // One failed measurement must not lose the others; the exit status reports it.
        failures++;
        Console.Error.WriteLine($"The '{command}' measurement failed: {exception}");
    }

    Console.WriteLine($"== {command} took {clock.Elapsed.TotalSeconds:F0} s ==");
}

report.Finish();
return failures == 0 ? 0 : 1;
