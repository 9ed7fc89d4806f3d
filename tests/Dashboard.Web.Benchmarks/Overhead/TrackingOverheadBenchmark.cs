using Dashboard.Web.Benchmarks.Infrastructure;
namespace Dashboard.Web.Benchmarks.Overhead;
public static class TrackingOverheadBenchmark { public const string Command = "overhead"; public static Task RunAsync(BenchmarkSettings settings, ResultReport report) => Task.CompletedTask; }
