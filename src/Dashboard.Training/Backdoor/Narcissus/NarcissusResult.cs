namespace Dashboard.Training.Backdoor.Narcissus;

/// <summary>
/// A synthesised narcissus perturbation δ (CHW, [0, 1] pixel scale) and the surrogate's mean target-class
/// probability on held-out images, which shows whether the optimisation worked. Target-class images are
/// scored without δ and with δ at 1×, as on poisoned training images. Out-of-distribution images are scored
/// without δ and with δ at the test multiplier, as on test images.
/// </summary>
public sealed record NarcissusResult(
    float[] Perturbation,
    double TargetProbabilityClean,
    double TargetProbabilityTriggered,
    double PoodProbabilityClean,
    double PoodProbabilityTriggered);
