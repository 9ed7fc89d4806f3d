using System.Diagnostics;
using System.Globalization;
using Dashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Benchmarks;

/// <summary>
/// Compares each model's training throughput with the machine's limit. The limit is libtorch's fp32 matrix
/// product of large square matrices (2n³ FLOPs, median of repeats) or of one large 3×3 convolution, whichever is
/// faster. The convolution is there because the models' convolutions run in oneDNN, which on a 2-core AMD EPYC
/// reached more than twice the GFLOP/s of MKL's sgemm. A model's
/// achieved throughput is its counted training FLOPs per step (<see cref="LayerCounts"/>: 6 × forward
/// multiply-adds of its convolution and linear layers) divided by the median time of a <see cref="PlainTrainingLoop"/>
/// step. The target is 40% of the limit for the ResNet at batch 256; below it, a per-layer profile shows where
/// the time goes, and a run with channels-last images shows whether our code's choice of memory layout matters.
/// </summary>
internal static class ThroughputBenchmark
{
    public const string Command = "throughput";

    private const double TargetShare = 0.40;

    private const string Usage = """
        Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- throughput [options]

        Measures libtorch's fp32 GFLOP/s in large matrix products and one large convolution, takes the best as the limit,
        and prints each model's achieved GFLOP/s per training step as a share of it. When the ResNet at batch 256
        stays under 40%, profiles it layer by layer.

        Options:
          --quick          fewer repeats (matrix products 5, ResNet steps 3, profile 2 per half; default 15, 10, 5)
          --sizes LIST     square matrix sizes (default 2048,4096)
          --batches LIST   batch sizes of the models (default 64,256)
          --profile        profile the ResNet even when it meets the target
          --threads N      libtorch intra-op threads (default: libtorch's choice)
          --out DIR        also write throughput.json and throughput.md to DIR
        """;

    public static int Run(string[] args)
    {
        bool forceProfile = args.Contains("--profile");
        BenchmarkArguments arguments;
        int[] sizes;
        int[] batches;
        try
        {
            arguments = BenchmarkArguments.Parse(args.Where(arg => arg != "--profile").ToArray(), "--sizes", "--batches");
            sizes = arguments.Counts("--sizes", [2048, 4096]);
            batches = arguments.Counts("--batches", [64, 256]);
            TorchDevices.SetThreads(arguments.Threads);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
            return 2;
        }

        NativeAllocator.KeepBatchBuffersInHeap();
        bool quick = arguments.Quick;
        var report = new BenchmarkReport(Command, "fp32 throughput of libtorch's dense kernels and the share of it each model's training step achieves.", quick);
        report.Setup("training FLOPs per step", "6 x forward multiply-adds of conv and linear layers (conv: output elements x input channels x kernel height x kernel width; linear: output elements x input features)");

        double limit = MeasureMatrixMultiply(report, sizes, quick ? 5 : 15);
        double resNetShare = MeasureModels(report, batches, limit, quick);
        int largestBatch = batches.Max();
        bool belowTarget = resNetShare < TargetShare;
        report.Note(FormattableString.Invariant(
            $"Target: the ResNet at batch {largestBatch} reaches at least {TargetShare:P0} of the dense-kernel limit; it reached {resNetShare:P1}, so the target is {(belowTarget ? "not met" : "met")}."));
        if (belowTarget || forceProfile)
        {
            Profile(report, largestBatch, limit, quick);
        }

        report.Write(arguments.OutputFolder);
        return 0;
    }

    /// <summary>
    /// Returns the highest median GFLOP/s of the dense kernels. For each size one kernel is torch.mm of two n×n
    /// matrices, which libtorch hands to MKL's sgemm. The other is the forward pass of one 3×3 convolution as in
    /// the ResNet's third stage: 64 images of 256 channels at 16×16 pixels into 256 channels. libtorch hands that convolution
    /// to oneDNN, like all the models' convolutions.
    /// </summary>
    private static double MeasureMatrixMultiply(BenchmarkReport report, int[] sizes, int repeats)
    {
        var table = new ResultTable("fp32 dense kernels", "kernel", "shape", "median GFLOP/s", "IQR GFLOP/s", "median s", "repeats");
        double best = 0;
        foreach (int n in sizes)
        {
            torch.manual_seed(1);
            using var a = torch.rand(n, n);
            using var b = torch.rand(n, n);
            best = Math.Max(best, TimeKernel(report, table, "torch.mm (MKL sgemm)", $"{n}x{n} by {n}x{n}", () => a.mm(b), 2.0 * n * n * n, repeats));
        }

        using var images = torch.rand(64, 256, 16, 16);
        using var weight = torch.rand(256, 256, 3, 3);
        double convolutionFlops = 2.0 * 64 * 256 * 16 * 16 * 256 * 9;
        best = Math.Max(best, TimeKernel(report, table, "conv2d 3x3 forward (oneDNN)", "64x256x16x16 to 256 channels", () => nn.functional.conv2d(images, weight, padding: [1, 1]), convolutionFlops, repeats));

        report.Add(table);
        report.Setup("dense-kernel limit GFLOP/s", best.ToString("F1", CultureInfo.InvariantCulture));
        return best;
    }

