using System.Diagnostics;
using Dashboard.Training.Data;
using Dashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Benchmarks;

/// <summary>
/// Times the product's training loop against a bare TorchSharp loop on the backdoor study's default model, to
/// isolate what the product adds per step. The bare loop is <see cref="PlainTrainingLoop"/> on a model built
/// here from TorchSharp layers alone (the same layers and parameter count as the small CNN) and one fixed
/// random batch. The product loop is <see cref="ProductTrainingLoop"/>: the small CNN from the model factory,
/// <see cref="Dashboard.Training.Classification.ClassifierTrainer"/> on real Fashion-MNIST rows (shuffled,
/// batches gathered with index_select), the cosine schedule and the metric reporting callback. Blocks of steps
/// alternate between the two loops, and which loop goes first swaps every round.
/// </summary>
internal static class TrainerOverheadBenchmark
{
    public const string Command = "trainer-overhead";

    private const string Usage = """
        Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- trainer-overhead [options]

        Times training steps of the default small CNN in a bare TorchSharp loop (random batch) and in the product's
        ClassifierTrainer (Fashion-MNIST rows, cosine schedule, metric reporting), alternating blocks of steps.

        Options:
          --quick         3 rounds of 20 steps per loop (default: 7 rounds of 50)
          --batch N       images per step (default 128, the backdoor configuration's default)
          --rounds N      rounds; each round times one block of each loop
          --block N       steps per block
          --threads N     libtorch intra-op threads (default: libtorch's choice)
          --data FOLDER   Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist)
          --out DIR       also write trainer-overhead.json and trainer-overhead.md to DIR
        """;

    public static int Run(string[] args)
    {
        BenchmarkArguments arguments;
        int batch;
        int rounds;
        int block;
        try
        {
            arguments = BenchmarkArguments.Parse(args, "--batch", "--rounds", "--block", "--data");
            batch = arguments.Count("--batch", 128, 128);
            rounds = arguments.Count("--rounds", 3, 7);
            block = arguments.Count("--block", 20, 50);
            TorchDevices.SetThreads(arguments.Threads);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
            return 2;
        }

        NativeAllocator.KeepBatchBuffersInHeap();
        var report = new BenchmarkReport(
            Command,
            "Training step of the default small CNN: bare TorchSharp loop against the product's ClassifierTrainer with its data pipeline and metric reporting.",
            arguments.Quick);
        report.Setup("batch", batch);
        report.Setup("timed steps per loop", $"{rounds} rounds x {block}, after one untimed block each");

        var dataset = FashionMnist.Load(arguments.Value("--data") ?? FashionMnist.DebianPackageFolder);
        using var training = new TensorImageSet(dataset.Training, CPU);
        var definition = BenchmarkModel.Find("smallCnn");

        torch.manual_seed(1);
        using var productModel = definition.Create();
        torch.manual_seed(1);
        using var bareModel = BareSmallCnn(definition);
        long productParameters = BenchmarkModel.ParameterCount(productModel);
        long bareParameters = BenchmarkModel.ParameterCount(bareModel);
        report.Setup("parameters (bare, product)", $"{bareParameters}, {productParameters}");
        if (bareParameters != productParameters)
        {
            Console.Error.WriteLine($"The bare model has {bareParameters} parameters and the product's small CNN {productParameters}; the bare model no longer matches.");
            return 1;
        }

        // Real rows, as many as the timed blocks use, so that each product epoch is one block of steps.
        long[] rows = Enumerable.Range(0, block * batch).Select(row => (long)row).ToArray();
        using var bare = new PlainTrainingLoop(bareModel, [batch, definition.Shape.Channels, definition.Shape.Height, definition.Shape.Width], definition.ClassCount, seed: 1);
        using var product = new ProductTrainingLoop(productModel, batch, epochs: rounds + 1, training.Images, training.Labels, rows);

        var bareSeconds = new List<double>();
        var productSeconds = new List<double>();
        var bareLosses = new List<double>();
        var productLosses = new List<double>();
        for (int round = 0; round <= rounds; round++)
        {
            // Round 0 is the warm-up and is not timed.
            var bareTarget = round == 0 ? [] : bareSeconds;
            var productTarget = round == 0 ? [] : productSeconds;
            if (round % 2 == 1)
            {
                TimeBare(bare, block, bareTarget, bareLosses);
                TimeProduct(product, productTarget, productLosses);
            }
            else
            {
                TimeProduct(product, productTarget, productLosses);
                TimeBare(bare, block, bareTarget, bareLosses);
            }
        }

        var bareSummary = TimingSummary.Of(bareSeconds);
        var productSummary = TimingSummary.Of(productSeconds);
        var (ratioLow, ratioHigh) = SampleStatistics.BootstrapRatioInterval(productSeconds, bareSeconds);
        var table = new ResultTable(
            $"Training step, small CNN, batch {batch}",
            "loop", "median ms", "IQR ms", "median 95% CI ms", "steps", "loss first -> last");
        table.Add("bare TorchSharp", bareSummary.Median * 1e3, bareSummary.InterquartileRange * 1e3, Interval(bareSummary), bareSummary.Count, Losses(bareLosses));
        table.Add("product ClassifierTrainer", productSummary.Median * 1e3, productSummary.InterquartileRange * 1e3, Interval(productSummary), productSummary.Count, Losses(productLosses));
        report.Add(table);
        double addedMilliseconds = (productSummary.Median - bareSummary.Median) * 1e3;
        report.Note(FormattableString.Invariant(
            $"Ratio product/bare of the median step: {productSummary.Median / bareSummary.Median:F2} (bootstrap 95% CI {ratioLow:F2}-{ratioHigh:F2}); the product added {addedMilliseconds:F2} ms per step. {product.MetricPoints.Count} metric points were reported."));
        report.Data("bareSeconds", bareSeconds);
        report.Data("productSeconds", productSeconds);
        report.Data("bareLosses", bareLosses);
        report.Data("productLosses", productLosses);
        report.Write(arguments.OutputFolder);

        bool trained = bareLosses[^1] < bareLosses[0] && productLosses[^1] < productLosses[0];
        if (!trained)
        {
            Console.Error.WriteLine("The loss did not fall from the first to the last step in one of the loops.");
        }

        return trained ? 0 : 1;
    }

