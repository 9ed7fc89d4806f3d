using Dashboard.Training.Backdoor;

namespace Dashboard.Training.Defences;

/// <summary>What a defence produced before the final model is trained.</summary>
/// <param name="Before">Test results of the model the defence trained on the poisoned set, or null if it trained none.</param>
/// <param name="BeforeLabel">What that model is, for measure labels, for example "undefended model".</param>
public sealed record DefenceOutcome(DetectionResult Detection, BackdoorEvaluation? Before, string BeforeLabel);
