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

    [Fact]
    public void CleanLabelPoisonsOnlyTargetClass()
    {
        AttackSettings[] attacks = [AttackSettings.Create(AttackType.Sinusoid, targetClass: 3), AttackSettings.Create(AttackType.Narcissus, targetClass: 5, poisonRatio: 0.1)];

        var plan = PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1);

        Assert.All(plan[0].Indices, index => Assert.Equal(3, Labels[index]));
        Assert.All(plan[1].Indices, index => Assert.Equal(5, Labels[index]));
    }

    [Fact]
    public void CleanLabelCountIsShareOfTargetClass()
    {
        // The even images contain 100 of each even class and none of the odd classes.
        int[] subset = [.. Enumerable.Range(0, 1000).Where(i => i % 2 == 0)];
        AttackSettings[] attacks =
        [
            AttackSettings.Create(AttackType.Sinusoid, targetClass: 4),
            AttackSettings.Create(AttackType.Narcissus, targetClass: 6, poisonRatio: 0.025),
            AttackSettings.Create(AttackType.Patch, targetClass: 4, poisonRatio: 0.02),
        ];

        var plan = PoisonPlanner.Plan(Labels, subset, attacks, seed: 1);

        // 10% of 100 = 10; 2.5% of 100 = 2.5 → 3; dirty-label 2% of the 500-image subset = 10.
        Assert.Equal(new[] { 10, 3, 10 }, plan.Select(p => p.Indices.Count));
    }

    [Fact]
    public void AllAttacksNeverShareImages()
    {
        var attacks = BackdoorPresets.PaperAllAttacks().Attacks.Append(AttackSettings.Create(AttackType.WaNet, targetClass: 2)).ToList();
        var targets = PoisonPlanner.ResolveTargets(attacks, classCount: 10, runSeed: 1);

        var plan = PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1, targets);
        var all = plan.SelectMany(p => p.Indices.Concat(p.NoiseIndices)).ToList();

        Assert.Equal(8, plan.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    [Fact]
    public void DirtyLabelAttacksAvoidTargetClass()
    {
        var attacks = BackdoorPresets.PaperAllAttacks().Attacks;
        var targets = PoisonPlanner.ResolveTargets(attacks, classCount: 10, runSeed: 1);

        var plan = PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1, targets);

        foreach (var attack in plan)
        {
            Assert.All(attack.Indices, index => Assert.Equal(attack.IsCleanLabel, Labels[index] == attack.TargetClass));
        }
    }

    [Fact]
    public void WaNetNoiseIsCrossRatioTimesPoisons()
    {
        AttackSettings[] attacks = [AttackSettings.Create(AttackType.WaNet, targetClass: 1)];

        var plan = PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1);

        // 10% of 1,000 = 100 poisons and 2 × 100 noise-mode images of any class.
        Assert.Equal(100, plan[0].Indices.Count);
        Assert.Equal(200, plan[0].NoiseIndices.Count);
        Assert.Empty(plan[0].Indices.Intersect(plan[0].NoiseIndices));
        Assert.Contains(plan[0].NoiseIndices, index => Labels[index] == 1);
    }

    [Fact]
    public void OnlyWaNetHasNoiseImages()
    {
        var plan = PoisonPlanner.Plan(Labels, AllImages, Attacks, seed: 1);

        Assert.All(plan, attack => Assert.Empty(attack.NoiseIndices));
    }

    [Fact]
    public void TooFewTargetImagesFailsRun()
    {
        AttackSettings[] attacks =
        [
            AttackSettings.Create(AttackType.Sinusoid, targetClass: 3, poisonRatio: 0.8),
            AttackSettings.Create(AttackType.Narcissus, targetClass: 3, poisonRatio: 0.5),
        ];

        var error = Assert.Throws<RunFailedException>(() => PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1));

        Assert.Contains("attacks[1].poisonRatio", error.Message);
        Assert.Contains("of class 3", error.Message);
    }

    [Fact]
    public void DrawnTargetsRepeatForSeed()
    {
        var attacks = BackdoorPresets.PaperAllAttacks().Attacks;

        var first = PoisonPlanner.ResolveTargets(attacks, classCount: 10, runSeed: 3);
        var second = PoisonPlanner.ResolveTargets(attacks, classCount: 10, runSeed: 3);

        Assert.Equal(first, second);
    }

    [Fact]
    public void DrawnTargetsDiffer()
    {
        var attacks = BackdoorPresets.PaperAllAttacks().Attacks;

        for (int seed = 0; seed < 50; seed++)
        {
            var targets = PoisonPlanner.ResolveTargets(attacks, classCount: 10, runSeed: seed);
            Assert.Equal(attacks.Count, targets.Distinct().Count());
        }
    }

    [Fact]
    public void DrawnTargetsDependOnSeed()
    {
        var attacks = BackdoorPresets.PaperAllAttacks().Attacks;
        var draws = Enumerable.Range(0, 10).Select(seed => string.Join(",", PoisonPlanner.ResolveTargets(attacks, 10, seed)));

        Assert.True(draws.Distinct().Count() > 1);
    }

    [Fact]
    public void DrawnTargetsAvoidFixedOnes()
    {
        AttackSettings[] attacks =
        [
            AttackSettings.Create(AttackType.Patch, targetClass: 2),
            AttackSettings.CreateDrawn(AttackType.BlendRandom),
            AttackSettings.CreateDrawn(AttackType.Sinusoid),
        ];

        for (int seed = 0; seed < 20; seed++)
        {
            var targets = PoisonPlanner.ResolveTargets(attacks, classCount: 3, runSeed: seed);
            Assert.Equal(2, targets[0]);
            Assert.Equal(new[] { 0, 1 }, targets.Skip(1).Order());
        }
    }

    [Fact]
    public void DrawsRepeatWhenClassesRunOut()
    {
        AttackSettings[] attacks = [.. Enumerable.Range(0, 3).Select(_ => AttackSettings.CreateDrawn(AttackType.Patch))];

        var targets = PoisonPlanner.ResolveTargets(attacks, classCount: 2, runSeed: 1);

        Assert.Equal(targets[0], targets[2]);
        Assert.NotEqual(targets[0], targets[1]);
    }

    [Fact]
    public void PlanUsesResolvedTargets()
    {
        AttackSettings[] attacks = [AttackSettings.CreateDrawn(AttackType.Patch)];

        var plan = PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1, targetClasses: [7]);

        Assert.Equal(7, plan[0].TargetClass);
        Assert.DoesNotContain(plan[0].Indices, index => Labels[index] == 7);
    }

    [Fact]
    public void DrawnTargetsNeedResolvedClasses()
    {
        AttackSettings[] attacks = [AttackSettings.CreateDrawn(AttackType.Patch)];

        Assert.Throws<ArgumentException>(() => PoisonPlanner.Plan(Labels, AllImages, attacks, seed: 1));
    }
}