    /// <summary>Times <paramref name="kernel"/> after two untimed runs, adds a table row and returns the median GFLOP/s.</summary>
    private static double TimeKernel(BenchmarkReport report, ResultTable table, string name, string shape, Func<Tensor> kernel, double flops, int repeats)
    {
        var gigaflops = new List<double>();
        var seconds = new List<double>();
        for (int i = 0; i < repeats + 2; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using (kernel())
            {
                double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
                if (i >= 2)
                {
                    seconds.Add(elapsed);
                    gigaflops.Add(flops / elapsed / 1e9);
                }
            }
        }

        var summary = TimingSummary.Of(gigaflops);
        table.Add(name, shape, summary.Median, summary.InterquartileRange, SampleStatistics.Median(seconds), repeats);
        report.Data($"{name} {shape} GFLOP/s", gigaflops);
        return summary.Median;
    }

    /// <summary>Measures every model and batch, and returns the ResNet's share of the limit at the largest batch.</summary>
    private static double MeasureModels(BenchmarkReport report, int[] batches, double limit, bool quick)
    {
        var table = new ResultTable(
            "Training step throughput (plain TorchSharp loop, AdamW)",
            "model", "batch", "images", "forward GMAC", "training GFLOP", "median step ms", "IQR ms", "steps", "GFLOP/s", "share of limit");
        double resNetShare = 0;
        foreach (var definition in BenchmarkModel.All)
        {
            foreach (int batch in batches)
            {
                bool large = definition.Name == "resNet18";
                var (warmups, repeats) = StepCounts(large, quick);
                var variants = large && batch == batches.Max() ? new[] { false, true } : [false];
                foreach (bool channelsLast in variants)
                {
                    var (multiplyAdds, steps) = MeasureModel(definition, batch, warmups, repeats, channelsLast);
                    var summary = TimingSummary.Of(steps);
                    double flops = LayerCounts.TrainingFlopsPerMultiplyAdd * multiplyAdds;
                    double achieved = flops / summary.Median / 1e9;
                    string images = channelsLast ? "channels-last" : "contiguous";
                    table.Add(definition.Name, batch, images, multiplyAdds / 1e9, flops / 1e9, summary.Median * 1e3, summary.InterquartileRange * 1e3, repeats, achieved, (achieved / limit).ToString("P1", CultureInfo.InvariantCulture));
                    report.Data($"{definition.Name}Batch{batch}{(channelsLast ? "ChannelsLast" : "")}StepSeconds", steps);
                    if (large && batch == batches.Max() && !channelsLast)
                    {
                        resNetShare = achieved / limit;
                    }
                }
            }
        }

        report.Add(table);
        return resNetShare;
    }

    /// <summary>Returns the untimed and timed steps per measurement: the ResNet's steps take about 100 times longer than the small CNN's.</summary>
    private static (int Warmups, int Repeats) StepCounts(bool large, bool quick)
    {
        if (large)
        {
            return quick ? (1, 3) : (3, 10);
        }

        return quick ? (5, 20) : (20, 100);
    }

    private static (long MultiplyAdds, List<double> StepSeconds) MeasureModel(BenchmarkModel definition, int batch, int warmups, int repeats, bool channelsLast)
    {
        torch.manual_seed(1);
        using var model = definition.Create();
        using var loop = new PlainTrainingLoop(model, [batch, definition.Shape.Channels, definition.Shape.Height, definition.Shape.Width], definition.ClassCount, seed: 1);
        if (channelsLast)
        {
            loop.UseChannelsLastImages();
        }

        long multiplyAdds = LayerCounts.Count(model, loop.Images).Sum(layer => layer.MultiplyAdds);
        var seconds = new List<double>();
        float firstLoss = 0;
        float lastLoss = 0;
        for (int i = 0; i < warmups + repeats; i++)
        {
            long start = Stopwatch.GetTimestamp();
            lastLoss = loop.Step();
            double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            firstLoss = i == 0 ? lastLoss : firstLoss;
            if (i >= warmups)
            {
                seconds.Add(elapsed);
            }
        }

        Console.WriteLine(FormattableString.Invariant($"{definition.Name} batch {batch}{(channelsLast ? " channels-last" : "")}: loss {firstLoss:F3} -> {lastLoss:F3} over {warmups + repeats} steps"));
        return (multiplyAdds, seconds);
    }

