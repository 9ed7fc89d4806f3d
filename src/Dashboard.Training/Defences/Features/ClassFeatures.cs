using Dashboard.Training.Backdoor;
using Dashboard.Training.Classification;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Dashboard.Training.Defences.Features;

/// <summary>
/// Penultimate representations of the training rows, one class (by given label) at a time, so that only one
/// class's features are in memory at once.
/// </summary>
public static class ClassFeatures
{
    /// <summary>
    /// Calls <paramref name="analyse"/> once per class that has training rows, with the class, its rows
    /// (ascending), and their features as a row-major rows × dimension matrix.
    /// </summary>
    public static void ForEachClass(
        DefenceEnvironment environment,
        Module<Tensor, Tensor> model,
        Action<int, int[], float[], int> analyse)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(analyse);

        var rows = environment.Rows;
        var training = environment.Data.Training;
        for (int label = 0; label < environment.Data.Dataset.ClassCount; label++)
        {
            int target = label;
            int[] classRows = [.. Enumerable.Range(0, rows.Count).Where(row => rows.GivenLabel[row] == target)];
            if (classRows.Length == 0)
            {
                continue;
            }

            float[] features = PenultimateFeatures.Extract(
                model,
                training.Images,
                [.. classRows.Select(row => (long)row)],
                BackdoorTestSets.EvaluationBatchSize,
                environment.CancellationToken,
                out int dimension);
            analyse(label, classRows, features, dimension);
        }
    }
}
