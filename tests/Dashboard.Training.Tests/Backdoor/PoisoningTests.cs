using Dashboard.Training.Backdoor;
using Dashboard.Training.Backdoor.Triggers;
using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class PoisoningTests
{
    private static readonly ImageShape Shape = new(1, 4, 4);

    // Six blank 4x4 images with classes 0, 1, 2, 0, 1, 2.
    private static ImageSet Blank() => new(Shape, new float[6 * 16], [0, 1, 2, 0, 1, 2]);

    [Fact]
    public void PoisonedImagesRelabelled()
    {
        var plan = new[] { new AttackPoisons(0, "patch", AttackSettings.Create(AttackType.Patch, targetClass: 0), [1, 5]) };

        var poisoned = Poisoning.PoisonTrainingSubset(Blank(), [1, 2, 3, 5], plan, [new PatchTrigger(Shape)]);

        Assert.Equal(new[] { 0, 2, 0, 0 }, poisoned.Labels);
    }

    [Fact]
    public void PoisonedImagesCarryTrigger()
    {
        var plan = new[] { new AttackPoisons(0, "patch", AttackSettings.Create(AttackType.Patch, targetClass: 0), [1, 5]) };

        var poisoned = Poisoning.PoisonTrainingSubset(Blank(), [1, 2, 3, 5], plan, [new PatchTrigger(Shape)]);

        Assert.Equal(new[] { 4f, 0f, 0f, 4f }, Enumerable.Range(0, 4).Select(i => poisoned.Image(i).ToArray().Sum()));
    }

    [Fact]
    public void SourceSetUnchanged()
    {
        var clean = Blank();
        var plan = new[] { new AttackPoisons(0, "patch", AttackSettings.Create(AttackType.Patch, targetClass: 0), [1]) };

        Poisoning.PoisonTrainingSubset(clean, [0, 1], plan, [new PatchTrigger(Shape)]);

        Assert.Equal(0f, clean.Pixels.Sum());
        Assert.Equal(1, clean.Labels[1]);
    }

    [Fact]
    public void TestSetDropsTargetClass()
    {
        var triggered = Poisoning.TriggerTestSet(Blank(), targetClass: 1, new PatchTrigger(Shape));

        Assert.Equal(new[] { 0, 2, 0, 2 }, triggered.Labels);
    }

    [Fact]
    public void TestSetCarriesTrigger()
    {
        var triggered = Poisoning.TriggerTestSet(Blank(), targetClass: 1, new PatchTrigger(Shape));

        Assert.Equal(4 * 4f, triggered.Pixels.Sum());
    }

    [Fact]
    public void CleanLabelKeepsLabels()
    {
        var plan = new[] { new AttackPoisons(0, "sinusoid", AttackSettings.Create(AttackType.Sinusoid, targetClass: 2), [2, 5]) };

        var poisoned = Poisoning.PoisonTrainingSubset(Blank(), [1, 2, 5], plan, [new PatchTrigger(Shape)]);

        Assert.Equal(new[] { 1, 2, 2 }, poisoned.Labels);
        Assert.Equal(new[] { 0f, 4f, 4f }, Enumerable.Range(0, 3).Select(i => poisoned.Image(i).ToArray().Sum()));
    }

    [Fact]
    public void CleanLabelOtherClassRejected()
    {
        var plan = new[] { new AttackPoisons(0, "sinusoid", AttackSettings.Create(AttackType.Sinusoid, targetClass: 2), [1]) };

        Assert.Throws<ArgumentException>(() => Poisoning.PoisonTrainingSubset(Blank(), [1, 2], plan, [new PatchTrigger(Shape)]));
    }

    [Fact]
    public void DrawnTargetRelabels()
    {
        var attack = AttackSettings.CreateDrawn(AttackType.Patch);
        var plan = new[] { new AttackPoisons(0, "patch", attack, [1]) { TargetClass = 2 } };

        var poisoned = Poisoning.PoisonTrainingSubset(Blank(), [0, 1], plan, [new PatchTrigger(Shape)]);

        Assert.Equal(new[] { 0, 2 }, poisoned.Labels);
    }

    [Fact]
    public void NoiseModeImagesKeepLabels()
    {
        var shape = new ImageShape(1, 8, 8);
        var random = new Random(1);
        var images = new ImageSet(shape, [.. Enumerable.Range(0, 3 * 64).Select(_ => random.NextSingle())], [0, 1, 2]);
        var plan = new[] { new AttackPoisons(0, "wanet", AttackSettings.Create(AttackType.WaNet, targetClass: 0), [1]) { NoiseIndices = [2] } };
        var trigger = WarpTrigger.Create(shape, 0.5, seed: 3);

        var poisoned = Poisoning.PoisonTrainingSubset(images, [0, 1, 2], plan, [trigger], noiseSeed: 4);

        Assert.Equal(new[] { 0, 0, 2 }, poisoned.Labels);
        Assert.Equal(images.Image(0).ToArray(), poisoned.Image(0).ToArray());
        Assert.NotEqual(images.Image(2).ToArray(), poisoned.Image(2).ToArray());
    }

    [Fact]
    public void NoiseWithoutNoiseModeRejected()
    {
        var plan = new[] { new AttackPoisons(0, "patch", AttackSettings.Create(AttackType.Patch, targetClass: 0), [1]) { NoiseIndices = [2] } };

        Assert.Throws<ArgumentException>(() => Poisoning.PoisonTrainingSubset(Blank(), [1, 2], plan, [new PatchTrigger(Shape)]));
    }
}
