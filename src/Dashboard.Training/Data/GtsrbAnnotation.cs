namespace Dashboard.Training.Data;

/// <summary>
/// One row of a GTSRB annotation file: the image file name (relative to the file's folder), the image size,
/// the sign's region of interest and its class.
/// </summary>
/// <remarks>
/// <see cref="RoiX2"/> and <see cref="RoiY2"/> are used as exclusive bounds, as a Pillow crop box treats its
/// right and lower edges. GTSRB's images keep a border of at least 5 pixels around the sign, so reading them
/// as inclusive would add one border pixel at most.
/// </remarks>
/// <param name="Line">1-based line in the annotation file, for error messages.</param>
public sealed record GtsrbAnnotation(
    string FileName,
    int Width,
    int Height,
    int RoiX1,
    int RoiY1,
    int RoiX2,
    int RoiY2,
    int ClassId,
    int Line);
