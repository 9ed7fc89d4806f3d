using Dashboard.Training.Backdoor;
using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class BackdoorTestSetsTests
{
    private static readonly ImageShape Shape = new(1, 2, 2);

    [Fact]
    public void BoostedSetUsesTwiceTheBlendWeight()
    {
        // Black test images of class 0 blended with a white pattern at α = 0.3 have mean 0.3; boosted (α = 0.6)
        // they have mean 0.6. The stand-in model predicts class 1 (the target) when the mean exceeds 0.45.
        var test = new ImageSet(Shape, new float[3 * 4], [0, 0, 1]);
        var attack = AttackSettings.Create(AttackType.BlendCheckerboard, targetClass: 1);
        var plan = new[] { new AttackPoisons(0, "blend_checkerboard", attack, []) };
        var trigger = new BlendTrigger(Shape, 0.3f, [1f, 1f, 1f, 1f]);
        using var sets = new BackdoorTestSets(test, plan, [AttackTriggers.For(attack.Type, trigger)], torch.CPU);
        using var model = new MeanThresholdModel(0.45f);

        var evaluation = sets.Evaluate(model, CancellationToken.None);

        var outcome = Assert.Single(evaluation.Attacks);
        Assert.Equal(0.0, outcome.AttackSuccessRate);
        Assert.Equal(1.0, outcome.BoostedAttackSuccessRate);
        Assert.Equal(2, outcome.ImageCount);
    }

    [Fact]
    public void PatchHasNoBoostedAsr()
    {
        var shape = new ImageShape(1, 4, 4);
        var test = new ImageSet(shape, new float[3 * 16], [0, 0, 1]);
        var attack = AttackSettings.Create(AttackType.Patch, targetClass: 1);
        var plan = new[] { new AttackPoisons(0, "patch", attack, []) };
        using var sets = new BackdoorTestSets(test, plan, [AttackTriggers.For(attack.Type, new PatchTrigger(shape))], torch.CPU);
        using var model = new MeanThresholdModel(0.45f);

        var outcome = Assert.Single(sets.Evaluate(model, CancellationToken.None).Attacks);

        Assert.Null(outcome.BoostedAttackSuccessRate);
    }

    /// <summary>Predicts class 1 for images whose mean exceeds the threshold, else class 0.</summary>
    private sealed class MeanThresholdModel : nn.Module<Tensor, Tensor>
    {
        private readonly float _threshold;

        public MeanThresholdModel(float threshold)
            : base(nameof(MeanThresholdModel))
        {
            _threshold = threshold;
        }

        public override Tensor forward(Tensor input)
        {
            var mean = input.flatten(1).mean([1L]);
            return torch.stack([_threshold - mean, mean - _threshold], 1);
        }
    }
}
