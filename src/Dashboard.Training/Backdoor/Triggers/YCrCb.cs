namespace Dashboard.Training.Backdoor.Triggers;

/// <summary>
/// Full-range YCrCb on the 0-255 scale, as JPEG (ITU-T T.871) and OpenCV's <c>COLOR_RGB2YCrCb</c> define it:
/// Y = 0.299 R + 0.587 G + 0.114 B, Cr = 0.5 R − 0.418688 G − 0.081312 B + 128,
/// Cb = −0.168736 R − 0.331264 G + 0.5 B + 128. The inverse is the exact matrix inverse, so a round trip
/// returns the input up to rounding.
/// </summary>
public static class YCrCb
{
    /// <summary>Rows Y, Cr, Cb; columns R, G, B.</summary>
    private static readonly double[,] Forward =
    {
        { 0.299, 0.587, 0.114 },
        { 0.5, -0.418688, -0.081312 },
        { -0.168736, -0.331264, 0.5 },
    };

    private static readonly double[] Offset = [0, 128, 128];

    private static readonly double[,] Backward = Invert(Forward);

    /// <summary>Returns (Y, Cr, Cb) of one RGB pixel, all on the 0-255 scale.</summary>
    public static (double Y, double Cr, double Cb) FromRgb(double r, double g, double b) =>
        (Row(Forward, 0, r, g, b) + Offset[0], Row(Forward, 1, r, g, b) + Offset[1], Row(Forward, 2, r, g, b) + Offset[2]);

    /// <summary>Returns (R, G, B) of one YCrCb pixel, all on the 0-255 scale.</summary>
    public static (double R, double G, double B) ToRgb(double y, double cr, double cb)
    {
        double y0 = y - Offset[0];
        double cr0 = cr - Offset[1];
        double cb0 = cb - Offset[2];
        return (Row(Backward, 0, y0, cr0, cb0), Row(Backward, 1, y0, cr0, cb0), Row(Backward, 2, y0, cr0, cb0));
    }

    /// <summary>Returns the RGB change that a change of (Y, Cr, Cb) by the given amounts causes; the map is linear.</summary>
    public static (double R, double G, double B) RgbChange(double y, double cr, double cb) =>
        (Row(Backward, 0, y, cr, cb), Row(Backward, 1, y, cr, cb), Row(Backward, 2, y, cr, cb));

    private static double Row(double[,] matrix, int row, double a, double b, double c) =>
        matrix[row, 0] * a + matrix[row, 1] * b + matrix[row, 2] * c;

    private static double[,] Invert(double[,] m)
    {
        double determinant =
            m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1])
            - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0])
            + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);

        var inverse = new double[3, 3];
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                // The inverse is the transposed cofactor matrix divided by the determinant.
                int r1 = (column + 1) % 3, r2 = (column + 2) % 3;
                int c1 = (row + 1) % 3, c2 = (row + 2) % 3;
                inverse[row, column] = (m[r1, c1] * m[r2, c2] - m[r1, c2] * m[r2, c1]) / determinant;
            }
        }

        return inverse;
    }
}
