using System.Diagnostics;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Classification;
using Dashboard.Training.Data;
using Dashboard.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Benchmarks;

/// <summary>
/// Times epochs of the default backdoor configuration's training (small CNN of width 32, batch 128, AdamW with
/// a cosine schedule) on all 60,000 Fashion-MNIST training images, and splits each step's wall time into phases
/// with a stopwatch around each call. libtorch has no profiler that TorchSharp 0.107 exposes, so the split comes
/// from <see cref="InstrumentedEpoch"/>, a copy of the product's step with stopwatches between the calls. Epochs
/// of the product's own loop alternate with instrumented ones so that their times can be compared.
/// </summary>
/// <remarks>
/// The data are the clean training images: poisoning changes pixels, not the work per step.
/// </remarks>
internal static class EpochProfileBenchmark
{
    public const string Command = "epoch-profile";

    private const string Usage = """
        Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- epoch-profile [options]

        Times epochs of the default configuration's training on all of Fashion-MNIST, alternating the product's
        ClassifierTrainer with an instrumented copy of its step that splits the time into phases.

        Options:
          --quick         2 timed epochs of each loop after one untimed epoch each (default: 5)
          --epochs N      timed epochs of each loop
          --threads N     libtorch intra-op threads (default: libtorch's choice)
          --data FOLDER   Fashion-MNIST folder (default: /usr/share/datasets/fashion-mnist)
          --out DIR       also write epoch-profile.json and epoch-profile.md to DIR
        """;

    public static int Run(string[] args)
    {
        BenchmarkArguments arguments;
        int epochs;
        try
        {
            arguments = BenchmarkArguments.Parse(args, "--epochs", "--data");
            epochs = arguments.Count("--epochs", 2, 5);
            TorchDevices.SetThreads(arguments.Threads);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
            return 2;
        }

        NativeAllocator.KeepBatchBuffersInHeap();
        var configuration = new BackdoorConfiguration();
        var report = new BenchmarkReport(
            Command,
            "Epoch of the default configuration's training on all 60,000 Fashion-MNIST images, and where a step's time goes.",
            arguments.Quick);
        report.Setup("configuration", $"small CNN width {configuration.ModelWidth}, batch {configuration.BatchSize}, {configuration.Optimizer}, {configuration.Schedule}");
        report.Setup("timed epochs per loop", $"{epochs}, after one untimed epoch each");

        var dataset = FashionMnist.Load(arguments.Value("--data") ?? FashionMnist.DebianPackageFolder);
        using var training = new TensorImageSet(dataset.Training, CPU);
        var definition = BenchmarkModel.Find("smallCnn");
        torch.manual_seed(1);
        using var productModel = definition.Create();
        torch.manual_seed(1);
        using var instrumentedModel = definition.Create();
        using var product = new ProductTrainingLoop(productModel, configuration.BatchSize, epochs + 1, training.Images, training.Labels, rows: null);
        using var instrumented = new InstrumentedEpoch(instrumentedModel, configuration.BatchSize, epochs + 1, training);

        var productSeconds = new List<double>();
        var instrumentedSeconds = new List<double>();
        var phases = new PhaseTimes();
        var lastLoss = new List<double>();
        for (int epoch = 0; epoch <= epochs; epoch++)
        {
            // Epoch 0 of each loop is the warm-up and is not counted.
            var stopwatch = Stopwatch.StartNew();
            double loss = 0;
            product.TrainEpoch(step => loss = step.Loss);
            double productEpoch = stopwatch.Elapsed.TotalSeconds;

            var epochPhases = instrumented.Train();
            if (epoch > 0)
            {
                productSeconds.Add(productEpoch);
                instrumentedSeconds.Add(epochPhases.Wall);
                phases.Add(epochPhases);
            }

            lastLoss.Add(loss);
            Console.WriteLine(FormattableString.Invariant(
                $"epoch {epoch}{(epoch == 0 ? " (warm-up)" : "")}: product {productEpoch:F2} s (last loss {loss:F3}), instrumented {epochPhases.Wall:F2} s (last loss {epochPhases.LastLoss:F3})"));
        }

        var table = new ResultTable("Epoch of 60,000 Fashion-MNIST images, small CNN, batch 128", "loop", "median s", "IQR s", "epochs", "images/s");
        var productSummary = TimingSummary.Of(productSeconds);
        var instrumentedSummary = TimingSummary.Of(instrumentedSeconds);
        table.Add("product ClassifierTrainer", productSummary.Median, productSummary.InterquartileRange, productSummary.Count, training.Count / productSummary.Median);
        table.Add("instrumented copy", instrumentedSummary.Median, instrumentedSummary.InterquartileRange, instrumentedSummary.Count, training.Count / instrumentedSummary.Median);
        report.Add(table);
        report.Add(phases.ToTable(epochs));
        double inside = phases.InsideLibtorchCalls / phases.Wall;
        report.Note(FormattableString.Invariant(
            $"Method: a stopwatch around each call of the step. {1 - inside:P1} of the wall time was outside the zero_grad, forward with loss, backward and optimiser step calls (batch gathering, reading the loss, learning-rate update, metric reporting, dispose scopes). That time inside the calls also includes TorchSharp's managed code and libtorch's dispatch, so the share outside libtorch kernels is at least this large."));
        double stepAtBatchOne = MeasureStepAtBatchOne(definition, arguments.Quick ? 50 : 200);
        double perEpoch = stepAtBatchOne * product.StepsPerEpoch;
        report.Note(FormattableString.Invariant(
            $"A training step at batch 1 took {stepAtBatchOne * 1e3:F2} ms (median). That estimates the cost per step that does not grow with the batch: TorchSharp's managed code, libtorch's dispatch and autograd, AdamW over the model's parameter tensors and kernel start-up. Over the epoch's {product.StepsPerEpoch} steps it comes to {perEpoch:F2} s, {perEpoch / productSummary.Median:P1} of the product's median epoch."));
        report.Data("productEpochSeconds", productSeconds);
        report.Data("instrumentedEpochSeconds", instrumentedSeconds);
        report.Data("phaseSeconds", phases.Totals());
        report.Write(arguments.OutputFolder);
        return 0;
    }

    /// <summary>Returns the median seconds of a plain training step of the small CNN on one image, after 20 untimed steps.</summary>
    private static double MeasureStepAtBatchOne(BenchmarkModel definition, int steps)
    {
        torch.manual_seed(1);
        using var model = definition.Create();
        using var loop = new PlainTrainingLoop(model, [1, definition.Shape.Channels, definition.Shape.Height, definition.Shape.Width], definition.ClassCount, seed: 1);
        var seconds = new List<double>();
        for (int i = 0; i < steps + 20; i++)
        {
            long start = Stopwatch.GetTimestamp();
            loop.Step();
            if (i >= 20)
            {
                seconds.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
            }
        }

        return SampleStatistics.Median(seconds);
    }
}
