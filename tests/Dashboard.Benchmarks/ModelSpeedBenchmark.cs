using System.Diagnostics;
using System.Globalization;
using Dashboard.Training.Backdoor;
using Dashboard.Training.Classification;
using Dashboard.Training.Data;
using Dashboard.Training.Models;
using Dashboard.Training.Torch;
using TorchSharp;

namespace Dashboard.Benchmarks;

/// <summary>
/// Times training steps of each backdoor model on random images with the runs' trainer (AdamW, cosine
/// schedule, default backdoor settings) and extrapolates the time of one epoch. The first step of each
/// model is a warm-up and is not timed, because it includes libtorch's one-off allocations. Process CPU
/// seconds are printed beside wall-clock seconds, because other processes on a shared machine inflate the
/// wall-clock time but hardly the CPU time.
/// </summary>
internal static class ModelSpeedBenchmark
{
    public const string Command = "model-speed";

    private const string Usage = """
        Usage: dotnet run -c Release --project tests/Dashboard.Benchmarks -- model-speed [options]

        Times training steps of each model on random images (AdamW, batch 128 by default) and extrapolates
        the seconds of one epoch from the mean timed step. Prints one line per model.

        Options:
          --models LIST       comma-separated JSON names: smallCnn, resNet18, preActResNet18 (default: all)
          --shape CxHxW       image shape (default 3x32x32, as CIFAR-10 and GTSRB)
          --classes N         classes (default 10)
          --batch N           images per step (default 128)
          --steps N           timed steps per model after one warm-up step (default 5)
          --epoch-images N    training images in the extrapolated epoch (default 50000, CIFAR-10's split)
          --threads N         libtorch intra-op threads (default: libtorch's choice)
        """;

    public static int Run(string[] args)
    {
        var models = Enum.GetValues<ModelArchitecture>().ToList();
        var shape = new ImageShape(3, 32, 32);
        int classes = 10;
        int batch = 128;
        int steps = 5;
        int epochImages = 50_000;
        int threads = 0;
        for (int i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
            {
                Console.Error.WriteLine($"Option {args[i]} needs a value.\n\n{Usage}");
                return 2;
            }

            string value = args[i + 1];
            try
            {
                switch (args[i])
                {
                    case "--models": models = value.Split(',').Select(ParseModel).ToList(); break;
                    case "--shape": shape = ParseShape(value); break;
                    case "--classes": classes = ParsePositive(value, args[i]); break;
                    case "--batch": batch = ParsePositive(value, args[i]); break;
                    case "--steps": steps = ParsePositive(value, args[i]); break;
                    case "--epoch-images": epochImages = ParsePositive(value, args[i]); break;
                    case "--threads": threads = ParsePositive(value, args[i]); break;
                    default:
                        Console.Error.WriteLine($"Unknown option {args[i]}.\n\n{Usage}");
                        return 2;
                }
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine($"{exception.Message}\n\n{Usage}");
                return 2;
            }
        }

        TorchDevices.SetThreads(threads);
        Console.WriteLine(
            $"Model speed: {shape} random images, {classes} classes, batch {batch}, {steps} timed steps after 1 warm-up, "
            + $"{torch.get_num_threads()} libtorch threads, {Environment.ProcessorCount} logical CPUs; epoch of {epochImages} images.");
        Console.WriteLine("model             parameters  mean_step_s  min_step_s  cpu_step_s  images_per_s  epoch_s  epoch_min  rss_mib");
        foreach (var model in models)
        {
            Measure(model, shape, classes, batch, steps, epochImages);
        }

        return 0;
    }

    private static void Measure(ModelArchitecture architecture, ImageShape shape, int classes, int batch, int steps, int epochImages)
    {
        var configuration = new BackdoorConfiguration { Model = architecture, BatchSize = batch, Epochs = 1 };
        var settings = new TrainingSettings(
            configuration.Optimizer,
            configuration.LearningRate,
            configuration.Momentum,
            configuration.WeightDecay,
            configuration.Schedule,
            Epochs: 1,
            configuration.BatchSize,
            configuration.Seed);

        torch.manual_seed(1);
        var random = new Random(1);
        int images = (steps + 1) * batch;
        var pixels = new float[images * shape.PixelCount];
        for (int i = 0; i < pixels.Length; i++)
        {
            pixels[i] = random.NextSingle();
        }

        var labels = Enumerable.Range(0, images).Select(_ => random.Next(classes)).ToArray();
        using var data = new TensorImageSet(new ImageSet(shape, pixels, labels), torch.CPU);
        using var model = ModelFactory.Create(configuration, shape, classes);
        using var trainer = new ClassifierTrainer(model, settings, images, torch.CPU);

        var stepSeconds = new List<double>();
        var process = Process.GetCurrentProcess();
        TimeSpan timedCpuStart = TimeSpan.Zero;
        var stopwatch = Stopwatch.StartNew();
        trainer.TrainEpoch(
            data,
            step =>
            {
                // Step 1 is the warm-up, and every later step is timed from the end of the one before.
                if (step.Step > 1)
                {
                    stepSeconds.Add(stopwatch.Elapsed.TotalSeconds);
                }
                else
                {
                    process.Refresh();
                    timedCpuStart = process.TotalProcessorTime;
                }

                stopwatch.Restart();
            },
            CancellationToken.None);

        process.Refresh();
        double cpuPerStep = (process.TotalProcessorTime - timedCpuStart).TotalSeconds / stepSeconds.Count;
        long parameters = model.parameters().Sum(p => p.numel());
        double mean = stepSeconds.Average();
        double imagesPerSecond = batch / mean;
        double epochSeconds = epochImages / imagesPerSecond;
        string rss = ProcessMemory.ResidentMebibytes() is { } mib ? mib.ToString("F0", CultureInfo.InvariantCulture) : "n/a";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{architecture,-16}  {parameters,10}  {mean,11:F3}  {stepSeconds.Min(),10:F3}  {cpuPerStep,10:F3}  {imagesPerSecond,12:F0}  {epochSeconds,7:F0}  {epochSeconds / 60,9:F1}  {rss,7}"));
    }

    private static ModelArchitecture ParseModel(string name)
    {
        foreach (var model in Enum.GetValues<ModelArchitecture>())
        {
            if (string.Equals(model.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return model;
            }
        }

        throw new ArgumentException($"Unknown model '{name}'; use smallCnn, resNet18 or preActResNet18.");
    }

    private static ImageShape ParseShape(string value)
    {
        var parts = value.Split('x');
        if (parts.Length != 3)
        {
            throw new ArgumentException($"--shape needs channels x height x width, such as 3x32x32; got '{value}'.");
        }

        return new ImageShape(ParsePositive(parts[0], "--shape"), ParsePositive(parts[1], "--shape"), ParsePositive(parts[2], "--shape"));
    }

    private static int ParsePositive(string value, string option) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new ArgumentException($"{option} needs a whole number above 0; got '{value}'.");
}
