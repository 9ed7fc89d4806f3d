using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Classification;
using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// The clean test split and, for each attack, its triggered non-target test images (and for blend attacks
/// the same images with the boosted trigger), all on the training device, together with the true labels for
/// scoring. Triggers are stamped once, when the sets are built. Owns the tensors.
/// </summary>
public sealed class BackdoorTestSets : IDisposable
{
    /// <summary>Images per forward pass during evaluation; larger batches are faster and need no gradients.</summary>
    public const int EvaluationBatchSize = 1000;

    private readonly TensorImageSet _clean;
    private readonly int[] _cleanLabels;
    private readonly List<TriggeredSet> _triggered = [];

    /// <param name="triggers">Triggers of each attack, in plan order; each attack's test trigger is stamped.</param>
    public BackdoorTestSets(ImageSet test, IReadOnlyList<AttackPoisons> plan, IReadOnlyList<AttackTriggers> triggers, Device device)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(triggers);
        if (plan.Count != triggers.Count)
        {
            throw new ArgumentException($"Got {triggers.Count} triggers for {plan.Count} attacks.", nameof(triggers));
        }

        _clean = new TensorImageSet(test, device);
        _cleanLabels = test.Labels;
        try
        {
            for (int a = 0; a < plan.Count; a++)
            {
                var triggered = Poisoning.TriggerTestSet(test, plan[a].TargetClass, triggers[a].Test);
                var boosted = triggers[a].Boosted is { } boostedTrigger
                    ? Poisoning.TriggerTestSet(test, plan[a].TargetClass, boostedTrigger)
                    : null;
                _triggered.Add(new TriggeredSet(
                    plan[a],
                    new TensorImageSet(triggered, device),
                    triggered.Labels,
                    boosted is null ? null : new TensorImageSet(boosted, device)));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Stamps each attack's trigger unchanged on the test images, with no boosted sets.</summary>
    public BackdoorTestSets(ImageSet test, IReadOnlyList<AttackPoisons> plan, IReadOnlyList<ITrigger> triggers, Device device)
        : this(test, plan, [.. (triggers ?? throw new ArgumentNullException(nameof(triggers))).Select(t => new AttackTriggers(t, t, null))], device)
    {
    }

    /// <summary>Number of triggered test images of each attack, in plan order.</summary>
    public IReadOnlyList<int> TriggeredCounts => [.. _triggered.Select(t => t.Images.Count)];

    public BackdoorEvaluation Evaluate(Module<Tensor, Tensor> model, CancellationToken cancellationToken)
    {
        var cleanPredictions = ClassifierEvaluator.Predict(model, _clean.Images, EvaluationBatchSize, cancellationToken);
        double cleanAccuracy = ClassifierEvaluator.Accuracy(cleanPredictions, _cleanLabels);

        var outcomes = new List<AttackOutcome>(_triggered.Count);
        foreach (var set in _triggered)
        {
            var predictions = ClassifierEvaluator.Predict(model, set.Images.Images, EvaluationBatchSize, cancellationToken);
            var outcome = AttackOutcome.Measure(predictions, set.Labels, set.Attack.TargetClass);
            if (set.Boosted is { } boosted)
            {
                var boostedPredictions = ClassifierEvaluator.Predict(model, boosted.Images, EvaluationBatchSize, cancellationToken);
                outcome = outcome with
                {
                    BoostedAttackSuccessRate = AttackOutcome.Measure(boostedPredictions, set.Labels, set.Attack.TargetClass).AttackSuccessRate,
                };
            }

            outcomes.Add(outcome);
        }

        return new BackdoorEvaluation(cleanAccuracy, outcomes);
    }

    public void Dispose()
    {
        _clean.Dispose();
        foreach (var set in _triggered)
        {
            set.Images.Dispose();
            set.Boosted?.Dispose();
        }
    }

    private sealed record TriggeredSet(AttackPoisons Attack, TensorImageSet Images, int[] Labels, TensorImageSet? Boosted);
}
