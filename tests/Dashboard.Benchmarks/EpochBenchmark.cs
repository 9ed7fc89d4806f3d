using System.Diagnostics;
using System.Globalization;
using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Data;

namespace Dashboard.Benchmarks;

/// <summary>
/// Runs a backdoor configuration on Fashion-MNIST and prints, per epoch, training and evaluation
/// seconds, resident memory, clean accuracy and each attack's ASR; then the final summary.
/// </summary>
internal static class EpochBenchmark
{
    public static int Run(BackdoorConfiguration configuration, RunEnvironment environment)
    {
        var metrics = new Dictionary<string, double>();
        var context = new ConsoleRunContext(environment, (metric, step, epoch, value) =>
        {
            metrics[metric] = value;
            if (metric == BackdoorMetrics.EvalSeconds)
            {
                PrintEpoch((int)epoch, metrics);
            }
        });

        Console.WriteLine(
            $"Backdoor benchmark: {configuration.TrainingSubsetSize} images, {configuration.Epochs} epochs, batch {configuration.BatchSize}, "
            + $"model width {configuration.ModelWidth}, {configuration.Optimizer}, seed {configuration.Seed}, dataset folder {FashionMnist.ResolveFolder(environment)}.");
        Console.WriteLine("epoch  train_s  eval_s  rss_mib  clean_acc  " + string.Join("  ", configuration.Attacks.Select((_, i) => $"asr[{i}]")));

        var stopwatch = Stopwatch.StartNew();
        var summary = new BackdoorExperiment().Run(configuration, context);
        Console.WriteLine($"Total {stopwatch.Elapsed.TotalSeconds:F1} s.");
        foreach (var measure in summary.Measures)
        {
            Console.WriteLine($"  {measure.Key,-28} {measure.Value.ToString("G6", CultureInfo.InvariantCulture)}");
        }

        return 0;
    }

    private static void PrintEpoch(int epoch, Dictionary<string, double> metrics)
    {
        var asr = metrics
            .Where(m => m.Key.StartsWith(BackdoorMetrics.AsrPrefix, StringComparison.Ordinal))
            .Select(m => $"{m.Key[BackdoorMetrics.AsrPrefix.Length..]}={m.Value:P1}")
            .Concat(metrics
                .Where(m => m.Key.StartsWith(BackdoorMetrics.AsrBoostedPrefix, StringComparison.Ordinal))
                .Select(m => $"boosted {m.Key[BackdoorMetrics.AsrBoostedPrefix.Length..]}={m.Value:P1}"));
        string rss = ProcessMemory.ResidentMebibytes() is { } mib ? mib.ToString("F0", CultureInfo.InvariantCulture) : "n/a";
        Console.WriteLine(
            $"{epoch,5}  {metrics[BackdoorMetrics.EpochSeconds],7:F2}  {metrics[BackdoorMetrics.EvalSeconds],6:F2}  {rss,7}  "
            + $"{metrics[BackdoorMetrics.CleanAccuracy],9:P2}  {string.Join("  ", asr)}");
    }
}
