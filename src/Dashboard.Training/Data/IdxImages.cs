namespace Dashboard.Training.Data;

/// <summary>
/// Grey images read from an IDX file: <see cref="Count"/> images of <see cref="Rows"/> × <see cref="Columns"/>
/// unsigned bytes, row-major, image after image.
/// </summary>
public sealed record IdxImages(int Count, int Rows, int Columns, byte[] Pixels);
