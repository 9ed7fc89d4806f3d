using Dashboard.Core.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Classification;

/// <summary>
/// Saves and restores the state of a model under training: its weights and buffers (<c>model.bin</c>, TorchSharp's
/// format), the optimiser state (<c>optimizer.bin</c>) and libtorch's CPU random-number generator (<c>rng.bin</c>).
/// The image order needs no file because <see cref="ClassifierTrainer.Restore"/> replays it from the seed.
/// </summary>
public static class TrainingCheckpoint
{
    public const string ModelFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string RandomStateFile = "rng.bin";

    /// <summary>
    /// Saves a checkpoint of <paramref name="model"/> and <paramref name="trainer"/>;
    /// <paramref name="writeStudyState"/> adds the study's own files to the same folder.
    /// </summary>
    public static SavedCheckpoint Save(
        CheckpointFolder folder,
        CheckpointInfo info,
        Module<Tensor, Tensor> model,
        ClassifierTrainer trainer,
        Action<string>? writeStudyState = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainer);

        return folder.Save(info, directory =>
        {
            model.save(Path.Combine(directory, ModelFile));
            trainer.SaveOptimizerState(Path.Combine(directory, OptimizerFile));
            using (var state = torch.random.get_rng_state())
            {
                File.WriteAllBytes(Path.Combine(directory, RandomStateFile), state.data<byte>().ToArray());
            }

            writeStudyState?.Invoke(directory);
        });
    }

    /// <summary>
    /// Loads the weights into <paramref name="model"/> (already on its device), restores
    /// <paramref name="trainer"/> to the checkpoint's epoch and step, and sets libtorch's CPU generator state.
    /// </summary>
    public static void Restore(SavedCheckpoint checkpoint, Module<Tensor, Tensor> model, ClassifierTrainer trainer)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(trainer);

        model.load(checkpoint.File(ModelFile));
        trainer.Restore(checkpoint.Info.Epoch, checkpoint.Info.Step, checkpoint.File(OptimizerFile));

        // NOTE: only libtorch's CPU generator is saved and restored; a CUDA generator's state is not.
        byte[] state = File.ReadAllBytes(checkpoint.File(RandomStateFile));
        using var tensor = torch.tensor(state, dtype: ScalarType.Byte);
        torch.random.set_rng_state(tensor);
    }
}
