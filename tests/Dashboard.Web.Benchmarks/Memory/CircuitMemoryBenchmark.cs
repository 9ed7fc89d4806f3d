using Dashboard.Web.Benchmarks.Infrastructure;
namespace Dashboard.Web.Benchmarks.Memory;
public static class CircuitMemoryBenchmark { public const string Command = "memory"; public static Task RunAsync(BenchmarkSettings settings, ResultReport report) => Task.CompletedTask; }
