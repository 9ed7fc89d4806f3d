using System.Diagnostics;
using Dashboard.Training.Backdoor;
using Dashboard.Web.Benchmarks.Infrastructure;
using Dashboard.Worker;

namespace Dashboard.Web.Benchmarks.Overhead;

/// <summary>
/// The worker-side cost of tracking: a <see cref="WorkerRunContext"/> attached to a real server receives the
/// calls that one epoch of the backdoor study's default configuration makes, at the pace of a real epoch.
/// The default configuration trains on 60,000 images in batches of 128, so one epoch is 469 steps, each
/// reporting train/loss and train/learning_rate, with a progress report 4 times per epoch. After the epoch
/// come 9 test and timing metrics (clean accuracy, ASR and robust accuracy of the patch and blend random
/// attacks, the blend attack's boosted ASR, average ASR, epoch and evaluation seconds) and one log line.
/// This process does no training, so its CPU time during a reporting epoch bounds what tracking takes from
/// a worker: the training thread's time inside the calls plus the background loop that sends them.
/// </summary>
public static class TrackingOverheadBenchmark
{
    public const string Command = "overhead";

    private const int StepsPerEpoch = 469;
    private const int ProgressReportsPerEpoch = 4;
    private static readonly string[] AttackLabels = ["patch", "blend_random"];

    /// <summary>Global step of the stand-in training loop, increasing across all epochs of the measurement.</summary>
    private static long s_step;

    public static async Task RunAsync(BenchmarkSettings settings, ResultReport report)
    {
        int warmUpEpochs = settings.Choose(3, 5);
        int epochs = settings.Choose(5, 15);
        var epochTime = TimeSpan.FromSeconds(settings.EpochSeconds);
        var table = new ResultTable(
            "overhead",
            $"Tracking overhead in the worker: {StepsPerEpoch} steps x 2 metrics per epoch, paced over {settings.EpochSeconds:F2} s",
            "epoch", "mode", "wall s", "process CPU ms", "in-call ms", "CPU share of epoch %");

        using var folder = new DataFolder("overhead");
        await using var server = await DashboardServerProcess.StartAsync(folder.Path, SimulatedWorkerFleet.ServerSettings(folder.Path, maxRuns: 1));

        // Epochs without any reporting context: the cost of the stand-in training loop itself (sleeping between steps).
        var untracked = new List<double>();
        for (int epoch = 1 - warmUpEpochs; epoch <= epochs; epoch++)
        {
            var cost = RunEpoch(null, epochTime, epoch);
            if (epoch > 0)
            {
                untracked.Add(cost.CpuMilliseconds);
                table.AddRow(epoch, "untracked", cost.WallSeconds, cost.CpuMilliseconds, cost.InCallMilliseconds, Share(cost.CpuMilliseconds, cost.WallSeconds));
            }
        }

        await using var fleet = await SimulatedWorkerFleet.StartAsync(server, runs: 1);
        var context = fleet.Workers[0].Context;

        // Unrecorded epochs first, so that JIT compilation (including tiered recompilation) is not counted.
        for (int epoch = 1 - warmUpEpochs; epoch <= 0; epoch++)
        {
            RunEpoch(context, epochTime, epoch);
        }

        var idleCpu = new List<double>();
        var reportingCpu = new List<double>();
        var inCall = new List<double>();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            // Alternating the modes spreads the machine's background load over both.
            var idle = RunEpoch(context, epochTime, epoch, report: false);
            var reporting = RunEpoch(context, epochTime, epoch);
            idleCpu.Add(idle.CpuMilliseconds);
            reportingCpu.Add(reporting.CpuMilliseconds);
            inCall.Add(reporting.InCallMilliseconds);
            table.AddRow(epoch, "idle", idle.WallSeconds, idle.CpuMilliseconds, idle.InCallMilliseconds, Share(idle.CpuMilliseconds, idle.WallSeconds));
            table.AddRow(epoch, "reporting", reporting.WallSeconds, reporting.CpuMilliseconds, reporting.InCallMilliseconds, Share(reporting.CpuMilliseconds, reporting.WallSeconds));
        }

