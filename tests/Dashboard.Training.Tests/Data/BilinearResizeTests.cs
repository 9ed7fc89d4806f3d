using Dashboard.Training.Data;

namespace Dashboard.Training.Tests.Data;

public sealed class BilinearResizeTests
{
    // Expected values from Debian's PyTorch 1.13: torch.nn.functional.interpolate(x, size, mode="bilinear",
    // align_corners=False, antialias=True) on Pattern(height, width) / 255 in float64, rounded to 6 digits.
    public static TheoryData<int, int, int, int, double[]> PyTorchCases => new()
    {
        {
            9, 7, 4, 3,
            [
                0.157871, 0.300728, 0.443585, 0.404058, 0.546915, 0.681028, 0.682777, 0.757937, 0.534741, 0.689252, 0.383417, 0.253782,
                0.365714, 0.508571, 0.651429, 0.611901, 0.724511, 0.699980, 0.644012, 0.383880, 0.244121, 0.204594, 0.275742, 0.418599,
                0.573557, 0.716415, 0.787563, 0.748036, 0.608276, 0.348145, 0.292177, 0.267646, 0.380256, 0.340728, 0.483585, 0.626443,
            ]
        },
        {
            3, 2, 5, 4,
            [
                0.000000, 0.016667, 0.050000, 0.066667, 0.048627, 0.065294, 0.098627, 0.115294, 0.121569, 0.138235, 0.171569, 0.188235,
                0.194510, 0.211176, 0.244510, 0.261176, 0.243137, 0.259804, 0.293137, 0.309804, 0.207843, 0.224510, 0.257843, 0.274510,
                0.256471, 0.273137, 0.306471, 0.323137, 0.329412, 0.346078, 0.379412, 0.396078, 0.402353, 0.419020, 0.452353, 0.469020,
                0.450980, 0.467647, 0.500980, 0.517647, 0.415686, 0.432353, 0.465686, 0.482353, 0.464314, 0.480980, 0.514314, 0.530980,
                0.537255, 0.553922, 0.587255, 0.603922, 0.610196, 0.626863, 0.660196, 0.676863, 0.658824, 0.675490, 0.708824, 0.725490,
            ]
        },
        {
            3, 10, 6, 4,
            [
                0.066667, 0.216000, 0.384000, 0.533333, 0.097059, 0.246392, 0.414392, 0.563725, 0.157843, 0.307176, 0.475176, 0.624510,
                0.218627, 0.367961, 0.535961, 0.685294, 0.279412, 0.428745, 0.596745, 0.746078, 0.309804, 0.459137, 0.627137, 0.776471,
                0.274510, 0.423843, 0.591843, 0.741176, 0.304902, 0.454235, 0.622235, 0.771569, 0.365686, 0.515020, 0.683020, 0.832353,
                0.426471, 0.575804, 0.743804, 0.813280, 0.487255, 0.636588, 0.804588, 0.714349, 0.517647, 0.666980, 0.834980, 0.664884,
                0.482353, 0.631686, 0.799686, 0.629590, 0.512745, 0.662078, 0.769843, 0.500267, 0.573529, 0.722863, 0.710157, 0.241622,
                0.634314, 0.783647, 0.620353, 0.131283, 0.695098, 0.844431, 0.500431, 0.169251, 0.725490, 0.874824, 0.440471, 0.188235,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(PyTorchCases))]
    public void MatchesPyTorchAntialiasedBilinear(int height, int width, int outputHeight, int outputWidth, double[] expected)
    {
        var output = new float[3 * outputHeight * outputWidth];

        BilinearResize.CropAndResize(Pattern(height, width), 0, 0, width, height, outputHeight, outputWidth, output);

        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - output[i]) < 2e-6, $"value {i}: expected {expected[i]}, got {output[i]}");
        }
    }

    [Fact]
    public void SameSizeCopiesCrop()
    {
        var image = Pattern(6, 5);
        var output = new float[3 * 2 * 3];

        BilinearResize.CropAndResize(image, left: 1, top: 2, right: 4, bottom: 4, height: 2, width: 3, output);

        for (int channel = 0; channel < 3; channel++)
        {
            for (int y = 0; y < 2; y++)
            {
                for (int x = 0; x < 3; x++)
                {
                    Assert.Equal(image[2 + y, 1 + x, channel] / 255f, output[(channel * 2 + y) * 3 + x], 6);
                }
            }
        }
    }

    [Fact]
    public void RepeatedCallsIdentical()
    {
        var image = Pattern(47, 53);
        var first = new float[3 * 32 * 32];
        var second = new float[3 * 32 * 32];

        BilinearResize.CropAndResize(image, 5, 6, 48, 41, 32, 32, first);
        BilinearResize.CropAndResize(image, 5, 6, 48, 41, 32, 32, second);

        Assert.Equal(first, second);
    }

    [Fact]
    public void CropOutsideImageRejected()
    {
        var output = new float[3 * 4 * 4];

        Assert.Throws<ArgumentOutOfRangeException>(() => BilinearResize.CropAndResize(Pattern(4, 4), 0, 0, 5, 4, 4, 4, output));
    }

    /// <summary>Pixel (r, c) of channel ch is (31 r + 17 c + 53 ch) mod 256: a pattern with sharp jumps.</summary>
    private static PpmImage Pattern(int height, int width)
    {
        var pixels = new byte[3 * width * height];
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                for (int ch = 0; ch < 3; ch++)
                {
                    pixels[(r * width + c) * 3 + ch] = (byte)((r * 31 + c * 17 + ch * 53) % 256);
                }
            }
        }

        return new PpmImage(width, height, pixels);
    }
}
