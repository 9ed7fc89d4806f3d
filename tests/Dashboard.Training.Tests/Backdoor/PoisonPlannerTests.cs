using Dashboard.Core.Experiments;
using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Tests.Backdoor;

public sealed class PoisonPlannerTests
{
    // 1,000 images, 100 of each class 0-9.
    private static readonly int[] Labels = [.. Enumerable.Range(0, 1000).Select(i => i % 10)];

    private static readonly int[] AllImages = [.. Enumerable.Range(0, 1000)];

    private static readonly AttackSettings[] Attacks =
    [
        AttackSettings.Create(AttackType.Patch, targetClass: 0, poisonRatio: 0.05),
        AttackSettings.Create(AttackType.BlendRandom, targetClass: 1, poisonRatio: 0.1),
        AttackSettings.Create(AttackType.Patch, targetClass: 0, poisonRatio: 0.0125),
    ];

    [Fact]
    public void CountsMatchRatios()
    {
        var plan = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 1);

        // round(0.0125 × 1000) = 12.5, rounded away from zero to 13.
        Assert.Equal(new[] { 50, 100, 13 }, plan.Select(p => p.Indices.Count));
    }

    [Fact]
    public void RatiosApplyToSubset()
    {
        int[] subset = [.. Enumerable.Range(0, 1000).Where(i => i % 2 == 0)];

        var plan = PoisonPlanner.Plan(Labels, subset, Attacks, seed: 1);

        Assert.Equal(new[] { 25, 50, 6 }, plan.Select(p => p.Indices.Count));
        Assert.All(plan.SelectMany(p => p.Indices), index => Assert.Contains(index, subset));
    }

    [Fact]
    public void NoImagePoisonedTwice()
    {
        var plan = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 1);
        var all = plan.SelectMany(p => p.Indices).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void NoImageFromTargetClass()
    {
        var plan = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 1);

        foreach (var attack in plan)
        {
            Assert.DoesNotContain(attack.Indices, index => Labels[index] == attack.TargetClass);
        }
    }

    [Fact]
    public void SameSeedSameIndices()
    {
        var first = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 7);
        var second = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 7);

        Assert.Equal(first.Select(p => p.Indices), second.Select(p => p.Indices));
    }

    [Fact]
    public void OtherSeedOtherIndices()
    {
        var first = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 7);
        var second = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 8);

        Assert.NotEqual(first[0].Indices, second[0].Indices);
    }

    [Fact]
    public void IndicesAscending()
    {
        var plan = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 1);

        Assert.All(plan, attack => Assert.Equal(attack.Indices.Order(), attack.Indices));
    }

    [Fact]
    public void LabelsNumberRepeatedTypes()
    {
        var plan = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 1);

        Assert.Equal(new[] { "patch", "blend_random", "patch#2" }, plan.Select(p => p.Label));
    }

    [Fact]
    public void TooFewImagesFailsRun()
    {
        AttackSettings[] attacks =
        [
            AttackSettings.Create(AttackType.Patch, targetClass: 0, poisonRatio: 0.6),
            AttackSettings.Create(AttackType.Patch, targetClass: 1, poisonRatio: 0.6),
        ];

        var error = Assert.Throws<RunFailedException>(() => PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1));

        Assert.Contains("attacks[1].poisonRatio", error.Message);
    }
}
