using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Configuration;

namespace Dashboard.Training.Backdoor.Narcissus;

/// <summary>
/// How a narcissus attack synthesises its trigger ("Narcissus: A Practical Clean-Label Backdoor Attack
/// with Limited Information", arXiv 2204.05255). The defaults are far smaller than the paper's so that the
/// synthesis takes seconds on a CPU; each description gives the paper's value. Other attack types ignore it.
/// </summary>
public sealed class NarcissusSettings
{
    [Display(
        Name = "Out-of-distribution images",
        Description = "Images the surrogate model is trained on besides the target class: training-split images of the other classes, preferably ones outside the training subset (the paper uses all of Tiny-ImageNet). Narcissus attacks only.",
        Order = 1)]
    [Range(1, 1_000_000)]
    [DependentRange]
    [Unit("images")]
    public int PoodImages { get; set; } = 2_000;

    [Display(
        Name = "Surrogate epochs",
        Description = "Epochs of surrogate training on the out-of-distribution images plus the target class (the paper uses 200). Narcissus attacks only.",
        Order = 2)]
    [Range(1, 1000)]
    [Unit("epochs")]
    public int SurrogateEpochs { get; set; } = 3;

    [Display(
        Name = "Tuning epochs",
        Description = "Epochs of fine-tuning the surrogate on target-class images only, the paper's poi-warm-up (the paper uses 5). Narcissus attacks only.",
        Order = 3)]
    [Range(0, 1000)]
    [Unit("epochs")]
    public int TuningEpochs { get; set; } = 5;

    [Display(
        Name = "Trigger steps",
        Description = "Gradient steps that optimise the trigger, one batch of target-class images each (the paper uses 1,000 passes over the target class). Narcissus attacks only.",
        Order = 4)]
    [Range(1, 1_000_000)]
    [Unit("steps")]
    public int TriggerSteps { get; set; } = 300;

    [Display(
        Name = "Trigger learning rate",
        Description = "RAdam learning rate of the trigger on the 0-1 pixel scale. The paper uses 0.01 on pixels scaled to −1…1 (0.005 here) over thousands of steps; with few steps, a larger rate lets the trigger reach its bound. Narcissus attacks only.",
        Order = 5)]
    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double TriggerLearningRate { get; set; } = 0.05;

    [Display(
        Name = "Test multiplier",
        Description = "Factor the trigger is multiplied by on test images before clamping (the paper uses 3). Training images get the trigger at 1×. Narcissus attacks only.",
        Order = 6)]
    [Range(0.0, 100.0, MinimumIsExclusive = true)]
    public double TestMultiplier { get; set; } = 3;
}
