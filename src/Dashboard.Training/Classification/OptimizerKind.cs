using System.ComponentModel.DataAnnotations;

namespace Dashboard.Training.Classification;

public enum OptimizerKind
{
    [Display(Name = "AdamW", Description = "Adam with decoupled weight decay (Loshchilov and Hutter).")]
    AdamW,

    [Display(Name = "SGD with momentum", Description = "Stochastic gradient descent with heavy-ball momentum and L2 weight decay.")]
    Sgd,
}
