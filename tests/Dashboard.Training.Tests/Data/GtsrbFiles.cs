using System.Text;

namespace Dashboard.Training.Tests.Data;

/// <summary>Writes a small GTSRB folder: PPM images with semicolon-separated annotation files.</summary>
public static class GtsrbFiles
{
    public const string Header = "Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2;ClassId";

    /// <summary>A binary PPM of one colour, with a comment in its header as real encoders may write.</summary>
    public static byte[] Ppm(int width, int height, byte red, byte green, byte blue)
    {
        var header = Encoding.ASCII.GetBytes($"P6\n# test image\n{width} {height}\n255\n");
        var bytes = new byte[header.Length + 3 * width * height];
        header.CopyTo(bytes, 0);
        for (int i = 0; i < width * height; i++)
        {
            bytes[header.Length + 3 * i] = red;
            bytes[header.Length + 3 * i + 1] = green;
            bytes[header.Length + 3 * i + 2] = blue;
        }

        return bytes;
    }

    /// <summary>
    /// A PPM with a border of one colour around a region of interest of another, so that cropping shows.
    /// </summary>
    public static byte[] FramedPpm(int width, int height, int left, int top, int right, int bottom, byte inside, byte border)
    {
        var bytes = Ppm(width, height, border, border, border);
        int start = bytes.Length - 3 * width * height;
        for (int y = top; y < bottom; y++)
        {
            for (int x = left; x < right; x++)
            {
                for (int channel = 0; channel < 3; channel++)
                {
                    bytes[start + (y * width + x) * 3 + channel] = inside;
                }
            }
        }

        return bytes;
    }

    public static string ClassFolder(string root, int classId) => Path.Combine(root, "Final_Training", "Images", classId.ToString("D5"));

    public static string ClassAnnotations(string root, int classId) => Path.Combine(ClassFolder(root, classId), $"GT-{classId:D5}.csv");

    public static string TestImages(string root) => Path.Combine(root, "Final_Test", "Images");

    /// <summary>
    /// Writes all 43 training classes with one 8×6 image each and a test set of two images of classes 42 and 7.
    /// Each image's grey level is its class id inside the region of interest, and a 1-pixel frame of 255 lies
    /// outside it. The test annotations go to <paramref name="testAnnotationsFolder"/>, by default <paramref name="root"/>.
    /// </summary>
    public static void WriteAll(string root, string? testAnnotationsFolder = null)
    {
        for (int classId = 0; classId < 43; classId++)
        {
            string folder = ClassFolder(root, classId);
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, "00000_00000.ppm"), FramedPpm(8, 6, 1, 1, 7, 5, inside: (byte)classId, border: 255));
            File.WriteAllText(ClassAnnotations(root, classId), $"{Header}\n00000_00000.ppm;8;6;1;1;7;5;{classId}\n");
        }

        string testImages = TestImages(root);
        Directory.CreateDirectory(testImages);
        File.WriteAllBytes(Path.Combine(testImages, "00000.ppm"), FramedPpm(8, 6, 1, 1, 7, 5, inside: 42, border: 255));
        File.WriteAllBytes(Path.Combine(testImages, "00001.ppm"), FramedPpm(8, 6, 1, 1, 7, 5, inside: 7, border: 255));
        string annotationsFolder = testAnnotationsFolder ?? root;
        Directory.CreateDirectory(annotationsFolder);
        File.WriteAllText(
            Path.Combine(annotationsFolder, "GT-final_test.csv"),
            $"{Header}\r\n00000.ppm;8;6;1;1;7;5;42\r\n00001.ppm;8;6;1;1;7;5;7\r\n");
    }
}
