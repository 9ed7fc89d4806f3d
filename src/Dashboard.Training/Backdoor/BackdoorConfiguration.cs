using System.ComponentModel.DataAnnotations;
using Dashboard.Core.Configuration;
using Dashboard.Training.Classification;
using Dashboard.Training.Models;

namespace Dashboard.Training.Backdoor;

/// <summary>
/// Configuration of a multi-attack backdoor poisoning run. The defaults are the reference setting:
/// a patch attack on class 0 and a blend random attack on class 1, each poisoning 1% of all 60,000
/// Fashion-MNIST training images, trained with AdamW and a cosine schedule. "The paper" in the field
/// descriptions is "Protecting against simultaneous data poisoning attacks" (arXiv 2408.13221).
/// </summary>
public sealed partial class BackdoorConfiguration
{
    public const int DefaultEpochs = 5;

    public const int DefaultModelWidth = SmallCnn.DefaultBaseChannels;

    [Display(
        Name = "Dataset",
        Description = "Image dataset to poison and train on. Its folder comes from the server's Datasets settings.",
        GroupName = "Data",
        Order = 1)]
    public BackdoorDataset Dataset { get; set; } = BackdoorDataset.FashionMnist;

    [Display(
        Name = "Training subset size",
        Description = "Number of training images, drawn at random (seeded) from the dataset's training split; the poison ratios apply to this number. At most the training split's size (60,000 for Fashion-MNIST).",
        GroupName = "Data",
        Order = 2)]
    [Range(1, 1_000_000)]
    [DependentRange]
    [Unit("images")]
    public int TrainingSubsetSize { get; set; } = 60_000;

    [Display(
        Name = "Attacks",
        Description = "Backdoor attacks that poison the training set at the same time. No image is poisoned by two attacks.",
        GroupName = "Attacks",
        Order = 3)]
    [Length(1, 8)]
    public List<AttackSettings> Attacks { get; set; } =
    [
        AttackSettings.Create(AttackType.Patch, targetClass: 0),
        AttackSettings.Create(AttackType.BlendRandom, targetClass: 1),
    ];

    [Display(
        Name = "Model width",
        Description = "Channels of the small CNN's first convolution; later layers use multiples of it. Time per epoch grows faster than linearly with it.",
        GroupName = "Model",
        Order = 4)]
    [Range(1, 256)]
    [Unit("channels")]
    public int ModelWidth { get; set; } = DefaultModelWidth;

    [Display(
        Name = "Optimiser",
        Description = "AdamW (the paper's recipe) or SGD with momentum.",
        GroupName = "Training",
        Order = 5)]
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.AdamW;

    [Display(
        Name = "Learning rate",
        Description = "Peak learning rate; the cosine schedule decays it to 0 over all steps. The paper uses 1e-3 with AdamW.",
        GroupName = "Training",
        Order = 6)]
    [Range(0.0, 10.0, MinimumIsExclusive = true)]
    public double LearningRate { get; set; } = 1e-3;

    [Display(
        Name = "Momentum",
        Description = "Momentum of SGD; ignored by AdamW.",
        GroupName = "Training",
        Order = 7)]
    [Range(0.0, 1.0, MaximumIsExclusive = true)]
    public double Momentum { get; set; } = 0.9;

    [Display(
        Name = "Weight decay",
        Description = "Decoupled weight decay for AdamW, L2 penalty coefficient for SGD. The paper uses 1e-4.",
        GroupName = "Training",
        Order = 8)]
    [Range(0.0, 1.0)]
    public double WeightDecay { get; set; } = 1e-4;

    [Display(
        Name = "Learning-rate schedule",
        Description = "Cosine decay to 0 over all steps, updated every step, or a constant rate.",
        GroupName = "Training",
        Order = 9)]
    public LearningRateSchedule Schedule { get; set; } = LearningRateSchedule.Cosine;

    [Display(
        Name = "Epochs",
        Description = "Passes over the training subset. Test metrics are measured after each one.",
        GroupName = "Training",
        Order = 10)]
    [Range(1, 1000)]
    [Unit("epochs")]
    public int Epochs { get; set; } = DefaultEpochs;

    [Display(
        Name = "Batch size",
        Description = "Training images per optimiser step. The paper uses 128.",
        GroupName = "Training",
        Order = 11)]
    [Range(1, 65_536)]
    [Unit("images")]
    public int BatchSize { get; set; } = 128;

    [Display(
        Name = "Seed",
        Description = "Seeds the subset choice, the poisoned images, the random blend patterns, weight initialisation and shuffling. The same seed and thread count give the same run on a CPU.",
        GroupName = "Training",
        Order = 12)]
    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 1;
}
