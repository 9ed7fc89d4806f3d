using Dashboard.Training.Backdoor;
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
}
