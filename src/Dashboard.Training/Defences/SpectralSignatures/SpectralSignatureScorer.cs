using Dashboard.Training.Defences.Features;

namespace Dashboard.Training.Defences.SpectralSignatures;

/// <summary>
/// The outlier score of "Spectral Signatures in Backdoor Attacks" (Tran, Li and Madry, arXiv 1811.00636):
/// within one class, centre the penultimate representations, take the top right singular vector v of the
/// centred matrix M, and score each example by its squared projection ((M v)_i)². Poisoned examples shift
/// the representation along one direction, which then dominates the spectrum.
/// </summary>
public static class SpectralSignatureScorer
{
    /// <summary>
    /// Returns the score of each row of the row-major <paramref name="rows"/> × <paramref name="dimension"/>
    /// <paramref name="features"/> of one class. Centres <paramref name="features"/> in place.
    /// </summary>
    public static double[] Scores(float[] features, int rows, int dimension, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (rows < 2)
        {
            // A single example has no spread and so no direction to project on.
            return new double[rows];
        }

        FeatureMatrix.Centre(features, rows, dimension);
        var top = RandomizedSvd.Compute(features, rows, dimension, rank: 1, seed);

        var scores = new double[rows];
        for (int i = 0; i < rows; i++)
        {
            double projection = 0;
            for (int j = 0; j < dimension; j++)
            {
                projection += features[i * dimension + j] * top.RightAt(j, 0);
            }

            scores[i] = projection * projection;
        }

        return scores;
    }
}
