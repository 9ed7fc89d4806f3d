namespace Dashboard.Training.Defences.Features;

public static class FeatureMatrix
{
    /// <summary>
    /// Subtracts each column's mean from a row-major <paramref name="rows"/> × <paramref name="columns"/>
    /// matrix in place, so that its singular vectors are its principal directions.
    /// </summary>
    public static void Centre(float[] values, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(values);
        if ((long)rows * columns != values.Length)
        {
            throw new ArgumentException($"A {rows} × {columns} matrix needs {(long)rows * columns} values; got {values.Length}.", nameof(values));
        }

        var means = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            int offset = r * columns;
            for (int c = 0; c < columns; c++)
            {
                means[c] += values[offset + c];
            }
        }

        for (int c = 0; c < columns; c++)
        {
            means[c] /= rows;
        }

        for (int r = 0; r < rows; r++)
        {
            int offset = r * columns;
            for (int c = 0; c < columns; c++)
            {
                values[offset + c] = (float)(values[offset + c] - means[c]);
            }
        }
    }
}
