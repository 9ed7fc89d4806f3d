using System.ComponentModel.DataAnnotations;
using Dashboard.Training.Defences;

namespace Dashboard.Training.Backdoor;

public sealed partial class BackdoorConfiguration
{
    [Display(
        Name = "Defence",
        Description = "Training-set defence applied before the final model is trained, with the parameters of every defence; only the chosen defence's parameters are used.",
        GroupName = "Defence",
        Order = 20)]
    public DefenceSettings Defence { get; set; } = new();
}
