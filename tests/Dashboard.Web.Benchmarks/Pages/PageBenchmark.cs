using Dashboard.Web.Benchmarks.Infrastructure;
namespace Dashboard.Web.Benchmarks.Pages;
public static class PageBenchmark { public const string Command = "pages"; public static Task RunAsync(BenchmarkSettings settings, ResultReport report) => Task.CompletedTask; }
