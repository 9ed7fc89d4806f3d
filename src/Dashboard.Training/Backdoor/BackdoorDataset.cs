using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Backdoor;

/// <summary>Datasets the backdoor experiment can poison.</summary>
public enum BackdoorDataset
{
    [Display(
        Name = "Fashion-MNIST",
        Description = "60,000 training and 10,000 test grey images of 28×28 pixels, 10 clothing classes.")]
    FashionMnist,
}
