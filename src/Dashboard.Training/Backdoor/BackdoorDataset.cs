using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Backdoor;

/// <summary>Datasets the backdoor experiment can poison. JSON values: "fashionMnist", "cifar10", "gtsrb".</summary>
public enum BackdoorDataset
{
    [Display(
        Name = "Fashion-MNIST",
        Description = "60,000 training and 10,000 test grey images of 28×28 pixels, 10 clothing classes.")]
    FashionMnist,

    [Display(
        Name = "CIFAR-10",
        Description = "50,000 training and 10,000 test colour images of 32×32 pixels, 10 object classes. A dataset of the multi-attack paper (arXiv 2408.13221).")]
    Cifar10,

    [Display(
        Name = "GTSRB",
        Description = "German traffic signs: 39,209 training and 12,630 test colour photographs in 43 classes, cropped to the sign and resized to 32×32. A dataset of the multi-attack paper (arXiv 2408.13221).")]
    Gtsrb,
}
