using Dashboard.Training.Data;

namespace Dashboard.Training.Images;

public static class PngDataUri
{
    public const string Prefix = "data:image/png;base64,";

    /// <summary>Returns the image as a <c>data:image/png;base64,…</c> URI for embedding in JSON or HTML.</summary>
    public static string Encode(ReadOnlySpan<float> image, ImageShape shape) =>
        Prefix + Convert.ToBase64String(PngEncoder.Encode(image, shape));
}
