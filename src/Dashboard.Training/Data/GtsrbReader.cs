namespace Dashboard.Training.Data;

/// <summary>
/// Turns annotated GTSRB images into an <see cref="ImageSet"/>: each PPM image is cropped to its annotated
/// region of interest, the usual preprocessing for GTSRB classifiers, and resized to the target shape with
/// <see cref="BilinearResize"/>. Errors are <see cref="InvalidDataException"/>s naming the image or the
/// annotation file and line.
/// </summary>
public static class GtsrbReader
{
    /// <summary>An annotation and the file that lists it, in whose folder the training images lie.</summary>
    public readonly record struct Entry(string AnnotationsPath, GtsrbAnnotation Annotation)
    {
        public string ImagePath => Path.Combine(Path.GetDirectoryName(AnnotationsPath)!, Annotation.FileName);

        public string Where => $"{AnnotationsPath} line {Annotation.Line}";
    }

    /// <summary>
    /// Decodes every entry's image into one set of <paramref name="shape"/> images, in the entries' order.
    /// Only one decoded PPM is held at a time. The set stores float pixels because the triggers and the
    /// training tensors work on floats.
    /// </summary>
    /// <param name="imagesFolder">Where the images lie when an entry's annotation file is elsewhere (the test set's).</param>
    public static ImageSet Read(IReadOnlyList<Entry> entries, string? imagesFolder, ImageShape shape, int classCount)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (shape.Channels != 3)
        {
            throw new ArgumentOutOfRangeException(nameof(shape), shape, "GTSRB images have 3 colour channels.");
        }

        var pixels = new float[checked(entries.Count * shape.PixelCount)];
        var labels = new int[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var annotation = entry.Annotation;
            if (annotation.ClassId >= classCount)
            {
                throw new InvalidDataException($"{entry.Where}: ClassId {annotation.ClassId} is outside 0 to {classCount - 1}.");
            }

            string imagePath = imagesFolder is null ? entry.ImagePath : Path.Combine(imagesFolder, annotation.FileName);
            if (!File.Exists(imagePath))
            {
                throw new InvalidDataException($"The image {imagePath} listed in {entry.Where} does not exist.");
            }

            var image = PpmReader.Read(imagePath);
            if (image.Width != annotation.Width || image.Height != annotation.Height)
            {
                throw new InvalidDataException(
                    $"{imagePath} is {image.Width}x{image.Height} pixels but {entry.Where} says {annotation.Width}x{annotation.Height}.");
            }

            var destination = pixels.AsSpan(i * shape.PixelCount, shape.PixelCount);
            BilinearResize.CropAndResize(
                image, annotation.RoiX1, annotation.RoiY1, annotation.RoiX2, annotation.RoiY2, shape.Height, shape.Width, destination);
            labels[i] = annotation.ClassId;
        }

        return new ImageSet(shape, pixels, labels);
    }
}
