using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Classification;

public enum LearningRateSchedule
{
    [Display(Name = "Cosine", Description = "Cosine decay from the learning rate to 0 over all training steps, updated every step.")]
    Cosine,

    [Display(Name = "Constant", Description = "The same learning rate for every step.")]
    Constant,
}
