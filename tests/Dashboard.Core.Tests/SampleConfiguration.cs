using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Configuration;
using Dashboard.Core.Experiments;
using Dashboard.Core.Runs;

namespace Dashboard.Core.Tests;

public enum SampleShape
{
    [Display(Name = "Round shape")]
    Round,

    Square,
}

public sealed class SampleItem
{
    [Display(Name = "Weight", Description = "Relative weight.")]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double Weight { get; set; } = 0.5;

    [Range(0, 99)]
    [DependentRange]
    public int Slot { get; set; }
}

public sealed class SampleOptions
{
    public SampleShape Fallback { get; set; } = SampleShape.Round;

    [AppliesWhen(nameof(Fallback), SampleShape.Square)]
    public int Corners { get; set; } = 4;

    public bool Shuffle { get; set; } = true;
}

public sealed class SampleConfiguration
{
    [Display(Name = "Epochs", GroupName = "Training", Order = 2)]
    [Range(1, 1000)]
    [Unit("epochs")]
    public int Epochs { get; set; } = 3;

    [Display(Name = "Learning rate", GroupName = "Training", Order = 1)]
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double LearningRate { get; set; } = 0.001;

    public SampleShape Shape { get; set; } = SampleShape.Square;

    [Length(1, 3)]
    public List<SampleItem> Items { get; set; } = [new()];

    public SampleOptions Options { get; set; } = new();
}

/// <summary>A kind with one cross-field rule, for catalog tests.</summary>
public sealed class SampleKind : ExperimentKind<SampleConfiguration>
{
    public override string Id => "sample";

    public override string DisplayName => "Sample";

    public override string Description => "A kind for tests.";

    public override string HeadlineMeasure => "score";

    public override string HeadlineLabel => "Score";

    protected override RunSummary Execute(SampleConfiguration configuration, IRunContext context) => new();

    protected override IEnumerable<FieldError> ValidateRules(SampleConfiguration configuration)
    {
        if (configuration.Items.Count > configuration.Epochs)
        {
            yield return new FieldError("items", "Items must not outnumber epochs.");
        }
    }
}