        double untrackedMedian = Statistics.Of(untracked).Median;
        double idleMedian = Statistics.Of(idleCpu).Median;
        double reportingMedian = Statistics.Of(reportingCpu).Median;
        double inCallMedian = Statistics.Of(inCall).Median;
        double tracking = Share(reportingMedian - untrackedMedian, settings.EpochSeconds);
        table.Notes.Add("untracked: the paced loop alone, before any run is attached. idle: the worker's reporting context runs (send loop, heartbeats) but nothing is reported. reporting: the epoch's calls are made.");
        table.Notes.Add($"Median CPU per epoch: {untrackedMedian:F1} ms untracked, {idleMedian:F1} ms idle, {reportingMedian:F1} ms reporting. The training thread spent {inCallMedian:F2} ms inside the calls.");
        table.Notes.Add($"Tracking cost (reporting - untracked) / epoch time: {tracking:F2}%. Including the paced loop's own CPU: {Share(reportingMedian, settings.EpochSeconds):F2}%.");
        table.Notes.Add("Process CPU includes the .NET runtime's own threads; the server's cost is in its own process and not counted here.");
        report.Target("tracking overhead in the worker", tracking, 1, "% of an epoch", lowerIsBetter: true);
        report.Add(table);
    }

    private static double Share(double cpuMilliseconds, double epochSeconds) => cpuMilliseconds / (epochSeconds * 1000) * 100;

    /// <summary>Runs one paced epoch; reports to <paramref name="context"/> unless it is null or <paramref name="report"/> is false.</summary>
    private static EpochCost RunEpoch(WorkerRunContext? context, TimeSpan epochTime, int epoch, bool report = true)
    {
        var cpuBefore = ProcessCpuTime.Now();
        long inCallTicks = 0;
        var clock = Stopwatch.StartNew();
        int progressInterval = StepsPerEpoch / ProgressReportsPerEpoch;

        for (int i = 0; i < StepsPerEpoch; i++)
        {
            // Stands in for the forward and backward pass of one batch.
            var due = epochTime * (i + 1) / StepsPerEpoch;
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                Thread.Sleep(wait);
            }

            if (context is null || !report)
            {
                continue;
            }

            long step = ++s_step;
            double position = Math.Max(0, epoch) + ((i + 1) / (double)StepsPerEpoch);
            long start = Stopwatch.GetTimestamp();
            context.ReportMetric(BackdoorMetrics.TrainLoss, step, position, 0.5 + (0.001 * i));
            context.ReportMetric(BackdoorMetrics.LearningRate, step, position, 1e-3);
            if ((i + 1) % progressInterval == 0)
            {
                context.ReportProgress(position / 5, $"epoch {epoch + 1} of 5");
            }

            inCallTicks += Stopwatch.GetTimestamp() - start;
        }

        if (context is not null && report)
        {
            long start = Stopwatch.GetTimestamp();
            ReportEvaluation(context, s_step, epoch + 1);
            inCallTicks += Stopwatch.GetTimestamp() - start;
        }

        var wall = clock.Elapsed;
        var cpu = ProcessCpuTime.Now() - cpuBefore;
        return new EpochCost(wall.TotalSeconds, cpu.TotalMilliseconds, inCallTicks * 1000.0 / Stopwatch.Frequency);
    }

    private static void ReportEvaluation(WorkerRunContext context, long step, int epoch)
    {
        context.ReportMetric(BackdoorMetrics.CleanAccuracy, step, epoch, 0.87);
        foreach (string label in AttackLabels)
        {
            context.ReportMetric(BackdoorMetrics.Asr(label), step, epoch, 0.95);
            context.ReportMetric(BackdoorMetrics.RobustAccuracy(label), step, epoch, 0.04);
        }

        context.ReportMetric(BackdoorMetrics.AsrBoosted("blend_random"), step, epoch, 0.97);
        context.ReportMetric(BackdoorMetrics.AverageAsr, step, epoch, 0.95);
        context.ReportMetric(BackdoorMetrics.EpochSeconds, step, epoch, 1.7);
        context.ReportMetric(BackdoorMetrics.EvalSeconds, step, epoch, 0.3);
        context.ReportProgress(epoch / 5.0, $"epoch {epoch} of 5 evaluated");
        context.Log($"Epoch {epoch} of 5: clean accuracy 87.0%, ASR patch 95.0%, blend random 95.0%; 1.7 s training, 0.3 s evaluation.");
    }

    private sealed record EpochCost(double WallSeconds, double CpuMilliseconds, double InCallMilliseconds);
}
