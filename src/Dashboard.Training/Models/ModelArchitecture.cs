using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Models;

/// <summary>Classifiers a backdoor run can train. JSON values: "smallCnn", "resNet18", "preActResNet18".</summary>
public enum ModelArchitecture
{
    [Display(
        Name = "Small CNN",
        Description = "Two strided 3×3 convolutions and one linear layer, as wide as the Model width field sets. Fast on a CPU.")]
    SmallCnn,

    [Display(
        Name = "ResNet-18",
        Description = "ResNet-18 with the 3×3 stride-1 stem for small images (\"Deep Residual Learning for Image Recognition\", arXiv 1512.03385), with 11.2 million parameters.")]
    ResNet18,

    [Display(
        Name = "Pre-activation ResNet-18",
        Description = "Pre-activation ResNet-18 (\"Identity Mappings in Deep Residual Networks\", arXiv 1603.05027) as BackdoorBench (arXiv 2206.12654) trains it, with 11.2 million parameters.")]
    PreActResNet18,
}
