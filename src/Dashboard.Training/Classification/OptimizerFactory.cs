using TorchSharp;
using TorchSharp.Modules;

namespace Dashboard.Training.Classification;

public static class OptimizerFactory
{
    public static torch.optim.Optimizer Create(IEnumerable<Parameter> parameters, TrainingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(settings);

        return settings.Optimizer switch
        {
            OptimizerKind.AdamW => torch.optim.AdamW(parameters, settings.LearningRate, weight_decay: settings.WeightDecay),
            OptimizerKind.Sgd => torch.optim.SGD(parameters, settings.LearningRate, momentum: settings.Momentum, weight_decay: settings.WeightDecay),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Optimizer, "Unknown optimiser."),
        };
    }
}
