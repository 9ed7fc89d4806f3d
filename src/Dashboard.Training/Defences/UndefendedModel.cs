using Dashboard.Training.Backdoor;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Defences;

/// <summary>
/// The model that Spectral Signatures and Activation Clustering read representations from: trained on the
/// poisoned set exactly as an undefended run trains it (same seed, shuffle order and epochs), so its test
/// results are the undefended run's.
/// </summary>
public static class UndefendedModel
{
    public const string Description = "undefended model";

    /// <summary>Trains the model and returns it (the caller owns it) with its test results.</summary>
    public static (Module<Tensor, Tensor> Model, BackdoorEvaluation Evaluation) Train(DefenceEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);

        var configuration = environment.Configuration;
        var training = environment.Data.Training;
        var model = DefenceTraining.CreateModel(environment);
        try
        {
            environment.Context.Log($"Training the {Description} for {configuration.Epochs} epochs to read its representations.");
            DefenceTraining.Train(
                environment,
                model,
                training.Images,
                training.Labels,
                rows: null,
                configuration.Epochs,
                new RunSeeds(configuration.Seed).Shuffle,
                "poisoned model",
                epochOffset: 0);
            var evaluation = DefenceTraining.Evaluate(environment, model, "Undefended model");
            return (model, evaluation);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }
}
