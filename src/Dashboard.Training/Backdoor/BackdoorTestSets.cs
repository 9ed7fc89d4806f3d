using Dashboard.Training.Classification;
using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// The clean test split and, for each attack, its triggered non-target test images, all on the training
/// device, together with the true labels for scoring. Owns the tensors.
/// </summary>
public sealed class BackdoorTestSets : IDisposable
{
    /// <summary>Images per forward pass during evaluation; larger batches are faster and need no gradients.</summary>
    public const int EvaluationBatchSize = 1000;

    private readonly TensorImageSet _clean;
    private readonly int[] _cleanLabels;
    private readonly List<(AttackPoisons Attack, TensorImageSet Images, int[] Labels)> _triggered = [];

    public BackdoorTestSets(ImageSet test, IReadOnlyList<AttackPoisons> plan, IReadOnlyList<ITrigger> triggers, Device device)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(triggers);

        _clean = new TensorImageSet(test, device);
        _cleanLabels = test.Labels;
        try
        {
            for (int a = 0; a < plan.Count; a++)
            {
                var triggered = Poisoning.TriggerTestSet(test, plan[a].TargetClass, triggers[a]);
                _triggered.Add((plan[a], new TensorImageSet(triggered, device), triggered.Labels));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Number of triggered test images of each attack, in plan order.</summary>
    public IReadOnlyList<int> TriggeredCounts => [.. _triggered.Select(t => t.Images.Count)];

    public BackdoorEvaluation Evaluate(Module<Tensor, Tensor> model, CancellationToken cancellationToken)
    {
        var cleanPredictions = ClassifierEvaluator.Predict(model, _clean.Images, EvaluationBatchSize, cancellationToken);
        double cleanAccuracy = ClassifierEvaluator.Accuracy(cleanPredictions, _cleanLabels);

        var outcomes = new List<AttackOutcome>(_triggered.Count);
        foreach (var (attack, images, labels) in _triggered)
        {
            var predictions = ClassifierEvaluator.Predict(model, images.Images, EvaluationBatchSize, cancellationToken);
            outcomes.Add(AttackOutcome.Measure(predictions, labels, attack.TargetClass));
        }

        return new BackdoorEvaluation(cleanAccuracy, outcomes);
    }

    public void Dispose()
    {
        _clean.Dispose();
        foreach (var (_, images, _) in _triggered)
        {
            images.Dispose();
        }
    }
}