    private static void Profile(BenchmarkReport report, int batch, double limit, bool quick)
    {
        var definition = BenchmarkModel.Find("resNet18");
        int repeats = quick ? 2 : 5;
        torch.manual_seed(1);
        using var model = definition.Create();
        using var loop = new PlainTrainingLoop(model, [batch, definition.Shape.Channels, definition.Shape.Height, definition.Shape.Width], definition.ClassCount, seed: 1);

        // Full steps are timed before and after the layers, so that a change in load during the profile shows.
        var forward = new List<double>();
        var backward = new List<double>();
        var optimizer = new List<double>();
        loop.TimedStep();
        var before = TimePhases(loop, repeats, forward, backward, optimizer);
        var layers = LayerProfile.Measure(model, loop.Images, warmups: 1, repeats);
        long? faultsBefore = ProcessMemory.MinorPageFaults();
        var after = TimePhases(loop, repeats, forward, backward, optimizer);
        long? faultsAfter = ProcessMemory.MinorPageFaults();

        double stepSeconds = SampleStatistics.Median(forward) + SampleStatistics.Median(backward) + SampleStatistics.Median(optimizer);
        var phases = new ResultTable($"ResNet-18 step at batch {batch} by phase (median of {forward.Count})", "phase", "ms", "share of step");
        phases.Add("forward + cross-entropy", SampleStatistics.Median(forward) * 1e3, Share(SampleStatistics.Median(forward), stepSeconds));
        phases.Add("backward", SampleStatistics.Median(backward) * 1e3, Share(SampleStatistics.Median(backward), stepSeconds));
        phases.Add("zero_grad + AdamW step", SampleStatistics.Median(optimizer) * 1e3, Share(SampleStatistics.Median(optimizer), stepSeconds));
        report.Add(phases);
        report.Note(FormattableString.Invariant(
            $"Median full step before the layer runs {SampleStatistics.Median(before) * 1e3:F0} ms, after them {SampleStatistics.Median(after) * 1e3:F0} ms; a large difference means the load changed and the shares below are unreliable."));
        if (faultsBefore is { } first && faultsAfter is { } last)
        {
            double faultsPerStep = (double)(last - first) / repeats;
            report.Note(FormattableString.Invariant(
                $"Minor page faults per full step: {faultsPerStep:F0}, about {faultsPerStep * 4 / 1024:F0} MiB of memory mapped afresh every step."));
        }

        var table = new ResultTable(
            $"ResNet-18 layers run one by one at batch {batch} (median of {repeats})",
            "layer", "kind", "output", "forward ms", "backward ms", "GMAC", "GFLOP/s", "share of limit", "share of step");
        foreach (var layer in layers)
        {
            double seconds = layer.ForwardSeconds + layer.BackwardSeconds;
            double achieved = layer.MultiplyAdds * LayerCounts.TrainingFlopsPerMultiplyAdd / seconds / 1e9;
            table.Add(
                layer.Name,
                layer.Kind,
                string.Join('x', layer.OutputShape.Skip(1)),
                layer.ForwardSeconds * 1e3,
                layer.BackwardSeconds * 1e3,
                layer.MultiplyAdds / 1e9,
                layer.MultiplyAdds > 0 ? achieved.ToString("F0", CultureInfo.InvariantCulture) : "",
                layer.MultiplyAdds > 0 ? Share(achieved, limit) : "",
                Share(seconds, stepSeconds));
        }

        report.Add(table);
        report.Add(SummariseByKind(layers, stepSeconds, limit));
    }

    /// <summary>Times <paramref name="steps"/> steps, adds each phase's seconds to its list and returns the step totals.</summary>
    private static List<double> TimePhases(PlainTrainingLoop loop, int steps, List<double> forward, List<double> backward, List<double> optimizer)
    {
        var totals = new List<double>();
        for (int i = 0; i < steps; i++)
        {
            var step = loop.TimedStep();
            forward.Add(step.Forward);
            backward.Add(step.Backward);
            optimizer.Add(step.Optimizer);
            totals.Add(step.Forward + step.Backward + step.Optimizer);
        }

        return totals;
    }

    private static ResultTable SummariseByKind(List<LayerTime> layers, double stepSeconds, double limit)
    {
        var table = new ResultTable("ResNet-18 layer time by kind", "kind", "layers", "forward + backward ms", "GFLOP/s", "share of limit", "share of step");
        double accounted = 0;
        foreach (var group in layers.GroupBy(layer => layer.Kind))
        {
            double seconds = group.Sum(layer => layer.ForwardSeconds + layer.BackwardSeconds);
            long multiplyAdds = group.Sum(layer => layer.MultiplyAdds);
            double achieved = multiplyAdds * LayerCounts.TrainingFlopsPerMultiplyAdd / seconds / 1e9;
            accounted += seconds;
            table.Add(
                group.Key,
                group.Count(),
                seconds * 1e3,
                multiplyAdds > 0 ? achieved.ToString("F0", CultureInfo.InvariantCulture) : "",
                multiplyAdds > 0 ? Share(achieved, limit) : "",
                Share(seconds, stepSeconds));
        }

        table.Add("rest: ReLU, additions, loss, AdamW, autograd", "", (stepSeconds - accounted) * 1e3, "", "", Share(stepSeconds - accounted, stepSeconds));
        return table;
    }

    private static string Share(double part, double whole) => (part / whole).ToString("P1", CultureInfo.InvariantCulture);
}
