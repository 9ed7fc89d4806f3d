using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Dashboard.Web.Benchmarks.Infrastructure;
using Perfolizer.Horology;

namespace Dashboard.Web.Benchmarks.Storage;

/// <summary>Runs the in-process BenchmarkDotNet benchmarks: metric append and chart data of a 1,000,000-point series.</summary>
public static class StorageBenchmarks
{
    public const string Command = "storage";

    public static void Run(BenchmarkSettings settings, ResultReport report)
    {
        var config = CreateConfig(settings);

        var append = BenchmarkRunner.Run<MetricAppendBenchmark>(config);
        var appendTable = new ResultTable(
            "storage-append",
            "LiteDB metric append (LiteDbMetricStore.Append, one batch per call, BenchmarkDotNet)",
            "points per append", "mean ms", "median ms", "99.9% CI ms", "points/s", "allocated KiB");
        foreach (var result in Reports(append))
        {
            int points = (int)result.BenchmarkCase.Parameters["PointsPerAppend"];
            var statistics = result.ResultStatistics!;
            double rate = points / (statistics.Mean / 1e9);
            appendTable.AddRow(points, statistics.Mean / 1e6, statistics.Median / 1e6, statistics.ConfidenceInterval.Margin / 1e6, rate, AllocatedKibibytes(result));
            if (points == 400)
            {
                report.Target("storage append, 400-point batches", rate, 100_000, "points/s", lowerIsBetter: false);
            }
        }

        appendTable.Notes.Add("Each call is one LiteDB transaction that rewrites the metric's open chunk (up to 1,024 points) and its series entry.");
        report.Add(appendTable);

        var chart = BenchmarkRunner.Run<ChartDataBenchmark>(config);
        var chartTable = new ResultTable(
            "chart-data",
            $"Chart data of one {ChartDataBenchmark.SeriesPoints:N0}-point series (BenchmarkDotNet)",
            "step", "mean ms", "median ms", "99.9% CI ms", "allocated MiB");
        foreach (var result in Reports(chart))
        {
            var statistics = result.ResultStatistics!;
            string method = result.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            chartTable.AddRow(method, statistics.Mean / 1e6, statistics.Median / 1e6, statistics.ConfidenceInterval.Margin / 1e6, AllocatedKibibytes(result) / 1024);
            if (method == nameof(ChartDataBenchmark.Downsample))
            {
                report.Target("downsample 1,000,000 to 2,000 points", statistics.Median / 1e6, 50, "ms", lowerIsBetter: true);
            }
        }

        chartTable.Notes.Add("ReadSeries: IMetricStore.Read of the metric (LiteDB query and column decoding). CopyPoints: MetricSeriesBuffer.Read to (x, y) pairs. Downsample: SeriesDownsampler.MinMax to 2,000 points.");
        report.Add(chartTable);
    }

    private static IEnumerable<BenchmarkReport> Reports(Summary summary)
    {
        if (summary.HasCriticalValidationErrors || summary.Reports.Any(result => result.ResultStatistics is null))
        {
            throw new InvalidOperationException($"BenchmarkDotNet could not run every case of {summary.Title}; see its log in {summary.LogFilePath}.");
        }

        return summary.Reports;
    }

    private static double AllocatedKibibytes(BenchmarkReport result) =>
        (result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase) ?? 0) / 1024.0;

    private static IConfig CreateConfig(BenchmarkSettings settings)
    {
        // In-process: no separate project is generated and built, which keeps the run short and independent
        // of the repository's locked package restore.
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        job = settings.Quick
            ? job.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithIterationTime(TimeInterval.FromMilliseconds(250))
            : job.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(20);

        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Full)
            .WithArtifactsPath(Path.Combine(settings.OutputDirectory, "benchmarkdotnet"));
    }
}
