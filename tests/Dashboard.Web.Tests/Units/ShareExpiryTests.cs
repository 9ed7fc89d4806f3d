using Dashboard.Web.Components.Sharing;

namespace Dashboard.Web.Tests.Units;

public sealed class ShareExpiryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 15, 20, 0, TimeSpan.Zero);

    [Fact]
    public void NeverHasNoExpiry() => Assert.Null(ShareExpiry.Resolve(ShareExpiry.Never, null, Now));

    [Theory]
    [InlineData("1", 1)]
    [InlineData("7", 7)]
    [InlineData("30", 30)]
    public void DaysCountFromNow(string choice, int days) =>
        Assert.Equal(Now.AddDays(days), ShareExpiry.Resolve(choice, null, Now));

    [Fact]
    public void CustomDateExpiresAtEndOfDayUtc() =>
        Assert.Equal(new DateTimeOffset(2026, 4, 2, 0, 0, 0, TimeSpan.Zero), ShareExpiry.Resolve(ShareExpiry.Custom, new DateTime(2026, 4, 1), Now));

    [Fact]
    public void CustomWithoutDateThrows() =>
        Assert.Throws<ArgumentException>(() => ShareExpiry.Resolve(ShareExpiry.Custom, null, Now));

    [Fact]
    public void EveryChoiceResolves()
    {
        foreach (var (value, _) in ShareExpiry.Choices)
        {
            var expiry = ShareExpiry.Resolve(value, Now.UtcDateTime.Date, Now);

            Assert.True(expiry is null || expiry > Now, $"Choice '{value}' gives {expiry}, which is not after {Now}.");
        }
    }
}
