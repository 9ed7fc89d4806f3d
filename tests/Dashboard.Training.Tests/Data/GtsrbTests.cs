using Dashboard.Core.Experiments;
using Dashboard.Training.Data;
using Dashboard.Training.Tests.Support;

namespace Dashboard.Training.Tests.Data;

public sealed class GtsrbTests
{
    [Fact]
    public void SmallFolderLoads()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);

        var dataset = Gtsrb.Load(folder.Path);

        Assert.Equal(43, dataset.Training.Count);
        Assert.Equal(Enumerable.Range(0, 43), dataset.Training.Labels);
        Assert.Equal(new[] { 42, 7 }, dataset.Test.Labels);
        Assert.Equal(new ImageShape(3, 32, 32), dataset.Shape);
        Assert.Equal(43, dataset.ClassCount);
    }

    [Fact]
    public void ImagesCroppedToRegionOfInterest()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);

        var dataset = Gtsrb.Load(folder.Path);

        // The 255 frame lies outside the region of interest, so no output pixel may see it.
        Assert.All(dataset.Training.Image(7).ToArray(), value => Assert.Equal(7 / 255f, value, 6));
        Assert.All(dataset.Test.Image(0).ToArray(), value => Assert.Equal(42 / 255f, value, 6));
    }

    [Fact]
    public void ArchiveLayoutWithTestAnnotationsBesideGtsrbFolder()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(Path.Combine(folder.Path, "GTSRB"), testAnnotationsFolder: folder.Path);

        Assert.Null(Gtsrb.FindMissingFile(folder.Path));
        Assert.Equal(2, Gtsrb.Load(folder.Path).Test.Count);
    }

    [Fact]
    public void TestAnnotationsInImagesFolderFound()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path, testAnnotationsFolder: GtsrbFiles.TestImages(folder.Path));

        Assert.Equal(2, Gtsrb.Load(folder.Path).Test.Count);
    }

    [Fact]
    public void MissingClassAnnotationsNamed()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        string annotations = GtsrbFiles.ClassAnnotations(folder.Path, 12);
        File.Delete(annotations);

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"annotation file {annotations} does not exist", error.Message);
        Assert.Contains("GTSRB_Final_Training_Images", error.Message);
        Assert.Contains("Datasets:gtsrb", error.Message);
        Assert.Equal(annotations, Gtsrb.FindMissingFile(folder.Path));
    }

    [Fact]
    public void MissingTestAnnotationsNamedWithArchive()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        File.Delete(folder.File("GT-final_test.csv"));

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains("GT-final_test.csv is not in any of", error.Message);
        Assert.Contains(GtsrbFiles.TestImages(folder.Path), error.Message);
        Assert.Contains("GTSRB_Final_Test_GT", error.Message);
    }

    [Fact]
    public void TestAnnotationsWithoutClassIdRejected()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        File.WriteAllText(folder.File("GT-final_test.csv"), "Filename;Width;Height;Roi.X1;Roi.Y1;Roi.X2;Roi.Y2\n00000.ppm;8;6;1;1;7;5\n");

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"{folder.File("GT-final_test.csv")} has no column ClassId", error.Message);
        Assert.Contains("GTSRB_Final_Test_GT", error.Message);
    }

    [Fact]
    public void MissingImageNamedWithAnnotationLine()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        string image = Path.Combine(GtsrbFiles.TestImages(folder.Path), "00001.ppm");
        File.Delete(image);

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"The image {image} listed in {folder.File("GT-final_test.csv")} line 3 does not exist", error.Message);
    }

    [Fact]
    public void WrongMagicNamesImage()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        string image = Path.Combine(GtsrbFiles.ClassFolder(folder.Path, 3), "00000_00000.ppm");
        File.WriteAllText(image, "P3\n8 6\n255\n");

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"{image} is not a binary PPM image", error.Message);
    }

    [Fact]
    public void SizeDifferentFromAnnotationRejected()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        string image = Path.Combine(GtsrbFiles.ClassFolder(folder.Path, 0), "00000_00000.ppm");
        File.WriteAllBytes(image, GtsrbFiles.Ppm(9, 6, 0, 0, 0));

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"{image} is 9x6 pixels but", error.Message);
    }

    [Fact]
    public void ClassIdOfOtherFolderRejected()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        string annotations = GtsrbFiles.ClassAnnotations(folder.Path, 5);
        File.WriteAllText(annotations, $"{GtsrbFiles.Header}\n00000_00000.ppm;8;6;1;1;7;5;6\n");

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"{annotations} line 2 has ClassId 6", error.Message);
    }

    [Fact]
    public void RegionOutsideImageRejected()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        string annotations = GtsrbFiles.ClassAnnotations(folder.Path, 1);
        File.WriteAllText(annotations, $"{GtsrbFiles.Header}\n00000_00000.ppm;8;6;1;1;9;5;1\n");

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"{annotations} line 2: the region of interest (1,1)-(9,5) is empty or outside the 8x6 image", error.Message);
    }

    [Fact]
    public void NonNumericCellRejected()
    {
        using var folder = new TemporaryFolder();
        GtsrbFiles.WriteAll(folder.Path);
        string annotations = GtsrbFiles.ClassAnnotations(folder.Path, 2);
        File.WriteAllText(annotations, $"{GtsrbFiles.Header}\n00000_00000.ppm;8;six;1;1;7;5;2\n");

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder.Path));

        Assert.Contains($"{annotations} line 2: Height is \"six\"", error.Message);
    }

    [Fact]
    public void MissingFolderNamed()
    {
        string folder = Path.Combine(Path.GetTempPath(), "no-such-gtsrb-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<RunFailedException>(() => Gtsrb.Load(folder));

        Assert.Contains($"folder {folder} does not exist", error.Message);
        Assert.Contains("GTSRB_Final_Test_Images", error.Message);
    }

    [Fact]
    public void UnsetFolderFailsWithSetting()
    {
        var error = Assert.Throws<RunFailedException>(() => Gtsrb.ResolveFolder(new RunEnvironment()));

        Assert.Contains("Datasets:gtsrb", error.Message);
    }
}