    /// <summary>Builds the small CNN's layers from TorchSharp modules alone: 3×3 stride-2 convolutions to 32 and 64 channels, ReLUs, flatten, linear.</summary>
    private static Module<Tensor, Tensor> BareSmallCnn(BenchmarkModel definition)
    {
        const int width = 32;
        long features = 2L * width * ((definition.Shape.Height + 3) / 4) * ((definition.Shape.Width + 3) / 4);
        return Sequential(
            Conv2d(definition.Shape.Channels, width, kernel_size: 3, stride: 2, padding: 1),
            ReLU(),
            Conv2d(width, 2 * width, kernel_size: 3, stride: 2, padding: 1),
            ReLU(),
            Flatten(),
            Linear(features, definition.ClassCount));
    }

    private static void TimeBare(PlainTrainingLoop loop, int steps, List<double> seconds, List<double> losses)
    {
        for (int i = 0; i < steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            losses.Add(loop.Step());
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
    }

    /// <summary>Times each step of one product epoch from the end of the previous step; the first from the epoch's start, so the shuffle counts.</summary>
    private static void TimeProduct(ProductTrainingLoop loop, List<double> seconds, List<double> losses)
    {
        long start = Stopwatch.GetTimestamp();
        loop.TrainEpoch(step =>
        {
            seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            losses.Add(step.Loss);
            start = Stopwatch.GetTimestamp();
        });
    }

    private static string Interval(TimingSummary summary) =>
        FormattableString.Invariant($"{summary.IntervalLow * 1e3:F2}-{summary.IntervalHigh * 1e3:F2}");

    private static string Losses(List<double> losses) => FormattableString.Invariant($"{losses[0]:F3} -> {losses[^1]:F3}");
}
