using System.Globalization;
using Dashboard.Core.Experiments;
using Dashboard.Training.Classification;
using Dashboard.Training.Data;
using Dashboard.Training.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Backdoor.Narcissus;

/// <summary>
/// Synthesises a narcissus trigger as "Narcissus: A Practical Clean-Label Backdoor Attack with Limited
/// Information" (arXiv 2204.05255) describes. A surrogate model is trained on out-of-distribution images plus
/// the target class and fine-tuned on target-class images only (the paper's poi-warm-up). Then RAdam steps
/// optimise an additive perturbation δ with ‖δ‖∞ ≤ ε to minimise the surrogate's cross-entropy towards the
/// target class on target-class images. Runs synchronously on the calling thread with one dispose scope per
/// step, and checks for cancellation before every step.
/// </summary>
public static class NarcissusSynthesis
{
    /// <summary>Images per surrogate training step and per trigger step.</summary>
    public const int BatchSize = 128;

    // The paper trains its surrogate with SGD (learning rate 0.1, cosine) and fine-tunes it with RAdam at 0.1.
    // AdamW at 1e-3 suits the small CNN and the few surrogate epochs used here. Tuning at 1e-3 made the
    // surrogate predict the target class for every image with probability 1.0 in float32, which left δ
    // without gradient. Measured with the paper-all-attacks preset (Fashion-MNIST, seed 1, 5 epochs), tuning
    // at 1e-4 left a mean target probability of 0.99 on held-out other-class images and 2.9% narcissus ASR,
    // and tuning at 1e-5 left 0.45 and gave 7.2%.
    private const double SurrogateLearningRate = 1e-3;
    private const double TuningLearningRate = 1e-5;
    private const double SurrogateWeightDecay = 1e-4;

    private const int LogsPerPhase = 4;


