using Dashboard.Training.Torch;

namespace Dashboard.Training.Tests.Torch;

public sealed class NativeAllocatorTests
{
    [Fact]
    public void TunesGlibcOnLinux()
    {
        // The supported platforms (Debian, Ubuntu) use glibc; elsewhere the call must change nothing.
        Assert.Equal(OperatingSystem.IsLinux(), NativeAllocator.KeepBatchBuffersInHeap());
    }
}
