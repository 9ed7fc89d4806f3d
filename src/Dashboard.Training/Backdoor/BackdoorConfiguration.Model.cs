using System.ComponentModel.DataAnnotations;
using Dashboard.Training.Models;

namespace Dashboard.Training.Backdoor;

public sealed partial class BackdoorConfiguration
{
    [Display(
        Name = "Model",
        Description = "Classifier to train. The small CNN is fast on a CPU and is the only one that Model width changes. "
            + "ResNet-18 (CIFAR stem) and pre-activation ResNet-18 (BackdoorBench's model) have 11.2 million parameters each "
            + "and train far more slowly on a CPU.",
        GroupName = "Model",
        Order = 4)]
    public ModelArchitecture Model { get; set; } = ModelArchitecture.SmallCnn;
}