    /// <param name="training">The full training split; <paramref name="data"/> indexes into it.</param>
    /// <param name="bound">ε, the L∞ bound of δ on the [0, 1] pixel scale (16/255 in the paper).</param>
    /// <param name="label">Attack label used in log lines and progress phases.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static NarcissusResult Synthesize(
        ImageSet training,
        NarcissusData data,
        int targetClass,
        int classCount,
        NarcissusSettings settings,
        float bound,
        int seed,
        Device device,
        IRunContext context,
        string label)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(context);
        if (data.TargetTraining.Count == 0)
        {
            throw new RunFailedException($"The narcissus attack {label} needs target-class (class {targetClass}) images in the training subset, but it has none.");
        }

        if (!(bound > 0f && bound <= 1f))
        {
            throw new ArgumentOutOfRangeException(nameof(bound), bound, "The L∞ bound must be above 0 and at most 1.");
        }

        var cancellationToken = context.CancellationToken;
        cancellationToken.ThrowIfCancellationRequested();
        context.Log(
            $"Narcissus {label}: synthesising the trigger for class {targetClass} from {data.TargetTraining.Count} target-class and "
            + $"{data.PoodTraining.Count} out-of-distribution images; {settings.SurrogateEpochs} surrogate epochs, "
            + $"{settings.TuningEpochs} tuning epochs, {settings.TriggerSteps} trigger steps, L∞ bound {bound.ToString("G4", CultureInfo.InvariantCulture)}.");

        torch.manual_seed(seed);
        using var surrogate = new SmallCnn(training.Shape, classCount);
        surrogate.to(device);

        var surrogateImages = training.Select([.. data.PoodTraining, .. data.TargetTraining]);
        Train(surrogate, surrogateImages, settings.SurrogateEpochs, LearningRateSchedule.Cosine, seed, device, context, $"Narcissus {label}: surrogate");
        cancellationToken.ThrowIfCancellationRequested();

        if (settings.TuningEpochs > 0)
        {
            var targetImages = training.Select(data.TargetTraining);
            Train(surrogate, targetImages, settings.TuningEpochs, LearningRateSchedule.Constant, seed + 1, device, context, $"Narcissus {label}: tuning", TuningLearningRate);
        }

        using var targetTraining = new TensorImageSet(training.Select(data.TargetTraining), device);
        var optimisation = new TriggerOptimisation(targetClass, bound, settings.TriggerSteps, settings.TriggerLearningRate, seed);
        float[] perturbation = OptimiseTrigger(surrogate, targetTraining, optimisation, context, label);

        var testPerturbation = perturbation.Select(value => (float)(value * settings.TestMultiplier)).ToArray();
        var result = new NarcissusResult(
            perturbation,
            MeanTargetProbability(surrogate, training.Select(data.TargetHeldOut), targetClass, null, device),
            MeanTargetProbability(surrogate, training.Select(data.TargetHeldOut), targetClass, perturbation, device),
            MeanTargetProbability(surrogate, training.Select(data.PoodHeldOut), targetClass, null, device),
            MeanTargetProbability(surrogate, training.Select(data.PoodHeldOut), targetClass, testPerturbation, device));
        context.Log(
            $"Narcissus {label}: the surrogate's mean class-{targetClass} probability went from {Format(result.TargetProbabilityClean)} "
            + $"to {Format(result.TargetProbabilityTriggered)} on {data.TargetHeldOut.Count} held-out target-class images with the "
            + $"trigger at 1×, and from {Format(result.PoodProbabilityClean)} to {Format(result.PoodProbabilityTriggered)} on "
            + $"{data.PoodHeldOut.Count} held-out out-of-distribution images with the trigger at the test multiplier "
            + $"{settings.TestMultiplier.ToString("G4", CultureInfo.InvariantCulture)}×.");
        return result;
    }

    /// <summary>
    /// Returns the mean softmax probability of <paramref name="targetClass"/> over <paramref name="images"/>,
    /// after adding <paramref name="perturbation"/> and clamping when it is not null; 0 for no images.
    /// </summary>
    public static double MeanTargetProbability(Module<Tensor, Tensor> model, ImageSet images, int targetClass, float[]? perturbation, Device device)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
        {
            return 0;
        }

        if (perturbation is not null)
        {
            new NarcissusTrigger(images.Shape, perturbation).ApplyToAll(images);
        }

        model.eval();
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        var shape = images.Shape;
        var batch = torch.tensor(images.Pixels, [images.Count, shape.Channels, shape.Height, shape.Width], device: device);
        var probabilities = functional.softmax(model.call(batch), 1).select(1, targetClass);
        return probabilities.mean().item<float>();
    }

    private static void Train(
        Module<Tensor, Tensor> model,
        ImageSet images,
        int epochs,
        LearningRateSchedule schedule,
        int seed,
        Device device,
        IRunContext context,
        string phase,
        double learningRate = SurrogateLearningRate)
    {
        var settings = new TrainingSettings(
            OptimizerKind.AdamW, learningRate, 0.9, SurrogateWeightDecay, schedule, epochs, BatchSize, seed);
        using var data = new TensorImageSet(images, device);
        using var trainer = new ClassifierTrainer(model, settings, data.Count, device);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            double lossSum = 0;
            trainer.TrainEpoch(data, step => lossSum += step.Loss, context.CancellationToken);
            context.ReportProgress(0, $"{phase} epoch {epoch} of {epochs}");
            context.Log($"{phase} epoch {epoch} of {epochs}: mean loss {Format(lossSum / trainer.StepsPerEpoch)} on {data.Count} images.");
        }
    }

    private static float[] OptimiseTrigger(
        Module<Tensor, Tensor> model,
        TensorImageSet targetImages,
        TriggerOptimisation optimisation,
        IRunContext context,
        string label)
    {
        var cancellationToken = context.CancellationToken;
        var device = targetImages.Images.device;
        var shape = targetImages.Shape;

        // Only δ is optimised; the surrogate's weights stay fixed.
        model.eval();
        foreach (var parameter in model.parameters())
        {
            parameter.requires_grad = false;
        }

        using var delta = new Parameter(torch.zeros([1, shape.Channels, shape.Height, shape.Width], device: device), requires_grad: true);
        using var optimizer = torch.optim.RAdam([delta], optimisation.LearningRate);
        var random = new Random(optimisation.Seed);
        int steps = optimisation.Steps;
        float bound = optimisation.Bound;
        int logInterval = Math.Max(1, steps / LogsPerPhase);
        double lossSum = 0;
        for (int step = 1; step <= steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = torch.NewDisposeScope();

            int length = Math.Min(BatchSize, targetImages.Count);
            var indices = torch.tensor(SampleIndices(random, targetImages.Count, length), device: device);
            var images = targetImages.Images.index_select(0, indices);

            // Clamping δ inside the forward pass keeps it within the bound while its stored value may drift.
            var triggered = (images + delta.clamp(-bound, bound)).clamp(0, 1);
            var labels = torch.full([length], optimisation.TargetClass, dtype: ScalarType.Int64, device: device);
            var loss = functional.cross_entropy(model.call(triggered), labels);

            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>();

            if (step % logInterval == 0 || step == steps)
            {
                int done = step % logInterval == 0 ? logInterval : step % logInterval;
                context.ReportProgress(0, $"Narcissus {label}: trigger step {step} of {steps}");
                context.Log($"Narcissus {label}: trigger step {step} of {steps}, mean target-class loss {Format(lossSum / done)}.");
                lossSum = 0;
            }
        }

        using var finalScope = torch.NewDisposeScope();
        var final = delta.detach().clamp(-bound, bound).cpu();
        return final.data<float>().ToArray();
    }

    private sealed record TriggerOptimisation(int TargetClass, float Bound, int Steps, double LearningRate, int Seed);

    private static long[] SampleIndices(Random random, int count, int length)
    {
        var indices = new long[length];
        for (int i = 0; i < length; i++)
        {
            indices[i] = random.Next(count);
        }

        return indices;
    }

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
